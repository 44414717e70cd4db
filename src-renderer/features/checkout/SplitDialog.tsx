import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutQuote } from '../../../src-shared/contract/index.ts';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { Split } from '../../store/slices/checkout/initialState.ts';
import { AmountPad } from './AmountPad.tsx';

type Line = CheckoutQuote['lines'][number];
type Props = {
  lines: Line[];
  current: Split;
  /** The whole bill still to pay (for the equal split's preview). */
  billTotal: number;
  /** An unfinished split fixes its mode (items stays items; amount/equal stay as they are). */
  lockedMode: CheckoutQuote['splitMode'] | null;
  onApply: (split: Split) => Promise<boolean>;
  onClose: () => void;
};

type Mode = 'items' | 'amount' | 'equal';

/** 分割会計: this part pays chosen items (P4: the prepaid items first), an amount, or an equal share. */
export function SplitDialog({ lines, current, billTotal, lockedMode, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const initialMode: Mode = current.mode === 'none' ? (lockedMode === 'amount' || lockedMode === 'equal' ? lockedMode : 'items') : current.mode;
  const [mode, setMode] = useState<Mode>(initialMode);
  const [picked, setPicked] = useState<Record<string, number>>(() =>
    current.mode === 'items' ? Object.fromEntries(current.lines.map((l) => [l.lineId, l.quantity ?? lines.find((x) => x.lineId === l.lineId)?.quantity ?? 1])) : {});
  const [amount, setAmount] = useState(current.mode === 'amount' ? current.amount : 0);
  const [parts, setParts] = useState(current.mode === 'equal' ? current.parts : 2);
  const chosenTotal = lines.reduce((a, l) => a + l.unitPrice * (picked[l.lineId] ?? 0), 0);
  const modes: Mode[] = lockedMode === 'items' ? ['items'] : lockedMode === 'amount' ? ['amount'] : lockedMode === 'equal' ? ['equal'] : ['items', 'amount', 'equal'];

  const apply = async (split: Split) => {
    if (await onApply(split)) onClose();
  };
  const applyMode = () => {
    if (mode === 'items') {
      const chosen = lines.filter((l) => (picked[l.lineId] ?? 0) > 0)
        .map((l) => ({ lineId: l.lineId, ...(picked[l.lineId]! < l.quantity ? { quantity: picked[l.lineId]! } : {}) }));
      if (chosen.length) void apply({ mode: 'items', lines: chosen });
    } else if (mode === 'amount') {
      if (amount > 0) void apply({ mode: 'amount', amount });
    } else void apply({ mode: 'equal', parts });
  };
  const setQty = (lineId: string, q: number) => setPicked((p) => ({ ...p, [lineId]: q }));

  return (
    <Modal title={t('checkout.splitTitle')} onClose={onClose} size="wide" testId="split-dialog"
      actions={<>
        {current.mode !== 'none' && <button type="button" className="btn" onClick={() => void apply({ mode: 'none' })}>{t('checkout.splitRest')}</button>}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        {mode !== 'amount' && (
          <button type="button" className="btn btn-primary" onClick={applyMode} disabled={mode === 'items' && chosenTotal === 0}>{t('checkout.splitApply')}</button>
        )}
      </>}>
      <div className="segmented segmented-wide split-modes" role="group" aria-label={t('checkout.splitMode')}>
        {modes.map((m) => <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>{t(`checkout.split_${m}`)}</button>)}
      </div>
      {mode === 'items' && (
        <>
          <p className="muted">{t('checkout.splitItemsHint')}</p>
          <div className="split-lines" role="list">
            {lines.map((l) => {
              const q = picked[l.lineId] ?? 0;
              return (
                <div key={l.lineId} role="listitem" className={`split-line${q > 0 ? ' is-picked' : ''}`}>
                  <button type="button" className="split-pick" aria-pressed={q > 0} onClick={() => setQty(l.lineId, q > 0 ? 0 : l.quantity)}>
                    <span className="split-check" aria-hidden="true">{q > 0 ? '✓' : ''}</span>
                    <span>{l.name}{l.rate === 8 ? ' ※' : ''}</span>
                    <span className="num muted">{l.quantity} × {yen(l.unitPrice)}</span>
                  </button>
                  {l.quantity > 1 && (
                    <span className="line-stepper">
                      <button type="button" className="btn" aria-label={t('order.minusOf', { name: l.name })} disabled={q <= 0} onClick={() => setQty(l.lineId, q - 1)}>−</button>
                      <span className="num line-qty">{q}</span>
                      <button type="button" className="btn" aria-label={t('order.plusOf', { name: l.name })} disabled={q >= l.quantity} onClick={() => setQty(l.lineId, q + 1)}>＋</button>
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          <div className="dialog-figure"><span>{t('checkout.splitChosen')}</span><strong className="num" data-testid="split-chosen">{yen(chosenTotal)}</strong></div>
        </>
      )}
      {mode === 'amount' && (
        <AmountPad label={t('checkout.splitAmount')} keypadLabel={t('checkout.splitKeypad')} value={amount} onChange={setAmount}
          enterLabel={t('checkout.splitApply')} enterDisabled={amount <= 0} onEnter={applyMode} testId="split-amount" />
      )}
      {mode === 'equal' && (
        <div className="split-equal">
          <span className="field-label">{t('checkout.splitParts')}</span>
          <div className="stepper">
            <button type="button" className="btn" aria-label={t('checkout.partsMinus')} disabled={parts <= 2 || lockedMode === 'equal'} onClick={() => setParts(parts - 1)}>−</button>
            <strong className="num stepper-value" data-testid="split-parts">{parts}</strong>
            <button type="button" className="btn" aria-label={t('checkout.partsPlus')} disabled={parts >= 20 || lockedMode === 'equal'} onClick={() => setParts(parts + 1)}>＋</button>
          </div>
          <span className="muted">{t('checkout.splitEach', { amount: yen(Math.ceil(billTotal / parts)) })}</span>
        </div>
      )}
    </Modal>
  );
}
