import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, Settings } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';
import { ConnectionFields, type Connection } from './ConnectionFields.tsx';

/** The register's one USEN PAY terminal (U1): LAN address or serial port, テスト接続, automatic copies (U7). */
export function TerminalForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useApp((s) => s.saveCheckoutSettings);
  const test = useApp((s) => s.testTerminal);
  const pushToast = useApp((s) => s.pushToast);
  const [connection, setConnection] = useState<Connection>(settings.terminal.connection);
  const [copies, setCopies] = useState(settings.terminal.autoPrintCopies);
  const [result, setResult] = useState<Output<'terminal.test'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const message = await save({ terminal: { connection, autoPrintCopies: copies } });
    setBusy(false);
    setError(message);
    if (!message) pushToast('success', t('settings.saved'));
  };
  const runTest = async () => {
    setBusy(true);
    setResult(null);
    setResult(await test(connection));
    setBusy(false);
  };
  return (
    <form className="settings-form card" onSubmit={(e) => void submit(e)}>
      <h2>{t('menuSettings.terminal')}</h2>
      <p className="muted">{t('menuSettings.terminalHint')}</p>
      <ConnectionFields label={t('menuSettings.terminalConnection')} value={connection} onChange={(c) => { setConnection(c); setResult(null); }} defaultPort={10009} defaultBaud={115200} />
      <div className="settings-switch-row">
        <span>{t('menuSettings.autoCopies')}</span>
        <Switch checked={copies} onChange={setCopies} label={t('menuSettings.autoCopies')} onText={t('common.on')} offText={t('common.off')} />
      </div>
      {connection.kind !== 'none' && (
        <button type="button" className="btn btn-large" onClick={() => void runTest()} disabled={busy}>{t('menuSettings.testConnection')}</button>
      )}
      {result && (
        <div className={`notice-text ${result.ok ? 'is-ok' : 'is-error'}`} role="status" data-testid="terminal-test">
          <strong>{result.message}</strong>
          {result.ok && (
            <p>{[result.model, result.serial, result.battery !== null ? t('payment.battery', { percent: result.battery }) : null].filter(Boolean).join(' ・ ')}
              {result.contracts.length > 0 && ` ・ ${result.contracts.map((c) => t(`payment.method_${c}`)).join('・')}`}</p>
          )}
        </div>
      )}
      {error && <p className="notice-text is-error" role="alert" data-testid="settings-error">{error}</p>}
      <button type="submit" className="btn btn-primary btn-large" disabled={busy}>{t('common.save')}</button>
    </form>
  );
}
