import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { terminalSelectors } from '../../store/slices/terminal/selectors.ts';

/** The terminal's connection in words, and the update button that reconnects it (U1, U11). */
export function TerminalStatusLine({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const status = useApp(terminalSelectors.status);
  const connecting = useApp(terminalSelectors.connecting);
  const connect = useApp((s) => s.connectTerminal);
  if (!status) return null;
  const ok = status.state === 'connected';
  return (
    <div className={`terminal-status${ok ? ' is-ok' : ' is-problem'}${compact ? ' is-compact' : ''}`} data-testid="terminal-status">
      <div className="terminal-status-text">
        <strong>{t(`payment.state_${status.state}`)}</strong>
        {status.battery !== null && <span className="muted">{t('payment.battery', { percent: status.battery })}</span>}
        {!ok && status.message && <p className="terminal-message">{status.message}</p>}
      </div>
      {status.configured && (
        <button type="button" className="btn" onClick={() => void connect()} disabled={connecting}>
          {connecting ? t('payment.connecting') : status.action === 'close' ? t('common.close') : ok ? t('payment.update') : t('payment.reconnect')}
        </button>
      )}
    </div>
  );
}
