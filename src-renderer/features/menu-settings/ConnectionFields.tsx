import { useTranslation } from 'react-i18next';

export type Connection = { kind: 'none' } | { kind: 'tcp'; host: string; port: number } | { kind: 'serial'; path: string; baudRate: number };

type Props = { label: string; value: Connection; onChange: (c: Connection) => void; defaultPort: number; defaultBaud: number };

/** なし / LAN (host:port) / シリアル (path, baud): the printer's and the terminal's connection. */
export function ConnectionFields({ label, value, onChange, defaultPort, defaultBaud }: Props) {
  const { t } = useTranslation();
  const kinds = ['none', 'tcp', 'serial'] as const;
  const pick = (kind: Connection['kind']) => {
    if (kind === value.kind) return;
    onChange(kind === 'none' ? { kind } : kind === 'tcp' ? { kind, host: '', port: defaultPort } : { kind, path: '', baudRate: defaultBaud });
  };
  return (
    <div className="connection-fields">
      <div className="field">
        <span>{label}</span>
        <div className="segmented" role="group" aria-label={label}>
          {kinds.map((k) => <button key={k} type="button" aria-pressed={value.kind === k} onClick={() => pick(k)}>{t(`menuSettings.conn_${k}`)}</button>)}
        </div>
      </div>
      {value.kind === 'tcp' && (
        <div className="settings-row">
          <label className="field"><span>{t('menuSettings.host')}</span>
            <input value={value.host} maxLength={253} onChange={(e) => onChange({ ...value, host: e.target.value })} placeholder="192.168.1.20" /></label>
          <label className="field"><span>{t('menuSettings.port')}</span>
            <input inputMode="numeric" value={String(value.port)} onChange={(e) => onChange({ ...value, port: Number(e.target.value.replace(/\D/g, '').slice(0, 5) || 0) })} /></label>
        </div>
      )}
      {value.kind === 'serial' && (
        <div className="settings-row">
          <label className="field"><span>{t('menuSettings.serialPath')}</span>
            <input value={value.path} maxLength={200} onChange={(e) => onChange({ ...value, path: e.target.value })} placeholder="/dev/ttyUSB0" /></label>
          <label className="field"><span>{t('menuSettings.baud')}</span>
            <input inputMode="numeric" value={String(value.baudRate)} onChange={(e) => onChange({ ...value, baudRate: Number(e.target.value.replace(/\D/g, '').slice(0, 6) || 0) })} /></label>
        </div>
      )}
    </div>
  );
}
