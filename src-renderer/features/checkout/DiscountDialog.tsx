import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import type { Discount } from '../../store/slices/checkout/initialState.ts';
import { AmountPad } from './AmountPad.tsx';

type Props = {
  /** The line's name, or none for a discount on the whole slip. */
  target: string | null;
  current: Discount | null;
  onApply: (discount: Discount) => Promise<boolean>;
  onRemove?: () => void;
  onClose: () => void;
};

/** 値引 (yen off) or 割引 (percent off), typed on the keypad. */
export function DiscountDialog({ target, current, onApply, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'amount');
  const [value, setValue] = useState(current ? (current.kind === 'amount' ? current.yen : current.percent) : 0);
  const apply = async () => {
    if (value <= 0) return;
    if (await onApply(kind === 'amount' ? { kind, yen: value } : { kind, percent: value })) onClose();
  };
  return (
    <Modal title={target ? t('checkout.lineDiscountTitle', { name: target }) : t('checkout.slipDiscountTitle')} onClose={onClose} testId="discount-dialog"
      actions={<>
        {onRemove && current && <button type="button" className="btn btn-danger-outline" onClick={() => { onRemove(); onClose(); }}>{t('checkout.removeDiscount')}</button>}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </>}>
      <div className="segmented segmented-wide" role="group" aria-label={t('checkout.discountKind')}>
        <button type="button" aria-pressed={kind === 'amount'} onClick={() => { setKind('amount'); setValue(0); }}>{t('checkout.kindAmount')}</button>
        <button type="button" aria-pressed={kind === 'percent'} onClick={() => { setKind('percent'); setValue(0); }}>{t('checkout.kindPercent')}</button>
      </div>
      <AmountPad label={kind === 'amount' ? t('checkout.kindAmount') : t('checkout.kindPercent')} keypadLabel={t('checkout.discountKeypad')}
        value={value} onChange={setValue} unit={kind === 'amount' ? 'yen' : 'percent'} max={kind === 'amount' ? undefined : 100}
        enterLabel={t('checkout.applyDiscount')} enterDisabled={value <= 0} onEnter={() => void apply()} testId="discount-value" />
    </Modal>
  );
}
