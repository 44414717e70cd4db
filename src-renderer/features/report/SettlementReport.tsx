import { useTranslation } from 'react-i18next';
import type { TillSummary } from '../../../src-shared/contract/index.ts';
import { DENOMINATIONS } from '../../../src-shared/money.ts';
import { useFormat } from '../../components/useFormat.ts';
import { Difference } from '../till/Difference.tsx';
import { SettlementFigures } from './SettlementFigures.tsx';

type Props = { report: TillSummary; storeName: string };

/** 精算レポート at receipt width: what the printer will get once a printer transport exists. */
export function SettlementReport({ report: r, storeName }: Props) {
  const { t } = useTranslation();
  const { yen, dateTime, time, day } = useFormat();
  const line = (label: string, value: string, testId?: string) => (
    <div className="receipt-line"><span>{label}</span><span className="num" data-testid={testId}>{value}</span></div>
  );
  return (
    <article className="receipt print-area" aria-label={t('report.title')} data-testid="settlement-report">
      <header className="receipt-head">
        <h2>{t('report.title')}</h2>
        <p>{storeName}</p>
        <p>{t('header.register', { no: r.registerNo })} ・ {t('header.businessDay')} {day(r.businessDay)}</p>
        {r.status === 'open' && <p className="receipt-badge">{t('report.stillOpen')}</p>}
      </header>
      <section>
        {line(t('report.opened'), `${dateTime(r.openedAt)} ${r.openedBy}`)}
        {line(t('report.closed'), r.closedAt ? `${dateTime(r.closedAt)} ${r.closedBy ?? ''}` : '—')}
      </section>
      <section className="receipt-figures">
        {line(t('report.openingFloat'), yen(r.openingFloat), 'report-float')}
        {line(t('report.cashIn'), `+${yen(r.cashIn)}`, 'report-cash-in')}
        {line(t('report.cashOut'), `−${yen(r.cashOut)}`, 'report-cash-out')}
        {line(t('report.cashSales'), yen(r.cashSales), 'report-cash-sales')}
        <div className="receipt-line is-strong"><span>{t('till.expected')}</span><span className="num" data-testid="report-expected">{yen(r.expectedCash)}</span></div>
        {line(t('till.counted'), r.countedCash === null ? '—' : yen(r.countedCash), 'report-counted')}
        <div className="receipt-line is-strong">
          <span>{t('till.difference')}</span>
          {r.difference === null ? <span>—</span> : <Difference amount={r.difference} />}
        </div>
      </section>
      {r.settlement && <SettlementFigures settlement={r.settlement} />}
      <section>
        <h3>{t('report.counts')}</h3>
        <table className="receipt-table">
          <thead><tr><th>{t('report.denomination')}</th><th>{t('report.atOpen')}</th><th>{t('report.atClose')}</th></tr></thead>
          <tbody>
            {DENOMINATIONS.map((d) => (
              <tr key={d}>
                <td className="num">{yen(d)}</td>
                <td className="num">{r.openingCounts[String(d)] ?? '—'}</td>
                <td className="num">{r.closingCounts ? (r.closingCounts[String(d)] ?? 0) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>{t('report.movements')}</h3>
        {r.movements.length === 0 && <p className="receipt-empty">{t('report.noMovements')}</p>}
        {r.movements.map((m) => (
          <div key={m.id} className="receipt-move">
            <div className="receipt-line">
              <span>{time(m.at)} {t(`cashMove.${m.kind}`)}</span>
              <span className="num">{m.kind === 'out' ? '−' : '+'}{yen(m.amount)}</span>
            </div>
            <div className="receipt-sub">{m.reason} / {m.staffName}</div>
          </div>
        ))}
      </section>
      {r.backupFile && <p className="receipt-foot">{t('report.backup')}: {r.backupFile.split(/[\\/]/).pop()}</p>}
    </article>
  );
}
