import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import './floor.css';

/** The big home tile to the table list (テーブル一覧 / 注文・会計), as on the register's TOP screen. */
export function FloorHomeTile() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" className="home-tile tile-floor" onClick={() => navigate('floor')}>
      <strong>{t('floor.homeTile')}</strong>
      <span>{t('floor.homeTileHint')}</span>
    </button>
  );
}
