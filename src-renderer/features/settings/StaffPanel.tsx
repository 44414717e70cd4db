import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { settingsSelectors } from '../../store/slices/settings/selectors.ts';
import { StaffForm } from './StaffForm.tsx';

/** Staff list with add and edit; the form opens beside the list. */
export function StaffPanel() {
  const { t } = useTranslation();
  const staff = useApp(settingsSelectors.staffAll);
  const load = useApp((s) => s.loadStaffAll);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="staff-panel">
      <div className="card staff-list">
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>＋ {t('settings.staffAdd')}</button>
        <ul>
          {staff.map((s) => (
            <li key={s.id} className={s.active ? '' : 'is-inactive'}>
              <div>
                <strong>{s.name}</strong>
                <span className="muted">{t(`roles.${s.role}`)}{s.active ? '' : ` ・ ${t('settings.inactive')}`}</span>
              </div>
              <button type="button" className="btn" onClick={() => setEditing(s)} aria-label={t('settings.staffEditOf', { name: s.name })}>
                {t('common.edit')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {editing && (
        <StaffForm key={editing === 'new' ? 'new' : editing.id} staff={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      )}
    </div>
  );
}
