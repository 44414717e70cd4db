import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IntegrityError } from '../features/boot/IntegrityError.tsx';
import { TrainingBanner } from '../features/boot/TrainingBanner.tsx';
import { Splash } from '../features/boot/Splash.tsx';
import { Unreachable } from '../features/boot/Unreachable.tsx';
import { AppHeader } from '../features/header/AppHeader.tsx';
import { LoginScreen } from '../features/login/LoginScreen.tsx';
import { PairingScreen } from '../features/pairing/PairingScreen.tsx';
import { Toasts } from '../components/Toasts.tsx';
import { sessionSelectors } from '../store/slices/session/selectors.ts';
import { systemSelectors } from '../store/slices/system/selectors.ts';
import { uiSelectors } from '../store/slices/ui/selectors.ts';
import { Screens } from './Screens.tsx';
import { useApp } from './store-context.tsx';
import './App.css';

function Body() {
  const boot = useApp((s) => s.boot);
  const integrityOk = useApp(systemSelectors.integrityOk);
  const detail = useApp(systemSelectors.integrityDetail);
  const loggedIn = useApp(sessionSelectors.isLoggedIn);
  if (boot === 'unreachable') return <Unreachable />;
  if (boot === 'unpaired') return <PairingScreen />;
  if (!integrityOk) return <IntegrityError detail={detail} />;
  if (boot === 'loading') return <Splash />;
  return (
    <>
      <AppHeader />
      <div className="app-main">{loggedIn ? <Screens /> : <LoginScreen />}</div>
    </>
  );
}

/** The register's shell: training banner over everything, then the screen, then toasts. */
export function App() {
  const { i18n } = useTranslation();
  const lang = useApp(uiSelectors.lang);
  const training = useApp(systemSelectors.isTraining);
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [lang, i18n]);
  return (
    <div className={`app${training ? ' is-training' : ''}`}>
      {training && <TrainingBanner />}
      <Body />
      <Toasts />
    </div>
  );
}
