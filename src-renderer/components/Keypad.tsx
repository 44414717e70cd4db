import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './Keypad.css';

type Props = {
  onDigits: (digits: string) => void;
  onClear: () => void;
  onBackspace: () => void;
  onEnter: () => void;
  enterLabel: string;
  enterDisabled?: boolean;
  /** `secondary` when enter only moves on (次の金種) and the screen has its own 確定. */
  enterVariant?: 'primary' | 'secondary';
  label?: string;
};

const DIGIT_ROWS = [['7', '8', '9'], ['4', '5', '6'], ['1', '2', '3']] as const;

/** テンキー: calculator layout (7-8-9 on top), 00, C and ⌫, with a tall enter key. */
export function Keypad({ onDigits, onClear, onBackspace, onEnter, enterLabel, enterDisabled, enterVariant = 'primary', label }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A USB keypad or keyboard works too (digits, Backspace, Esc/Delete = C, Enter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Typing into a text field, or anything while a dialog this keypad is not in is open on top, is not for the keypad.
      const target = e.target as HTMLElement | null;
      const dialogs = document.querySelectorAll('[aria-modal="true"]');
      const top = dialogs[dialogs.length - 1];
      if (target?.closest('input, textarea, select') || (top && !top.contains(ref.current))) return;
      if (/^\d$/.test(e.key)) onDigits(e.key);
      else if (e.key === 'Backspace') onBackspace();
      else if (e.key === 'Escape' || e.key === 'Delete') onClear();
      else if (e.key === 'Enter' && !enterDisabled) onEnter();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDigits, onBackspace, onClear, onEnter, enterDisabled]);

  return (
    <div ref={ref} className="keypad" role="group" aria-label={label ?? t('keypad.label')}>
      {DIGIT_ROWS.flat().map((d) => (
        <button key={d} type="button" className="key" style={{ gridArea: `k${d}` }} onClick={() => onDigits(d)}>{d}</button>
      ))}
      <button type="button" className="key key-zero" onClick={() => onDigits('0')}>0</button>
      <button type="button" className="key key-dzero" onClick={() => onDigits('00')}>00</button>
      <button type="button" className="key key-fn key-clear" onClick={onClear} aria-label={t('keypad.clear')}>C</button>
      <button type="button" className="key key-fn key-back" onClick={onBackspace} aria-label={t('keypad.backspace')}>⌫</button>
      <button type="button" className={`key key-enter is-${enterVariant}`} onClick={onEnter} disabled={enterDisabled}>{enterLabel}</button>
    </div>
  );
}

/** Append keypad digits to a numeric string, capped in length and without leading zeros. */
export const appendDigits = (current: string, digits: string, maxLength: number): string => {
  const next = (current === '0' ? '' : current) + digits;
  const trimmed = next.replace(/^0+(?=\d)/, '');
  return trimmed.length > maxLength ? current : trimmed;
};
