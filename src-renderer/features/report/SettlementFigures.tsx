import { useTranslation } from 'react-i18next';
import type { SettlementReport } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';

/**
 * 精算 of the session (docs/checkout.md): sales by payment type and by tax rate (net / tax),
 * discounts, cancelled slips, net sales, and slips and guests by 客層.
 */
export function SettlementFigures({ settlement: s }: { settlement: SettlementReport }) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const line = (label: string, value: string, testId?: string, strong?: boolean) => (
    <div key={`${label}:${value}`} className={`receipt-line${strong ? ' is-strong' : ''}`}><span>{label}</span><span className="num" data-testid={testId}>{value}</span></div>
  );
  return (
    <>
      <section aria-label={t('settlement.sales')} data-testid="settlement-sales">
        <h3>{t('settlement.sales')}</h3>
        {line(t('settlement.slipsGuests'), t('settlement.slipsGuestsValue', { slips: s.slips, guests: s.guests }), 'settlement-slips')}
        {line(t('settlement.gross'), yen(s.sales.gross), 'settlement-gross', true)}
        {line(t('settlement.net'), yen(s.sales.net))}
        {line(t('settlement.tax'), yen(s.sales.tax))}
        {s.openSplits > 0 && <p className="receipt-badge">{t('settlement.openSplits', { count: s.openSplits })}</p>}
      </section>
      <section aria-label={t('settlement.byPayment')}>
        <h3>{t('settlement.byPayment')}</h3>
        {s.byPayment.length === 0 && <p className="receipt-empty">{t('settlement.none')}</p>}
        {s.byPayment.map((p) => line(`${p.label} (${t('settlement.count', { count: p.count })})`, yen(p.amount), `settlement-pay-${p.kind}`))}
      </section>
      <section aria-label={t('settlement.byRate')}>
        <h3>{t('settlement.byRate')}</h3>
        {s.byRate.length === 0 && <p className="receipt-empty">{t('settlement.none')}</p>}
        {s.byRate.map((r) => (
          <div key={r.rate}>
            {line(t('settlement.rateTotal', { rate: r.rate }), yen(r.gross), `settlement-rate-${r.rate}`)}
            <div className="receipt-sub receipt-line"><span>{t('settlement.rateNetTax')}</span><span className="num">{yen(r.net)} / {yen(r.tax)}</span></div>
          </div>
        ))}
      </section>
      <section aria-label={t('settlement.discounts')}>
        <h3>{t('settlement.discounts')}</h3>
        {line(t('settlement.lineDiscounts', { count: s.discounts.lineCount }), `−${yen(s.discounts.lineYen)}`)}
        {line(t('settlement.slipDiscounts', { count: s.discounts.slipCount }), `−${yen(s.discounts.slipYen)}`, 'settlement-slip-discounts')}
      </section>
      <section aria-label={t('settlement.cancelled')}>
        <h3>{t('settlement.cancelled')}</h3>
        {line(t('settlement.cancelledSlips', { count: s.cancelled.count }), `−${yen(s.cancelled.gross)}`, 'settlement-cancelled')}
        {s.cancelled.byPayment.map((p) => line(`　${p.label}`, `−${yen(p.amount)}`))}
        {line(t('settlement.netSales'), yen(s.netSales.gross), 'settlement-net-sales', true)}
        {line(t('settlement.netSalesTax'), `${yen(s.netSales.net)} / ${yen(s.netSales.tax)}`)}
      </section>
      <section aria-label={t('settlement.bySegment')}>
        <h3>{t('settlement.bySegment')}</h3>
        {s.bySegment.length === 0 && <p className="receipt-empty">{t('settlement.none')}</p>}
        {s.bySegment.map((g) => line(`${g.name} ${t('settlement.slipsGuestsValue', { slips: g.slips, guests: g.guests })}`, yen(g.gross), `settlement-segment-${g.segmentId ?? 'none'}`))}
      </section>
    </>
  );
}
