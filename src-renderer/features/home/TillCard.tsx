import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';

/** The till at a glance: open since when and by whom, and the cash that should be in it. */
export function TillCard() {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  const till = useApp(tillSelectors.till);
  if (!till) {
    return (
      <div className="card till-card is-closed" data-testid="till-card">
        <strong>{t('home.tillClosed')}</strong>
        <span className="muted">{t('home.tillClosedHint')}</span>
      </div>
    );
  }
  return (
    <div className="card till-card is-open" data-testid="till-card">
      <div>
        <strong>{t('home.tillOpenSince', { time: time(till.openedAt), name: till.openedBy })}</strong>
        <span className="muted">{t('home.openingFloat')} <span className="num">{yen(till.openingFloat)}</span></span>
      </div>
      <div className="till-card-figure">
        <span>{t('till.expected')}</span>
        <strong className="num" data-testid="home-expected">{yen(till.expectedCash)}</strong>
      </div>
    </div>
  );
}
