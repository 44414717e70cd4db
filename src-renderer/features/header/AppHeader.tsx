import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';
import { systemSelectors } from '../../store/slices/system/selectors.ts';
import { Clock } from './Clock.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SyncBadge } from '../sync/SyncBadge.tsx';
import './header.css';

/** Store, business day, till state, who is working, time, connection and language. */
export function AppHeader() {
  const { t } = useTranslation();
  const { day } = useFormat();
  const status = useApp(systemSelectors.status);
  const staff = useApp(sessionSelectors.staff);
  const tillOpen = status?.tillOpen ?? false;
  return (
    <header className="app-header">
      <div className="header-store">
        <strong>{status?.storeName}</strong>
        <span className="muted-inv">{t('header.register', { no: status?.registerNo ?? '' })}</span>
      </div>
      <div className="header-item">
        <span className="muted-inv">{t('header.businessDay')}</span>
        <strong className="num" data-testid="business-day">{status ? day(status.businessDay) : ''}</strong>
      </div>
      <span className={`header-till ${tillOpen ? 'is-open' : 'is-closed'}`} data-testid="till-state">
        {tillOpen ? t('header.tillOpen') : t('header.tillClosed')}
      </span>
      <div className="header-spacer" />
      {staff && (
        <div className="header-item" data-testid="staff-name">
          <span className="muted-inv">{t(`roles.${staff.role}`)}</span>
          <strong>{staff.name}</strong>
        </div>
      )}
      <Clock />
      <SyncBadge />
      <ConnectionIndicator />
      <LanguageSwitch />
    </header>
  );
}
