import { useTranslation } from 'react-i18next';
import { Keypad } from '../../components/Keypad.tsx';

type Props = {
  pin: string;
  onPin: (pin: string) => void;
  onSubmit: () => void;
  disabled: boolean;
  error: string | null;
};

const MAX_PIN = 8;
const MIN_SHOWN = 4;

/** The PIN on the on-screen keypad, shown as dots only. Leading zeros count: it is not a number. */
export function PinEntry({ pin, onPin, onSubmit, disabled, error }: Props) {
  const { t } = useTranslation();
  const slots = Math.max(MIN_SHOWN, pin.length);
  return (
    <div className="pin-entry">
      <div className="pin-dots" aria-label={t('login.pinEntered', { count: pin.length })} role="img" data-testid="pin-dots">
        {Array.from({ length: slots }, (_, i) => <span key={i} className={i < pin.length ? 'dot is-filled' : 'dot'} />)}
      </div>
      <p className="pin-error" role="alert">{error ?? ''}</p>
      <Keypad label={t('login.pinKeypad')} onDigits={(d) => (pin + d).length <= MAX_PIN && onPin(pin + d)}
        onClear={() => onPin('')} onBackspace={() => onPin(pin.slice(0, -1))} onEnter={onSubmit}
        enterLabel={t('login.submit')} enterDisabled={disabled || pin.length < 4} />
    </div>
  );
}
