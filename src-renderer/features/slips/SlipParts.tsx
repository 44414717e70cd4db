import { useTranslation } from 'react-i18next';
import type { SlipDetail, TerminalPayment } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';

type Part = SlipDetail['parts'][number];
type Props = {
  slip: SlipDetail; terminal: TerminalPayment[]; selectedPart: number | null;
  onPreview: (partNo: number) => void;
  /** A part whose receipt did not print: 再印刷 (the sale is saved either way). */
  onReprint: (partNo: number) => void;
};

/** Each part of the slip (one receipt each): lines, discounts, payments, tax per rate; terminal payments with 受注コード (U13). */
export function SlipParts({ slip, terminal, onPreview, onReprint, selectedPart }: Props) {
  const { t } = useTranslation();
  const { yen, dateTime } = useFormat();
  const codes = terminal.filter((p) => p.kind === 'sale' && p.orderCode);
  const part = (p: Part) => (
    <section key={p.partNo} className={`slip-part${selectedPart === p.partNo ? ' is-selected' : ''}`} aria-label={t('slips.partLabel', { part: p.partNo })}>
      <header className="slip-part-head">
        <strong>{slip.parts.length > 1 ? t('slips.partLabel', { part: p.partNo }) : t('slips.detailLines')}</strong>
        <span className="muted">{dateTime(p.at)} {p.staffName ?? ''}</span>
        {p.print.status === 'failed' && (
          <span className="part-print-failed" role="alert" title={p.print.message ?? undefined}>
            {t('checkout.printFailed')}
            <button type="button" className="btn btn-primary" onClick={() => onReprint(p.partNo)}>{t('checkout.reprint')}</button>
          </span>
        )}
        {p.prepaid
          ? <span className="badge">{t('slips.prepaidPart')}</span>
          : <button type="button" className="btn" onClick={() => onPreview(p.partNo)}>{t('slips.receipt')}</button>}
      </header>
      <table className="slip-table-lines">
        <tbody>
          {p.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.name}{l.rate === 8 ? ' ※' : ''}{l.takeout ? ` (${t('order.takeoutShort')})` : ''}</td>
              <td className="num">{l.quantity} × {yen(l.unitPrice)}</td>
              <td className="num">{yen(l.amount)}</td>
            </tr>
          ))}
          {p.discounts.map((d, i) => (
            <tr key={`d${i}`} className="is-discount"><td>{d.label}{d.scope === 'slip' ? ` (${t('slips.slipScope')})` : ''}</td><td /><td className="num">−{yen(d.yen)}</td></tr>
          ))}
        </tbody>
      </table>
      <dl className="slip-sums">
        <div className="is-strong"><dt>{t('checkout.total')}</dt><dd className="num">{yen(p.gross)}</dd></div>
        {p.byRate.map((r) => (
          <div key={r.rate}><dt>{t('checkout.rateLine', { rate: r.rate })}</dt><dd className="num">{yen(r.gross)} ({t('slips.taxOf', { tax: yen(r.tax) })})</dd></div>
        ))}
        {p.payments.map((y, i) => (
          <div key={i}><dt>{y.label}</dt><dd className="num">{yen(y.tendered)}{y.tendered !== y.amount ? ` → ${yen(y.amount)}` : ''}</dd></div>
        ))}
        {p.change > 0 && <div><dt>{t('checkout.change')}</dt><dd className="num">{yen(p.change)}</dd></div>}
      </dl>
    </section>
  );
  return (
    <div className="slip-parts">
      {slip.parts.map(part)}
      {slip.billedLines.length > 0 && (
        <section className="slip-part">
          <header className="slip-part-head"><strong>{t('slips.billedLines')}</strong></header>
          <table className="slip-table-lines"><tbody>
            {slip.billedLines.map((l) => <tr key={l.id}><td>{l.name}</td><td className="num">{l.quantity} × {yen(l.unitPrice)}</td><td className="num">{yen(l.amount)}</td></tr>)}
          </tbody></table>
        </section>
      )}
      {codes.length > 0 && (
        <section className="slip-part" aria-label={t('slips.orderCodes')}>
          <header className="slip-part-head"><strong>{t('slips.orderCodes')}</strong></header>
          <ul className="order-codes">
            {codes.map((p) => (
              <li key={p.ref}><span>{p.methodLabel}</span><span className="num">{yen(p.amount)}</span><strong className="num" data-testid="slip-order-code">{p.orderCode}</strong><span className="badge">{p.stateLabel}</span></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
