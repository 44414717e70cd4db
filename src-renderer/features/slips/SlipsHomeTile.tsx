import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';

/** 伝票明細 on the menu (G3): search, reprint, USEN PAY history, 伝票取消. */
export function SlipsHomeTile() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" className="home-tile tile-slips" onClick={() => navigate('slips')}>
      <strong>{t('slips.title')}</strong>
      <span>{t('slips.tileHint')}</span>
    </button>
  );
}
