import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';

/** Status is re-read now and then so the business day (営業日) turns over at the set hour. */
const STATUS_REFRESH_MS = 5 * 60 * 1000;

export function Clock() {
  const { time } = useFormat();
  const loadStatus = useApp((s) => s.loadStatus);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const refresh = setInterval(() => void loadStatus(), STATUS_REFRESH_MS);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [loadStatus]);
  return <time className="header-clock num" dateTime={new Date(now).toISOString()}>{time(now)}</time>;
}
