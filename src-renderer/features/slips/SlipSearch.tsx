import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { allTiles } from '../../store/slices/floor/selectors.ts';
import type { SlipQuery } from '../../store/slices/slips/initialState.ts';
import { slipNoQuery } from '../../store/slices/slips/selectors.ts';

type Status = NonNullable<SlipQuery['status']> | 'all';
const STATUSES: Status[] = ['all', 'closed', 'open', 'cancelled'];

/** A time of the business day as epoch ms (JST); before the day's start it belongs to the next calendar day. */
export function timeOfBusinessDay(day: string, hhmm: string, dayStart: string): number {
  const at = Date.parse(`${day}T${hhmm}:00+09:00`);
  return hhmm < dayStart ? at + 24 * 60 * 60 * 1000 : at;
}

const digits = (v: string) => v.replace(/\D/g, '');

/** 伝票明細 search (G3): number (the last digits do), business day and time, table, amount, state. */
export function SlipSearch({ onSearch }: { onSearch: (q: SlipQuery) => void }) {
  const { t } = useTranslation();
  const businessDay = useApp((s) => s.status?.businessDay ?? '');
  const dayStart = useApp((s) => s.settings?.businessDayStart ?? '05:00');
  const floor = useApp((s) => s.floor);
  const loadFloor = useApp((s) => s.loadFloor);
  const [no, setNo] = useState('');
  const [day, setDay] = useState(businessDay);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tableId, setTableId] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const tables = useMemo(() => allTiles(floor), [floor]);
  useEffect(() => {
    if (!floor) void loadFloor({ quiet: true });
  }, [floor, loadFloor]);

  const query = (over: Partial<{ status: Status }> = {}): SlipQuery => {
    const st = over.status ?? status;
    return {
      ...(slipNoQuery(no) ? { slipNo: slipNoQuery(no) } : {}),
      ...(day ? { businessDay: day } : {}),
      ...(day && from ? { from: timeOfBusinessDay(day, from, dayStart) } : {}),
      ...(day && to ? { to: timeOfBusinessDay(day, to, dayStart) + 59_999 } : {}),
      ...(tableId ? { tableId } : {}),
      ...(min ? { minAmount: Number(min) } : {}),
      ...(max ? { maxAmount: Number(max) } : {}),
      ...(st !== 'all' ? { status: st } : {}),
    };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(query());
  };
  const clear = () => {
    setNo(''); setFrom(''); setTo(''); setTableId(''); setMin(''); setMax(''); setStatus('all'); setDay(businessDay);
    onSearch(businessDay ? { businessDay } : {});
  };
  return (
    <form className="slip-search card" onSubmit={submit} aria-label={t('slips.search')}>
      <label className="field"><span>{t('slips.slipNo')}</span>
        <input inputMode="numeric" value={no} maxLength={13} onChange={(e) => setNo(digits(e.target.value))} placeholder={t('slips.slipNoHint')} /></label>
      <label className="field"><span>{t('slips.businessDay')}</span>
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} /></label>
      <label className="field"><span>{t('slips.timeFrom')}</span><input type="time" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
      <label className="field"><span>{t('slips.timeTo')}</span><input type="time" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      <label className="field"><span>{t('slips.table')}</span>
        <select value={tableId} onChange={(e) => setTableId(e.target.value)}>
          <option value="">{t('slips.allTables')}</option>
          {tables.map((tb) => <option key={tb.id} value={tb.id}>{tb.floorName} {tb.name}</option>)}
        </select></label>
      <label className="field"><span>{t('slips.minAmount')}</span>
        <input inputMode="numeric" value={min} onChange={(e) => setMin(digits(e.target.value).slice(0, 8))} /></label>
      <label className="field"><span>{t('slips.maxAmount')}</span>
        <input inputMode="numeric" value={max} onChange={(e) => setMax(digits(e.target.value).slice(0, 8))} /></label>
      <div className="field slip-status"><span>{t('slips.status')}</span>
        <div className="segmented" role="group" aria-label={t('slips.status')}>
          {STATUSES.map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => { setStatus(s); onSearch(query({ status: s })); }}>{t(`slips.status_${s}`)}</button>
          ))}
        </div></div>
      <div className="slip-search-actions">
        <button type="button" className="btn" onClick={clear}>{t('slips.clear')}</button>
        <button type="submit" className="btn btn-primary">{t('slips.searchAction')}</button>
      </div>
    </form>
  );
}
