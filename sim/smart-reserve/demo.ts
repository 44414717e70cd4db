/**
 * A demo day for the register: seats named like the register's demo tables (1F T1..T12, counter
 * C1..C8, 2F 201..208) and reservations around the current business day (R2 shows ±1 day).
 */
import { addDays, businessDayOf } from './clock.ts';
import { addBlock, addReservation, setMappings, setSeats } from './ops-control.ts';
import type { ReservationInput } from './schemas.ts';
import type { StoreState } from './store.ts';

export interface DemoResult {
  businessDay: string;
  seats: number;
  reservations: string[];
  blocks: string[];
}

export function demoSeats() {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return [
    ...range(12).map((i) => ({ id: `seat-T${i}`, name: `T${i}`, kind: 'テーブル', capacity: i <= 8 ? 4 : 6, floor: '1F' })),
    ...range(8).map((i) => ({ id: `seat-C${i}`, name: `C${i}`, kind: 'カウンター', capacity: 1, floor: '1F' })),
    ...range(8).map((i) => ({ id: `seat-${200 + i}`, name: String(200 + i), kind: 'テーブル', capacity: 6, floor: '2F' })),
  ];
}

type DemoLine = Omit<ReservationInput, 'businessDay'> & { day: -1 | 0 | 1 };

const LINES: DemoLine[] = [
  { day: -1, startTime: '19:00', party: 4, guestName: '佐藤 健', guestNameKana: 'サトウ ケン', seatName: 'T3' },
  { day: 0, startTime: '11:30', party: 2, guestName: '鈴木 花子', guestNameKana: 'スズキ ハナコ', seatName: 'C1', durationMin: 90 },
  { day: 0, startTime: '12:30', party: 3, guestName: 'れじてすといち', guestRequest: 'ベビーカーがあります' },
  { day: 0, startTime: '18:00', party: 4, guestName: 'ですとさいとう', guestNameKana: 'デストサイトウ', seatName: 'T1', courseName: '季節の会席コース', courseDetail: '先付・椀物・お造り・焼物・炊合せ・食事・水菓子', storeMemo: '常連様。奥の席希望' },
  { day: 0, startTime: '18:30', party: 6, guestName: '高橋 一郎', seatName: '201', prepaymentAmount: 33_000, courseName: '宴会プラン', remarks: '事前決済済み' },
  { day: 0, startTime: '19:00', party: 2, guestName: '田中 美咲', seatName: 'T5', points: 500, remarks: 'グルメサイト予約・ポイント利用' },
  { day: 0, startTime: '19:30', party: 5, guestName: 'サイトウ', guestRequest: 'アレルギー：えび・かに' },
  { day: 0, startTime: '20:00', party: 8, guestName: 'USEN', seatName: '203', durationMin: 180, storeMemo: '会社の送別会' },
  { day: 0, startTime: '21:00', party: 2, guestName: '伊藤 誠', seatName: 'C5' },
  { day: 1, startTime: '18:00', party: 4, guestName: 'れじ', seatName: 'T2' },
  { day: 1, startTime: '19:00', party: 2, guestName: '渡辺 優', courseName: 'おまかせコース' },
];

/** Adds the demo to a store: seats (when it has none), reservations, a block; maps by name. */
export function seedDemo(store: StoreState, now: number, businessDay = businessDayOf(now, store.settings.dayStart)): DemoResult {
  if (store.seats.size === 0) setSeats(store, { seats: demoSeats() });
  const reservations = LINES.map(({ day, ...line }) => addReservation(store, now, { ...line, businessDay: addDays(businessDay, day) }).id);
  const block = addBlock(store, now, { seatName: '205', businessDay, startTime: '17:00', durationMin: 180, reason: '設備点検' });
  // Demo convenience: tables the register pushes are mapped to seats of the same name (L4).
  store.settings.autoMapByName = true;
  setMappings(store, { byName: true });
  return { businessDay, seats: store.seats.size, reservations, blocks: [block.id] };
}
