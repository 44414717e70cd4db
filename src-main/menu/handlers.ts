import { randomUUID } from 'node:crypto';
import type { CustomerSegment, MenuCategory, MenuView, Product } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { handlers } from '../api/context.ts';
import type { DB } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';

type ProductRow = { id: string; category_id: string; name: string; price: number; tax_class: Product['taxClass']; active: number; sort: number };

const toProduct = (r: ProductRow): Product => ({
  id: r.id, categoryId: r.category_id, name: r.name, price: r.price, taxClass: r.tax_class, active: r.active === 1, sort: r.sort,
});

export function productById(db: DB, id: string): Product | null {
  const row = db.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
  return row ? toProduct(row) : null;
}

export function menuView(db: DB, includeInactive: boolean): MenuView {
  const where = includeInactive ? '' : 'WHERE active = 1';
  return {
    priceMode: getSettings(db).priceMode,
    categories: db.prepare('SELECT id, name, sort FROM menu_categories ORDER BY sort, name').all() as MenuCategory[],
    products: (db.prepare(`SELECT * FROM products ${where} ORDER BY category_id, sort, name`).all() as ProductRow[]).map(toProduct),
    segments: (db.prepare(`SELECT * FROM customer_segments ${where} ORDER BY sort, name`).all() as Array<Omit<CustomerSegment, 'active'> & { active: number }>)
      .map((s): CustomerSegment => ({ ...s, active: s.active === 1 })),
  };
}

/**
 * Menu master (settings → メニュー). Rows are never deleted: order lines and slips keep their
 * own copy of name, price and rate, and a product is retired by making it inactive.
 */
export const menuHandlers = handlers({
  'menu.get': (input, ctx) => menuView(ctx.db, input.includeInactive),

  'menu.saveCategory': (input, ctx) => {
    const id = input.id ?? `cat-${randomUUID()}`;
    ctx.db.prepare(`INSERT INTO menu_categories (id, name, sort) VALUES (?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort = excluded.sort`).run(id, input.name, input.sort);
    ctx.emit('menu.changed', {});
    return { id, name: input.name, sort: input.sort };
  },

  'menu.saveProduct': (input, ctx) => {
    if (!ctx.db.prepare('SELECT 1 FROM menu_categories WHERE id = ?').get(input.categoryId)) {
      throw new AppError('NOT_FOUND', 'category not found', 'カテゴリが見つかりません。');
    }
    if (input.id && !productById(ctx.db, input.id)) throw new AppError('NOT_FOUND', 'product not found', '商品が見つかりません。');
    const id = input.id ?? `prod-${randomUUID()}`;
    ctx.db.prepare(`INSERT INTO products (id, category_id, name, price, tax_class, active, sort) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id, name = excluded.name, price = excluded.price,
        tax_class = excluded.tax_class, active = excluded.active, sort = excluded.sort`)
      .run(id, input.categoryId, input.name, input.price, input.taxClass, input.active ? 1 : 0, input.sort);
    ctx.emit('menu.changed', {});
    return productById(ctx.db, id)!;
  },

  'menu.saveSegment': (input, ctx) => {
    const id = input.id ?? `seg-${randomUUID()}`;
    ctx.db.prepare(`INSERT INTO customer_segments (id, name, sort, active) VALUES (?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort = excluded.sort, active = excluded.active`)
      .run(id, input.name, input.sort, input.active ? 1 : 0);
    ctx.emit('menu.changed', {});
    return { id, name: input.name, sort: input.sort, active: input.active };
  },
});
