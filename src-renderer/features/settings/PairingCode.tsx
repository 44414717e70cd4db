import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { secondsLeft, settingsSelectors } from '../../store/slices/settings/selectors.ts';

/** While a code is shown, the device list is re-read so the newly paired handheld appears. */
const DEVICE_POLL_MS = 3000;

/** The 6-digit code a handheld types to pair, in big digits with its remaining time. */
export function PairingCode() {
  const { t } = useTranslation();
  const pairing = useApp(settingsSelectors.pairing);
  const issue = useApp((s) => s.issuePairingCode);
  const loadDevices = useApp((s) => s.loadDevices);
  const [now, setNow] = useState(() => Date.now());
  const left = pairing ? secondsLeft(pairing.expiresAt, now) : 0;

  useEffect(() => {
    if (!pairing) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const poll = setInterval(() => void loadDevices(), DEVICE_POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [pairing, loadDevices]);

  if (!pairing || left === 0) {
    return (
      <div className="pairing">
        {pairing && <p className="warn-text">{t('settings.pairingExpired')}</p>}
        <button type="button" className="btn btn-primary btn-large" onClick={() => { setNow(Date.now()); void issue(); }}>
          {t('settings.pairingShow')}
        </button>
      </div>
    );
  }
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, '0');
  return (
    <div className="pairing">
      <p>{t('settings.pairingHint')}</p>
      <p className="pairing-code num" data-testid="pairing-code" aria-label={pairing.code.split('').join(' ')}>
        {pairing.code.slice(0, 3)}<span className="pairing-gap" />{pairing.code.slice(3)}
      </p>
      <p className="num">{t('settings.pairingExpires', { time: `${mm}:${ss}` })}</p>
    </div>
  );
}
