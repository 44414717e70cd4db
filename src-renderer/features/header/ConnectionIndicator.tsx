import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { systemSelectors } from '../../store/slices/system/selectors.ts';

/** Whether live updates (the push channel) reach this screen. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const connected = useApp(systemSelectors.connected);
  return (
    <span className={`header-conn ${connected ? 'is-up' : 'is-down'}`} data-testid="connection" data-connected={connected}>
      <span className="dot" aria-hidden="true" />
      {connected ? t('header.online') : t('header.offline')}
    </span>
  );
}
