import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import type { Screen } from '../../store/slices/ui/initialState.ts';

/** The handheld's ☰ (as in the manual: ☰ → 予約確認); shown on narrow screens only. */
export function HandheldMenu() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const items: Array<[Screen, string]> = [
    ['reservations', t('floor.reservationCheck')], ['floor', t('floor.menuTables')], ['syncQueue', t('floor.menuSync')], ['home', t('floor.menuHome')],
  ];
  return (
    <div className="handheld-menu">
      <button type="button" className="btn handheld-menu-button" aria-expanded={open} aria-label={t('floor.menu')} onClick={() => setOpen(!open)}>☰</button>
      {open && (
        <>
          <div className="handheld-menu-backdrop" onClick={() => setOpen(false)} />
          <nav className="handheld-menu-list" aria-label={t('floor.menu')}>
            {items.map(([screen, label]) => (
              <button key={screen} type="button" className="btn btn-large" onClick={() => {
                setOpen(false);
                navigate(screen);
              }}>{label}</button>
            ))}
          </nav>
        </>
      )}
    </div>
  );
}
