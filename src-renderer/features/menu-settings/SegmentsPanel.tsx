import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSegment } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';
import { menuSelectors } from '../../store/slices/menu/selectors.ts';

/** 客層 (G4) offered at checkout and counted at 閉局. */
export function SegmentsPanel() {
  const { t } = useTranslation();
  const menu = useApp(menuSelectors.menuAll);
  const save = useApp((s) => s.saveSegment);
  const [name, setName] = useState('');
  const segments = menu?.segments ?? [];
  const add = async () => {
    if (name.trim() && (await save({ name: name.trim(), sort: segments.length, active: true }))) setName('');
  };
  const toggle = (s: CustomerSegment) => void save({ id: s.id, name: s.name, sort: s.sort, active: !s.active });
  return (
    <div className="settings-form card">
      <h2>{t('menuSettings.tab_segments')}</h2>
      <ul className="product-rows">
        {segments.map((s) => (
          <li key={s.id} className={s.active ? '' : 'is-inactive'}>
            <strong>{s.name}</strong>
            <Switch checked={s.active} onChange={() => toggle(s)} label={s.name} onText={t('settings.active')} offText={t('settings.inactive')} />
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <input className="text-input" value={name} maxLength={20} onChange={(e) => setName(e.target.value)} placeholder={t('menuSettings.newSegment')} aria-label={t('menuSettings.newSegment')} />
        <button type="button" className="btn" onClick={() => void add()} disabled={!name.trim()}>{t('menuSettings.add')}</button>
      </div>
    </div>
  );
}
