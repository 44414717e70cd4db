import './Switch.css';

type Props = { checked: boolean; onChange: (checked: boolean) => void; label: string; onText: string; offText: string; disabled?: boolean };

/** An on/off switch big enough for a finger, with its state in words as well as colour. */
export function Switch({ checked, onChange, label, onText, offText, disabled }: Props) {
  return (
    <button type="button" role="switch" aria-checked={checked} aria-label={label} className="switch" disabled={disabled}
      onClick={() => onChange(!checked)}>
      <span className="switch-track"><span className="switch-thumb" /></span>
      <span className="switch-text">{checked ? onText : offText}</span>
    </button>
  );
}
