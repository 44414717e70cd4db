import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../src-shared/contract/index.ts';

type Props = { staff: Staff[]; selectedId: string | null; onSelect: (id: string) => void };

/** Big name tiles (G1): the first step of logging in. */
export function StaffTiles({ staff, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div className="staff-tiles" role="listbox" aria-label={t('login.pickStaff')}>
      {staff.map((s) => (
        <button key={s.id} type="button" role="option" aria-selected={s.id === selectedId}
          className={`staff-tile${s.id === selectedId ? ' is-selected' : ''}`} onClick={() => onSelect(s.id)}>
          <strong>{s.name}</strong>
          <span>{t(`roles.${s.role}`)}</span>
        </button>
      ))}
    </div>
  );
}
