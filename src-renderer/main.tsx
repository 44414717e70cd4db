import '@fontsource/biz-udgothic/400.css';
import '@fontsource/biz-udgothic/700.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { bootStore } from './app/boot.ts';
import { StoreProvider } from './app/store-context.tsx';
import { ErrorBoundary } from './features/boot/ErrorBoundary.tsx';
import { initI18n } from './i18n/index.ts';

const store = bootStore();
initI18n(store.getState().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);
