import type { MenuView, Product } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

export const menuSelectors = {
  menu: (s: AppState) => s.menu,
  menuAll: (s: AppState) => s.menuAll,
  segments: (s: AppState) => s.menu?.segments ?? EMPTY_SEGMENTS,
};

const EMPTY_SEGMENTS: MenuView['segments'] = [];

/** Products of one category, in the menu's order (the core sorts them). */
export const productsOf = (menu: MenuView | null, categoryId: string | null): Product[] =>
  menu && categoryId ? menu.products.filter((p) => p.categoryId === categoryId) : [];

/** Categories in their order; empty ones are left out of the order screen's tabs. */
export const categoriesWithProducts = (menu: MenuView | null) =>
  menu ? [...menu.categories].sort((a, b) => a.sort - b.sort).filter((c) => menu.products.some((p) => p.categoryId === c.id)) : [];
