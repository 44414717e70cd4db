import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DENOMINATIONS, MAX_PIECES, type DenominationCounts } from '../../src-shared/money.ts';
import { DenominationRow } from './DenominationRow.tsx';
import { appendDigits, Keypad } from './Keypad.tsx';
import { useFormat } from './useFormat.ts';
import './DenominationCounter.css';

type Props = {
  counts: DenominationCounts;
  onChange: (counts: DenominationCounts) => void;
  /** Figures shown above the keypad: the grand total, expected cash, difference … */
  aside?: ReactNode;
  /** The screen's main action under the keypad (確定). */
  footer?: ReactNode;
};

const MAX_DIGITS = String(MAX_PIECES).length;

/**
 * Cash counted by denomination: a row per note and coin with −/+, and a keypad that types the
 * count of the selected row. Typing after selecting replaces the count; 次へ moves down a row.
 */
export function DenominationCounter({ counts, onChange, aside, footer }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const [selected, setSelected] = useState<number>(DENOMINATIONS[0]);
  const [fresh, setFresh] = useState(true);
  const countOf = (d: number) => counts[String(d)] ?? 0;
  const setCount = useCallback((d: number, n: number) => onChange({ ...counts, [String(d)]: n }), [counts, onChange]);
  const select = (d: number) => {
    setSelected(d);
    setFresh(true);
  };
  const onDigits = (digits: string) => {
    const current = fresh ? '' : String(countOf(selected));
    setCount(selected, Math.min(MAX_PIECES, Number(appendDigits(current, digits, MAX_DIGITS) || 0)));
    setFresh(false);
  };
  const onBackspace = () => {
    setCount(selected, Math.floor(countOf(selected) / 10));
    setFresh(false);
  };
  const next = () => {
    const i = DENOMINATIONS.indexOf(selected as (typeof DENOMINATIONS)[number]);
    select(DENOMINATIONS[(i + 1) % DENOMINATIONS.length]!);
  };

  return (
    <div className="counter">
      <div className="counter-list">
        {DENOMINATIONS.map((d) => (
          <DenominationRow key={d} denomination={d} count={countOf(d)} selected={d === selected}
            onSelect={() => select(d)} onCount={(n) => setCount(d, n)} />
        ))}
      </div>
      <div className="counter-side">
        {aside}
        <Keypad label={t('counter.keypadFor', { label: yen(selected) })} onDigits={onDigits}
          onClear={() => setCount(selected, 0)} onBackspace={onBackspace} onEnter={next} enterLabel={t('counter.next')} enterVariant="secondary" />
        {footer}
      </div>
    </div>
  );
}
