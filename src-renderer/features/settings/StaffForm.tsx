import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/contract/index.ts';
import type { Staff } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';

/** Add (staff = null) or edit a staff member; a PIN is required for new staff only. */
export function StaffForm({ staff, onDone }: { staff: Staff | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useApp((s) => s.saveStaff);
  const pushToast = useApp((s) => s.pushToast);
  const [name, setName] = useState(staff?.name ?? '');
  const [role, setRole] = useState<Role>(staff?.role ?? 'cashier');
  const [active, setActive] = useState(staff?.active ?? true);
  const [pin, setPin] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const ok = await save({ ...(staff ? { id: staff.id } : {}), name, role, active, ...(pin ? { pin } : {}) });
    setSaving(false);
    if (!ok) return;
    pushToast('success', t('settings.staffSaved', { name: name.trim() }));
    onDone();
  };

  return (
    <form className="card settings-form staff-form" onSubmit={(e) => void submit(e)} aria-label={staff ? t('settings.staffEdit') : t('settings.staffAdd')}>
      <h2>{staff ? t('settings.staffEdit') : t('settings.staffAdd')}</h2>
      <label className="field">
        <span>{t('settings.staffName')}</span>
        <input value={name} maxLength={20} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="field">
        <span>{t('settings.staffRole')}</span>
        <div className="segmented" role="group" aria-label={t('settings.staffRole')}>
          {ROLES.map((r) => <button key={r} type="button" aria-pressed={role === r} onClick={() => setRole(r)}>{t(`roles.${r}`)}</button>)}
        </div>
      </div>
      <Switch checked={active} onChange={setActive} label={t('settings.staffActive')} onText={t('settings.active')} offText={t('settings.inactive')} />
      <label className="field">
        <span>{staff ? t('settings.staffNewPin') : t('settings.staffPin')}</span>
        <input type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} placeholder={staff ? t('settings.staffPinKeep') : ''} />
      </label>
      <div className="form-actions">
        <button type="button" className="btn btn-large" onClick={onDone}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary btn-large" disabled={saving}>{t('common.save')}</button>
      </div>
    </form>
  );
}
