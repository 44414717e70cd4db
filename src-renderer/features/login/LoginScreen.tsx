import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { PinEntry } from './PinEntry.tsx';
import { StaffTiles } from './StaffTiles.tsx';
import './login.css';

/** G1: pick the staff member, enter the PIN, ログイン. */
export function LoginScreen() {
  const { t } = useTranslation();
  const staffList = useApp((s) => s.staffList);
  const loggingIn = useApp((s) => s.loggingIn);
  const error = useApp((s) => s.loginError);
  const login = useApp((s) => s.login);
  const clearError = useApp((s) => s.clearLoginError);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const chosen = staffList.find((s) => s.id === staffId);

  useEffect(() => {
    if (staffId && !chosen) setStaffId(null);
  }, [staffId, chosen]);

  const pick = (id: string) => {
    setStaffId(id);
    setPin('');
    clearError();
  };
  const submit = async () => {
    if (!staffId || loggingIn) return;
    if (!(await login(staffId, pin))) setPin('');
  };

  return (
    <main className="login">
      <section className="login-staff">
        <h1>{t('login.pickStaff')}</h1>
        <StaffTiles staff={staffList} selectedId={staffId} onSelect={pick} />
      </section>
      <section className="login-pin card" aria-label={t('login.pinTitle')}>
        {chosen ? (
          <>
            <h2>{t('login.pinFor', { name: chosen.name })}</h2>
            <PinEntry pin={pin} onPin={(p) => { setPin(p); clearError(); }} onSubmit={() => void submit()} disabled={loggingIn} error={error} />
          </>
        ) : (
          <p className="login-hint">{t('login.pickFirst')}</p>
        )}
      </section>
    </main>
  );
}
