import { z } from 'zod';
import { yen } from '../money.ts';
import { method } from './define.ts';
import { id } from './schemas.ts';

const name = z.string().trim().min(1, '名称を入力してください。').max(40, '名称は40文字以内で入力してください。');
const sort = z.number().int().min(0).max(9999);

/** standard 10 % always; reduced = 飲食料品 (8 % only when taken out); alcohol 10 % always. */
export const taxClass = z.enum(['standard', 'reduced', 'alcohol'], { message: '税区分を選択してください。' });

export const menuCategory = z.object({ id, name: z.string(), sort: z.number().int() });
export const product = z.object({
  id, categoryId: z.string(), name: z.string(),
  /** In the store's price mode (settings.priceMode: 内税 or 外税). */
  price: z.number().int(), taxClass, active: z.boolean(), sort: z.number().int(),
});
export const customerSegment = z.object({ id, name: z.string(), sort: z.number().int(), active: z.boolean() });
export type MenuCategory = z.infer<typeof menuCategory>;
export type Product = z.infer<typeof product>;
export type CustomerSegment = z.infer<typeof customerSegment>;

export const menuView = z.object({
  priceMode: z.enum(['inclusive', 'exclusive']),
  categories: z.array(menuCategory), products: z.array(product), segments: z.array(customerSegment),
});
export type MenuView = z.infer<typeof menuView>;

export const menuMethods = {
  'menu.get': method({
    kind: 'query', access: 'staff', summary: 'Menu master: categories, products (price, tax class) and customer segments (客層).',
    input: z.object({ includeInactive: z.boolean().default(false) }), output: menuView,
  }),
  'menu.saveCategory': method({
    kind: 'command', access: ['manager'], summary: 'Create or change a menu category (no id = new).',
    input: z.object({ id: id.optional(), name, sort: sort.default(0) }), output: menuCategory,
  }),
  'menu.saveProduct': method({
    kind: 'command', access: ['manager'],
    summary: 'Create or change a product: price in the store price mode, tax class; inactive products cannot be ordered.',
    input: z.object({ id: id.optional(), categoryId: id, name, price: yen, taxClass, active: z.boolean().default(true), sort: sort.default(0) }),
    output: product,
  }),
  'menu.saveSegment': method({
    kind: 'command', access: ['manager'], summary: 'Create or change a customer segment (客層, G4).',
    input: z.object({ id: id.optional(), name: z.string().trim().min(1, '名称を入力してください。').max(20), sort: sort.default(0), active: z.boolean().default(true) }),
    output: customerSegment,
  }),
};
