import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { LedgerPanel } from '../ledger-settings/LedgerPanel.tsx';
import { LanPanel } from './LanPanel.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { StoreSettingsForm } from './StoreSettingsForm.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import './settings.css';

const TABS = ['store', 'training', 'lan', 'staff', 'ledger'] as const;
type Tab = (typeof TABS)[number];

/** 設定 (managers only): store, training mode, LAN and handhelds, staff. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('store');
  const loadSettings = useApp((s) => s.loadSettings);
  const settings = useApp((s) => s.settings);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  return (
    <ScreenFrame title={t('settings.title')}>
      <div className="settings-layout">
        <div className="settings-tabs" role="tablist" aria-orientation="vertical">
          {TABS.map((key) => (
            <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>{key === 'ledger' ? t('ledger.tab') : t(`settings.tab_${key}`)}</button>
          ))}
        </div>
        <div className="settings-panel" role="tabpanel" aria-label={tab === 'ledger' ? t('ledger.tab') : t(`settings.tab_${tab}`)}>
          {tab === 'store' && settings && <StoreSettingsForm key={JSON.stringify(settings)} settings={settings} />}
          {tab === 'training' && <TrainingPanel />}
          {tab === 'lan' && <LanPanel />}
          {tab === 'staff' && <StaffPanel />}
          {tab === 'ledger' && <LedgerPanel />}
        </div>
      </div>
    </ScreenFrame>
  );
}
