import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { m001 } from './001-foundation.ts';
import { m002 } from './002-floor-and-menu.ts';

describe('migration 002 floor and menu', () => {
  it('adds floors, tables with kinds and products with tax classes on top of 001', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [m001]);
    expect(migrate(db, [m001, m002])).toEqual([2]);
    db.prepare("INSERT INTO floors VALUES ('f', '1F', 0)").run();
    db.prepare("INSERT INTO tables VALUES ('t', 'f', 'T1', 'T1', 'waiting', 4, 0)").run();
    expect(() => db.prepare("INSERT INTO tables VALUES ('u', 'f', 'T1', 'T1', 'table', 4, 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO tables VALUES ('v', 'nope', 'T9', 'T9', 'table', 4, 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO menu_categories VALUES ('c', 'お食事', 0)").run();
    expect(() => db.prepare("INSERT INTO products (id, category_id, name, price, tax_class, sort) VALUES ('p', 'c', 'x', 100, 'zero', 0)").run()).toThrow(/CHECK/);
  });
});
