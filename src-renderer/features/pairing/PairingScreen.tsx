import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { Keypad } from '../../components/Keypad.tsx';
import '../boot/boot.css';
import './pairing.css';

const DIGITS = 6;

/**
 * A handheld the station does not know (DEVICE_NOT_PAIRED): type the 6-digit code the register
 * shows (設定 → LAN・端末) and a name; the token is kept on this device and login follows.
 */
export function PairingScreen() {
  const { t } = useTranslation();
  const pair = useApp((s) => s.pairDevice);
  const error = useApp((s) => s.pairError);
  const busy = useApp((s) => s.pairBusy);
  const clearError = useApp((s) => s.clearPairError);
  const [code, setCode] = useState('');
  const [name, setName] = useState(() => t('pairing.defaultName'));
  // Codes may start with 0: digits are appended as typed (no number parsing).
  const onDigits = useCallback((d: string) => {
    clearError();
    setCode((c) => (c + d).slice(0, DIGITS));
  }, [clearError]);
  const onClear = useCallback(() => {
    clearError();
    setCode('');
  }, [clearError]);
  const onBackspace = useCallback(() => setCode((c) => c.slice(0, -1)), []);
  const submit = () => {
    if (code.length === DIGITS && name.trim()) void pair(code, name.trim());
  };
  return (
    <main className="fullscreen-message pairing">
      <div className="fullscreen-card pairing-card">
        <h1>{t('pairing.title')}</h1>
        <p className="muted">{t('pairing.hint')}</p>
        <div className="pairing-digits" role="group" aria-label={t('pairing.code')} data-testid="pairing-digits">
          {Array.from({ length: DIGITS }, (_, i) => (
            <span key={i} className={`pairing-digit${i < code.length ? ' is-filled' : ''}`}>{code[i] ?? ''}</span>
          ))}
          <span className="visually-hidden">{t('pairing.entered', { count: code.length })}</span>
        </div>
        {error && <p className="pairing-error" role="alert">{error}</p>}
        <label className="field">
          <span>{t('pairing.name')}</span>
          <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <Keypad label={t('pairing.codeKeypad')} onDigits={onDigits} onClear={onClear} onBackspace={onBackspace} onEnter={submit}
          enterLabel={t('pairing.submit')} enterDisabled={code.length !== DIGITS || !name.trim() || busy} />
      </div>
    </main>
  );
}
