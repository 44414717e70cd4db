import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { systemSelectors } from '../../store/slices/system/selectors.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import { ReportHistory } from './ReportHistory.tsx';
import { SettlementReport } from './SettlementReport.tsx';
import './report.css';

/** 精算レポート: the just-closed (or latest, or a picked) session, with browser printing for now. */
export function ReportScreen() {
  const { t } = useTranslation();
  const report = useApp(tillSelectors.report);
  const history = useApp(tillSelectors.history);
  const storeName = useApp(systemSelectors.storeName);
  const loadReport = useApp((s) => s.loadReport);

  useEffect(() => {
    // Keep a report that is already on screen (just closed); otherwise show the latest.
    void loadReport(report?.sessionId);
    // Only on entering the screen: picking from the history loads by itself.
  }, [loadReport]);

  const print = (
    <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!report}>
      {t('report.print')}
    </button>
  );
  return (
    <ScreenFrame title={t('report.title')} extra={print} className="report-screen">
      <div className="report-layout">
        <ReportHistory history={history} selectedId={report?.sessionId ?? null} onSelect={(id) => void loadReport(id)} />
        <div className="report-paper">
          {report ? <SettlementReport report={report} storeName={storeName} /> : <p className="card">{t('report.none')}</p>}
        </div>
      </div>
    </ScreenFrame>
  );
}
