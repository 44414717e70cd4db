import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context.tsx';
import { floorSelectors } from '../../store/slices/floor/selectors.ts';

/** The station's clock (this device's plus the offset seen in floor.view), ticking every `everyMs`. */
export function useStationNow(everyMs = 15_000): number {
  const offset = useApp(floorSelectors.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
