import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../src-shared/contract/index.ts';

const fmt = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** One log line; tapping it shows the raw JSON the support desk asks for. */
export function LogRow({ entry }: { entry: LogEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className={`log-row level-${entry.level}`}>
      <button type="button" className="log-summary" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="log-time num">{fmt.format(entry.time)}</span>
        <span className="log-level">{entry.level}</span>
        <span className="log-msg">{entry.msg}</span>
        <span className="log-meta muted">{[entry.staff, entry.method].filter(Boolean).join(' ・ ')}</span>
      </button>
      {open && <pre className="log-raw" aria-label={t('support.raw')}>{JSON.stringify(entry.raw, null, 2)}</pre>}
    </li>
  );
}
