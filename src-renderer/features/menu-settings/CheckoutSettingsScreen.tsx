import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { MenuPanel } from './MenuPanel.tsx';
import { PaymentsForm } from './PaymentsForm.tsx';
import { ReceiptPrinterForm } from './ReceiptPrinterForm.tsx';
import { SegmentsPanel } from './SegmentsPanel.tsx';
import { TerminalForm } from './TerminalForm.tsx';
import '../settings/settings.css';
import './menu-settings.css';

const TABS = ['menu', 'segments', 'payments', 'receipt', 'terminal'] as const;
type Tab = (typeof TABS)[number];

/** メニュー・会計設定 (managers): menu master, 客層, tax and payments, receipt and printer, USEN PAY terminal. */
export function CheckoutSettingsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('menu');
  const settings = useApp((s) => s.settings);
  const loadSettings = useApp((s) => s.loadSettings);
  const loadMenuAll = useApp((s) => s.loadMenuAll);
  useEffect(() => {
    void loadSettings();
    void loadMenuAll();
  }, [loadSettings, loadMenuAll]);
  return (
    <ScreenFrame title={t('menuSettings.title')}>
      <div className="settings-layout">
        <div className="settings-tabs" role="tablist" aria-orientation="vertical">
          {TABS.map((key) => (
            <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>{t(`menuSettings.tab_${key}`)}</button>
          ))}
        </div>
        <div className="settings-panel" role="tabpanel" aria-label={t(`menuSettings.tab_${tab}`)}>
          {tab === 'menu' && <MenuPanel />}
          {tab === 'segments' && <SegmentsPanel />}
          {tab === 'payments' && settings && <PaymentsForm key={JSON.stringify(settings)} settings={settings} />}
          {tab === 'receipt' && settings && <ReceiptPrinterForm key={JSON.stringify(settings)} settings={settings} />}
          {tab === 'terminal' && settings && <TerminalForm key={JSON.stringify(settings.terminal)} settings={settings} />}
        </div>
      </div>
    </ScreenFrame>
  );
}
