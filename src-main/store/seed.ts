import type { DB } from './db.ts';
import { hashPin } from '../services/pin.ts';
import { DEFAULT_SETTINGS, saveSettings } from './settings-repo.ts';

/** Demo staff; PINs are documented in README.md for the demo only. */
export const DEMO_STAFF = [
  { id: 'staff-manager', name: '山田 店長', role: 'manager', pin: '1234' },
  { id: 'staff-cashier1', name: '佐藤 花子', role: 'cashier', pin: '1111' },
  { id: 'staff-cashier2', name: '鈴木 一郎', role: 'cashier', pin: '2222' },
  { id: 'staff-support', name: 'サポート', role: 'support', pin: '9999' },
] as const;

type Floor = { id: string; name: string; tables: Array<[name: string, short: string, kind: 'table' | 'counter' | 'waiting', seats: number]> };

/** Two floors, 30 tables including counter seats and two waiting tables (待機テーブル). */
const FLOORS: Floor[] = [
  {
    id: 'floor-1', name: '1F', tables: [
      ...Array.from({ length: 12 }, (_, i) => [`T${i + 1}`, `T${i + 1}`, 'table', i < 8 ? 4 : 6] as const),
      ...Array.from({ length: 8 }, (_, i) => [`C${i + 1}`, `C${i + 1}`, 'counter', 1] as const),
      ['待機1', 'W1', 'waiting', 4], ['待機2', 'W2', 'waiting', 4],
    ] as Floor['tables'],
  },
  {
    id: 'floor-2', name: '2F', tables: Array.from({ length: 8 }, (_, i) => [`${201 + i}`, `${201 + i}`, 'table', i < 4 ? 4 : 8]) as Floor['tables'],
  },
];

// Food and soft drinks are 飲食料品 ('reduced': 8 % when taken out, 10 % eaten in); alcohol is always 10 %.
const MENU: Array<{ id: string; name: string; items: Array<[name: string, price: number, taxClass: 'standard' | 'reduced' | 'alcohol']> }> = [
  { id: 'cat-food', name: 'お食事', items: [['唐揚げ定食', 980, 'reduced'], ['焼き魚定食', 1080, 'reduced'], ['親子丼', 880, 'reduced'], ['ざるそば', 780, 'reduced'], ['天ぷら盛り合わせ', 1280, 'reduced']] },
  { id: 'cat-side', name: '一品', items: [['枝豆', 380, 'reduced'], ['冷奴', 350, 'reduced'], ['だし巻き玉子', 480, 'reduced'], ['ポテトフライ', 420, 'reduced']] },
  { id: 'cat-drink', name: 'ソフトドリンク', items: [['ウーロン茶', 300, 'reduced'], ['オレンジジュース', 350, 'reduced'], ['コーラ', 350, 'reduced']] },
  { id: 'cat-alcohol', name: 'アルコール', items: [['生ビール', 580, 'alcohol'], ['ハイボール', 480, 'alcohol'], ['日本酒 一合', 680, 'alcohol'], ['レモンサワー', 450, 'alcohol']] },
  { id: 'cat-dessert', name: 'デザート', items: [['抹茶アイス', 380, 'reduced'], ['わらび餅', 420, 'reduced']] },
];

/** 客層 (G4) offered at checkout. */
const SEGMENTS = ['一般', 'ファミリー', 'カップル', 'ビジネス', 'グループ', '観光客'];

/** Fill an empty store with the demo restaurant. Does nothing once staff exist. */
export function seedDemo(db: DB, now: number): void {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
  if (count > 0) return;
  db.transaction(() => {
    saveSettings(db, DEFAULT_SETTINGS);
    const staff = db.prepare('INSERT INTO staff (id, name, role, pin_hash, active, sort, created_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
    DEMO_STAFF.forEach((s, i) => staff.run(s.id, s.name, s.role, hashPin(s.pin), i, now));
    const floor = db.prepare('INSERT INTO floors (id, name, sort) VALUES (?, ?, ?)');
    const table = db.prepare('INSERT INTO tables (id, floor_id, name, short_name, kind, seats, sort) VALUES (?, ?, ?, ?, ?, ?, ?)');
    FLOORS.forEach((f, i) => {
      floor.run(f.id, f.name, i);
      f.tables.forEach(([name, short, kind, seats], j) => table.run(`${f.id}-${short}`, f.id, name, short, kind, seats, j));
    });
    const cat = db.prepare('INSERT INTO menu_categories (id, name, sort) VALUES (?, ?, ?)');
    const product = db.prepare('INSERT INTO products (id, category_id, name, price, tax_class, sort) VALUES (?, ?, ?, ?, ?, ?)');
    MENU.forEach((c, i) => {
      cat.run(c.id, c.name, i);
      c.items.forEach(([name, price, taxClass], j) => product.run(`${c.id}-${j + 1}`, c.id, name, price, taxClass, j));
    });
    const segment = db.prepare('INSERT INTO customer_segments (id, name, sort) VALUES (?, ?, ?)');
    SEGMENTS.forEach((name, i) => segment.run(`seg-${i + 1}`, name, i));
  })();
}

/** Tables copied from the live store into the training store, parents first (foreign keys). */
const MASTER_TABLES = ['settings', 'staff', 'floors', 'tables', 'menu_categories', 'products', 'customer_segments'] as const;

/** Upsert the live master data into the training database (rows are never deleted: history may point at them). */
export function copyMasterData(from: DB, to: DB): void {
  to.transaction(() => {
    for (const table of MASTER_TABLES) {
      const rows = from.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>;
      if (!rows.length) continue;
      const cols = Object.keys(rows[0]!);
      const key = table === 'settings' ? 'key' : 'id';
      const upsert = to.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
        ON CONFLICT(${key}) DO UPDATE SET ${cols.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ')}`);
      for (const row of rows) {
        if (table === 'settings' && row.key === 'register.mode') continue;
        upsert.run(...cols.map((c) => row[c]));
      }
    }
  })();
}
