import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';

/** メニュー・会計設定 on the menu (managers). */
export function CheckoutSettingsHomeTile() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" className="home-tile tile-settings" onClick={() => navigate('checkoutSettings')}>
      <strong>{t('menuSettings.title')}</strong>
      <span>{t('menuSettings.tileHint')}</span>
    </button>
  );
}
