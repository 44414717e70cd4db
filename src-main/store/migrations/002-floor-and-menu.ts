import type { Migration } from './index.ts';

/** Floors and tables (incl. counter seats and waiting tables), menu categories and products. */
export const m002: Migration = {
  version: 2,
  name: 'floor-and-menu',
  up(db) {
    db.exec(`
      CREATE TABLE floors (id TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL) STRICT;
      CREATE TABLE tables (
        id TEXT PRIMARY KEY, floor_id TEXT NOT NULL REFERENCES floors(id),
        name TEXT NOT NULL, short_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('table', 'counter', 'waiting')),
        seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 99), sort INTEGER NOT NULL,
        UNIQUE (floor_id, name)
      ) STRICT;
      CREATE TABLE menu_categories (id TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL) STRICT;
      CREATE TABLE products (
        id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES menu_categories(id),
        name TEXT NOT NULL, price INTEGER NOT NULL CHECK (price >= 0),
        tax_class TEXT NOT NULL CHECK (tax_class IN ('standard', 'reduced', 'alcohol')),
        active INTEGER NOT NULL DEFAULT 1, sort INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
