import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { settingsSelectors } from '../../store/slices/settings/selectors.ts';

/** Paired handhelds and sub-registers; 解除 stops a device's token at once. */
export function DeviceList() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const devices = useApp(settingsSelectors.devices);
  const revoke = useApp((s) => s.revokeDevice);
  const [target, setTarget] = useState<Device | null>(null);

  return (
    <div className="device-list">
      <h3>{t('settings.devices')}</h3>
      {devices.length === 0 && <p className="muted">{t('settings.noDevices')}</p>}
      <ul>
        {devices.map((d) => (
          <li key={d.id}>
            <div>
              <strong>{d.name}</strong>
              <span className="muted">
                {t('settings.pairedAt', { time: dateTime(d.pairedAt) })}
                {' ・ '}
                {d.lastSeenAt ? t('settings.lastSeen', { time: dateTime(d.lastSeenAt) }) : t('settings.neverSeen')}
              </span>
            </div>
            <button type="button" className="btn" onClick={() => setTarget(d)}>{t('settings.revoke')}</button>
          </li>
        ))}
      </ul>
      {target && (
        <ConfirmDialog title={t('settings.revokeConfirm', { name: target.name })} confirmLabel={t('settings.revoke')} danger
          onConfirm={() => void revoke(target.id).then(() => setTarget(null))} onCancel={() => setTarget(null)}>
          <p>{t('settings.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
