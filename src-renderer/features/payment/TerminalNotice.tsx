import { useEffect } from 'react';
import { useApp } from '../../app/store-context.tsx';
import { terminalSelectors } from '../../store/slices/terminal/selectors.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import { TerminalStatusLine } from './TerminalStatusLine.tsx';
import './payment.css';

/**
 * On the menu while the till is open: a USEN PAY terminal that did not connect at 開局 (battery
 * ≤ 10 %, busy, not reachable) says so with 再接続 (U1, U11). Nothing when all is well or none is set.
 */
export function TerminalNotice() {
  const status = useApp(terminalSelectors.status);
  const open = useApp(tillSelectors.isOpen);
  const load = useApp((s) => s.loadTerminalStatus);
  useEffect(() => {
    void load();
  }, [load, open]);
  if (!open || !status?.configured || status.state === 'connected' || status.state === 'connecting') return null;
  return <div className="card terminal-notice"><TerminalStatusLine /></div>;
}
