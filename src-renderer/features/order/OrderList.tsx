import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../../src-shared/contract/index.ts';
import { rateFor } from '../../../src-shared/tax/index.ts';
import { useFormat } from '../../components/useFormat.ts';
import type { DraftLine } from '../../store/slices/order/initialState.ts';

type Props = {
  open: OrderLine[];
  paid: OrderLine[];
  voided: OrderLine[];
  draft: DraftLine[];
  onEditLine: (line: OrderLine) => void;
  onEditDraft: (line: DraftLine) => void;
  onDraftQuantity: (line: DraftLine, quantity: number) => void;
};

function Badges({ takeout, rate, note }: { takeout: boolean; rate: number; note: string }) {
  const { t } = useTranslation();
  return (
    <span className="line-badges">
      {takeout && <span className="badge badge-takeout">{t('order.takeoutShort')}</span>}
      <span className={`badge badge-rate rate-${rate}`}>{rate}%</span>
      {note && <span className="line-note">{note}</span>}
    </span>
  );
}

/** The table's order: lines sent (tap to change or 取消), the draft to send (−/+), paid and voided lines. */
export function OrderList({ open, paid, voided, draft, onEditLine, onEditDraft, onDraftQuantity }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const empty = open.length + paid.length + draft.length === 0;
  return (
    <div className="order-list" aria-label={t('order.lines')} role="list">
      {empty && <p className="muted order-empty">{t('order.empty')}</p>}
      {open.map((l) => (
        <button key={l.id} type="button" role="listitem" className="order-line is-sent" onClick={() => onEditLine(l)}
          aria-label={t('order.lineLabel', { name: l.name, quantity: l.quantity })}>
          <span className="line-main"><span className="line-name">{l.name}</span><Badges takeout={l.takeout} rate={l.rate} note={l.note} /></span>
          <span className="line-qty num">×{l.quantity}</span>
          <span className="line-amount num">{yen(l.amount)}</span>
        </button>
      ))}
      {draft.length > 0 && <div className="order-draft-head">{t('order.draftHead', { count: draft.length })}</div>}
      {draft.map((d) => (
        <div key={d.key} role="listitem" className="order-line is-draft" data-testid="draft-line">
          <button type="button" className="line-main line-edit" onClick={() => onEditDraft(d)}>
            <span className="line-name">{d.name}</span>
            <Badges takeout={d.takeout} rate={rateFor({ taxClass: d.taxClass, takeout: d.takeout })} note={d.note} />
          </button>
          <span className="line-stepper">
            <button type="button" className="btn" aria-label={t('order.minusOf', { name: d.name })} onClick={() => onDraftQuantity(d, d.quantity - 1)}>−</button>
            <span className="num line-qty">{d.quantity}</span>
            <button type="button" className="btn" aria-label={t('order.plusOf', { name: d.name })} onClick={() => onDraftQuantity(d, d.quantity + 1)}>＋</button>
          </span>
          <span className="line-amount num">{yen(d.unitPrice * d.quantity)}</span>
        </div>
      ))}
      {paid.length > 0 && <div className="order-draft-head is-muted">{t('order.paidHead')}</div>}
      {paid.map((l) => (
        <div key={l.id} role="listitem" className="order-line is-paid">
          <span className="line-main"><span className="line-name">{l.name}</span><Badges takeout={l.takeout} rate={l.rate} note={l.note} /></span>
          <span className="line-qty num">×{l.quantity}</span>
          <span className="line-amount num">{yen(l.amount)}</span>
        </div>
      ))}
      {voided.length > 0 && (
        <details className="order-voided">
          <summary>{t('order.voidedHead', { count: voided.length })}</summary>
          {voided.map((l) => (
            <div key={l.id} className="order-line is-void">
              <span className="line-main"><span className="line-name">{l.name}</span><span className="line-note">{l.voidReason}</span></span>
              <span className="line-qty num">×{l.quantity}</span>
              <span className="line-amount num">{yen(l.amount)}</span>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
