import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import { AmountEntry } from './AmountEntry.tsx';
import { MovementList } from './MovementList.tsx';
import { ReasonPicker } from './ReasonPicker.tsx';
import './till.css';

type Kind = 'in' | 'out';
type Done = { kind: Kind; amount: number; expected: number };

/** 入出金: direction, amount on the keypad, a reason; shows the expected cash it results in. */
export function CashMoveScreen() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const till = useApp(tillSelectors.till);
  const busy = useApp(tillSelectors.busy);
  const cashMove = useApp((s) => s.cashMove);
  const [kind, setKind] = useState<Kind>('in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const value = Number(amount || 0);
  const expected = till?.expectedCash ?? 0;
  const after = kind === 'in' ? expected + value : expected - value;
  const ready = value > 0 && reason.trim().length > 0 && !busy;

  const confirm = async () => {
    const result = await cashMove(kind, value, reason.trim());
    setConfirming(false);
    if (!result) return;
    setDone({ kind, amount: value, expected: result.expectedCash });
    setAmount('');
    setReason('');
  };

  if (!till) {
    return <ScreenFrame title={t('cashMove.title')}><p className="card notice">{t('home.openFirst')}</p></ScreenFrame>;
  }

  return (
    <ScreenFrame title={t('cashMove.title')}>
      <div className="cash-move">
        <div className="cash-move-form">
          <div className="segmented segmented-wide" role="group" aria-label={t('cashMove.kind')}>
            {(['in', 'out'] as const).map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>{t(`cashMove.${k}`)}</button>
            ))}
          </div>
          <ReasonPicker value={reason} onChange={setReason} />
          <div className="card cash-move-preview">
            <div><span>{t('cashMove.expectedNow')}</span><strong className="num">{yen(expected)}</strong></div>
            <div><span>{t('cashMove.expectedAfter')}</span><strong className={`num${after < 0 ? ' is-negative' : ''}`}>{yen(after)}</strong></div>
          </div>
          {done && (
            <p className="card done-note" role="status" data-testid="cash-move-done">
              {t(`cashMove.done_${done.kind}`, { amount: yen(done.amount) })}
              <strong className="num">{t('cashMove.doneExpected', { amount: yen(done.expected) })}</strong>
            </p>
          )}
          <MovementList movements={till.movements} limit={3} />
        </div>
        <div className="cash-move-entry">
          <AmountEntry label={t(`cashMove.amount_${kind}`)} value={amount} onChange={(v) => { setAmount(v); setDone(null); }}
            onEnter={() => setConfirming(true)} enterLabel={t('common.confirm')} enterDisabled={!ready} />
          {!ready && !busy && <p className="muted entry-hint">{value > 0 ? t('cashMove.needReason') : t('cashMove.needAmount')}</p>}
        </div>
      </div>
      {confirming && (
        <ConfirmDialog title={t(`cashMove.confirm_${kind}`)} confirmLabel={t(`cashMove.confirmAction_${kind}`)} busy={busy}
          onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
          <div className="dialog-figure"><span>{t(`cashMove.${kind}`)}</span><strong className="num">{yen(value)}</strong></div>
          <div className="dialog-figure"><span>{t('cashMove.reason')}</span><strong>{reason.trim()}</strong></div>
          <div className="dialog-figure"><span>{t('cashMove.expectedAfter')}</span><strong className="num">{yen(after)}</strong></div>
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
