import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_LABELS } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { PaymentLine } from '../../store/slices/checkout/initialState.ts';
import { AmountPad } from './AmountPad.tsx';

type Kind = PaymentLine['kind'];
const KINDS: Kind[] = ['credit', 'points', 'sitePoints', 'prepaid'];

type Props = { rest: number; prepayment: number; points: number; onAdd: (kind: Kind, amount: number) => Promise<boolean>; onClose: () => void };

/** その他支払 (G4, P1): 売掛, ポイント, 予約サイトポイント, SMART RESERVE事前決済 — those enabled in the settings. */
export function OtherPaymentDialog({ rest, prepayment, points, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const enabled = useApp((s) => s.settings?.otherPayments);
  const [kind, setKind] = useState<Kind | null>(null);
  const [amount, setAmount] = useState(rest);
  const kinds = KINDS.filter((k) => enabled?.[k]);
  const pick = (k: Kind) => {
    setKind(k);
    setAmount(k === 'prepaid' && prepayment > 0 ? prepayment : k === 'sitePoints' && points > 0 ? Math.min(points, rest) : rest);
  };
  const add = async () => {
    if (kind && amount > 0 && (await onAdd(kind, amount))) onClose();
  };
  return (
    <Modal title={t('checkout.other')} onClose={onClose} size="wide" testId="other-payment"
      actions={<button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>}>
      <div className="other-layout">
        <div className="other-kinds" role="group" aria-label={t('checkout.otherKinds')}>
          {kinds.map((k) => (
            <button key={k} type="button" className="btn other-kind" aria-pressed={kind === k} onClick={() => pick(k)}>{PAYMENT_LABELS[k]}</button>
          ))}
          {kinds.length === 0 && <p className="muted">{t('checkout.noOtherKinds')}</p>}
          {(prepayment > 0 || points > 0) && (
            <p className="muted other-memo">{prepayment > 0 ? t('checkout.memoPrepayment', { amount: yen(prepayment) }) : t('checkout.memoPoints', { points })}</p>
          )}
        </div>
        <AmountPad label={kind ? PAYMENT_LABELS[kind] : t('checkout.pickKind')} keypadLabel={t('checkout.otherKeypad')} value={amount} onChange={setAmount}
          enterLabel={t('checkout.addPayment')} enterDisabled={!kind || amount <= 0} onEnter={() => void add()} testId="other-amount" />
      </div>
    </Modal>
  );
}
