import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import type { Screen } from '../../store/slices/ui/initialState.ts';
import { FloorHomeTile } from '../floor/FloorHomeTile.tsx';
import { CheckoutSettingsHomeTile } from '../menu-settings/SettingsHomeTile.tsx';
import { TerminalNotice } from '../payment/TerminalNotice.tsx';
import { SlipsHomeTile } from '../slips/SlipsHomeTile.tsx';
import { TillCard } from './TillCard.tsx';
import './home.css';

type Tile = { screen: Screen; key: string; disabledHint?: string | false };

/** The menu after login: one big button per task the person's role allows. */
export function HomeScreen() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const clearReport = useApp((s) => s.clearReport);
  const logout = useApp((s) => s.logout);
  const canTill = useApp(sessionSelectors.canHandleTill);
  const canManage = useApp(sessionSelectors.canManage);
  const canSupport = useApp(sessionSelectors.canSupport);
  const open = useApp(tillSelectors.isOpen);

  const tiles: Tile[] = [
    ...(canTill ? [
      { screen: 'tillOpen', key: 'tillOpen', disabledHint: open && t('home.alreadyOpen') },
      { screen: 'cashMove', key: 'cashMove', disabledHint: !open && t('home.openFirst') },
      { screen: 'tillClose', key: 'tillClose', disabledHint: !open && t('home.openFirst') },
      { screen: 'report', key: 'report' },
    ] satisfies Tile[] : []),
    ...(canManage ? [{ screen: 'settings', key: 'settings' } satisfies Tile] : []),
    ...(canSupport ? [{ screen: 'support', key: 'support' } satisfies Tile] : []),
  ];
  const go = (screen: Screen) => {
    if (screen === 'report') clearReport();
    navigate(screen);
  };

  return (
    <main className="home">
      {canTill && <TillCard />}
      {canTill && <TerminalNotice />}
      <nav className="home-tiles" aria-label={t('home.menu')}>
        {canTill && <FloorHomeTile />}
        {canTill && <SlipsHomeTile />}
        {tiles.map((tile) => (
          <button key={tile.key} type="button" className={`home-tile tile-${tile.key}`} disabled={Boolean(tile.disabledHint)}
            onClick={() => go(tile.screen)}>
            <strong>{t(`home.${tile.key}`)}</strong>
            <span>{tile.disabledHint || t(`home.${tile.key}Hint`)}</span>
          </button>
        ))}
        {canManage && <CheckoutSettingsHomeTile />}
        <button type="button" className="home-tile tile-logout" onClick={() => void logout()}>
          <strong>{t('home.logout')}</strong>
          <span>{t('home.logoutHint')}</span>
        </button>
      </nav>
    </main>
  );
}
