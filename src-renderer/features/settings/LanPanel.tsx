import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';
import { settingsSelectors } from '../../store/slices/settings/selectors.ts';
import { DeviceList } from './DeviceList.tsx';
import { PairingCode } from './PairingCode.tsx';

/** LAN for handhelds: the switch, pairing a new device, and the paired ones. */
export function LanPanel() {
  const { t } = useTranslation();
  const lanEnabled = useApp(settingsSelectors.lanEnabled);
  const update = useApp((s) => s.updateSettings);
  const loadDevices = useApp((s) => s.loadDevices);
  const clearPairing = useApp((s) => s.clearPairingCode);
  useEffect(() => {
    void loadDevices();
    return clearPairing;
  }, [loadDevices, clearPairing]);

  return (
    <div className="card settings-form">
      <div className="settings-switch-row">
        <div>
          <h2>{t('settings.lan')}</h2>
          <p className="muted">{t('settings.lanHint')}</p>
        </div>
        <Switch checked={lanEnabled} onChange={(on) => void update({ lanEnabled: on })} label={t('settings.lan')}
          onText={t('common.on')} offText={t('common.off')} />
      </div>
      {lanEnabled ? <PairingCode /> : <p className="muted">{t('settings.lanOffHint')}</p>}
      <DeviceList />
    </div>
  );
}
