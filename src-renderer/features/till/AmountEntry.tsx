import { useTranslation } from 'react-i18next';
import { MAX_YEN } from '../../../src-shared/money.ts';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  enterLabel: string;
  enterDisabled?: boolean;
};

const MAX_DIGITS = String(MAX_YEN).length;

/** An amount in yen typed on the keypad, shown big. */
export function AmountEntry({ label, value, onChange, onEnter, enterLabel, enterDisabled }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  return (
    <div className="amount-entry">
      <div className="amount-display" aria-live="polite">
        <span>{label}</span>
        <strong className="num" data-testid="amount-display">{yen(Number(value || 0))}</strong>
      </div>
      <Keypad label={t('keypad.amount')} onDigits={(d) => onChange(appendDigits(value, d, MAX_DIGITS))} onClear={() => onChange('')}
        onBackspace={() => onChange(value.slice(0, -1))} onEnter={onEnter} enterLabel={enterLabel} enterDisabled={enterDisabled} />
    </div>
  );
}
