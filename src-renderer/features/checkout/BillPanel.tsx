import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { CheckoutDraft, Discount } from '../../store/slices/checkout/initialState.ts';
import { menuSelectors } from '../../store/slices/menu/selectors.ts';

type Props = {
  quote: CheckoutQuote | null;
  draft: CheckoutDraft;
  discountsAllowed: boolean;
  onLine: (lineId: string) => void;
  onRemoveSlipDiscount: (index: number) => void;
  /** 合算会計: the table each line was ordered at. */
  tableOf: ((visitId: string) => string) | null;
};

export const discountLabel = (d: Discount, yen: (n: number) => string, t: TFunction) =>
  d.kind === 'amount' ? t('checkout.discountYen', { amount: yen(d.yen) }) : t('checkout.discountPercent', { percent: d.percent });

/** A line's discount as the receipt prints it: 値引 −¥100 / 割引10% −¥176. */
const lineDiscountText = (d: Discount, amount: number, yen: (n: number) => string, t: TFunction) =>
  `${d.kind === 'amount' ? t('checkout.kindShortAmount') : t('checkout.discountPercent', { percent: d.percent })} −${yen(amount)}`;

/** The bill of this checkout (or split part): lines with their discounts, slip discounts, tax per rate, guests and 客層. */
export function BillPanel({ quote, draft, discountsAllowed, onLine, onRemoveSlipDiscount, tableOf }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const segments = useApp(menuSelectors.segments);
  const setParty = useApp((s) => s.setParty);
  const setSegment = useApp((s) => s.setSegment);
  const party = draft.party ?? quote?.party ?? 0;
  const lineDiscount = (lineId: string) => draft.lineDiscounts.find((d) => d.lineId === lineId)?.discount;
  return (
    <section className="bill" aria-label={t('checkout.bill')}>
      <div className="bill-lines" role="list" aria-label={t('checkout.lines')}>
        {quote?.lines.map((l) => {
          const d = lineDiscount(l.lineId);
          return (
            <button key={l.lineId} type="button" role="listitem" className="bill-line" onClick={() => onLine(l.lineId)} disabled={!discountsAllowed}
              aria-label={t('checkout.lineLabel', { name: l.name, quantity: l.quantity, amount: yen(l.subtotal) })}>
              <span className="bill-name">
                {l.name}{l.rate === 8 && <span className="reduced-mark">※</span>}
                {l.takeout && <span className="badge badge-takeout">{t('order.takeoutShort')}</span>}
                {tableOf && <span className="badge">{tableOf(l.visitId)}</span>}
              </span>
              <span className="num bill-qty">{l.quantity} × {yen(l.unitPrice)}</span>
              <span className="num bill-amount">{yen(l.amount)}</span>
              {l.discount > 0 && d && (
                <span className="bill-discount num">{lineDiscountText(d, l.discount, yen, t)}</span>
              )}
            </button>
          );
        })}
        {quote && quote.lines.length === 0 && quote.splitMode !== 'amount' && quote.splitMode !== 'equal' && <p className="muted bill-empty">{t('checkout.noLines')}</p>}
      </div>
      {draft.slipDiscounts.length > 0 && (
        <ul className="slip-discounts" aria-label={t('checkout.slipDiscounts')}>
          {draft.slipDiscounts.map((d, i) => (
            <li key={i}>
              <span>{t('checkout.slipDiscount')} {discountLabel(d, yen, t)}</span>
              <button type="button" className="btn btn-x" aria-label={t('checkout.removeDiscount')} onClick={() => onRemoveSlipDiscount(i)}>×</button>
            </li>
          ))}
        </ul>
      )}
      {quote && (
        <dl className="bill-sums">
          <div><dt>{t('checkout.subtotal')}</dt><dd className="num" data-testid="bill-subtotal">{yen(quote.subtotal + quote.lineDiscount)}</dd></div>
          {quote.lineDiscount + quote.slipDiscount > 0 && (
            <div className="is-discount"><dt>{t('checkout.discounts')}</dt><dd className="num" data-testid="bill-discounts">−{yen(quote.lineDiscount + quote.slipDiscount)}</dd></div>
          )}
          {quote.byRate.map((r) => (
            <div key={r.rate} className="is-rate">
              <dt>{t('checkout.rateLine', { rate: r.rate })}{r.rate === 8 ? ' ※' : ''}</dt>
              <dd className="num" data-testid={`rate-${r.rate}`}>{yen(r.gross)} {t(quote.priceMode === 'inclusive' ? 'checkout.taxIncluded' : 'checkout.taxAdded', { tax: yen(r.tax) })}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="bill-guests">
        <div className="bill-party">
          <span className="field-label">{t('checkout.party')}</span>
          <div className="stepper">
            <button type="button" className="btn" aria-label={t('checkout.partyMinus')} disabled={party <= 0} onClick={() => void setParty(Math.max(0, party - 1))}>−</button>
            <strong className="num stepper-value" data-testid="party">{party}</strong>
            <button type="button" className="btn" aria-label={t('checkout.partyPlus')} onClick={() => void setParty(party + 1)}>＋</button>
          </div>
        </div>
        {segments.length > 0 && (
          <div className="segment-chips" role="group" aria-label={t('checkout.segment')}>
            {segments.map((sg) => (
              <button key={sg.id} type="button" className="chip" aria-pressed={draft.segmentId === sg.id}
                onClick={() => void setSegment(draft.segmentId === sg.id ? null : sg.id)}>{sg.name}</button>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
