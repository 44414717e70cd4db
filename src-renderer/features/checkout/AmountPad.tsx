import { MAX_YEN } from '../../../src-shared/money.ts';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = {
  label: string;
  /** The keypad's accessible name (each keypad on a screen has its own). */
  keypadLabel: string;
  value: number;
  onChange: (value: number) => void;
  onEnter: () => void;
  enterLabel: string;
  enterDisabled?: boolean;
  unit?: 'yen' | 'percent' | 'count';
  max?: number;
  testId?: string;
};

/** A number typed on the テンキー, shown big: yen, percent or a count. */
export function AmountPad({ label, keypadLabel, value, onChange, onEnter, enterLabel, enterDisabled, unit = 'yen', max = MAX_YEN, testId }: Props) {
  const { yen } = useFormat();
  const digits = String(max).length;
  const shown = unit === 'yen' ? yen(value) : unit === 'percent' ? `${value}%` : String(value);
  return (
    <div className="amount-pad">
      <div className="amount-pad-display" aria-live="polite">
        <span>{label}</span>
        <strong className="num" data-testid={testId}>{shown}</strong>
      </div>
      <Keypad label={keypadLabel} onDigits={(d) => onChange(Math.min(max, Number(appendDigits(value ? String(value) : '', d, digits) || 0)))}
        onClear={() => onChange(0)} onBackspace={() => onChange(Math.floor(value / 10))} onEnter={onEnter}
        enterLabel={enterLabel} enterDisabled={enterDisabled} />
    </div>
  );
}
