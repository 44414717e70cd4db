import type { MenuView } from '../../../../src-shared/contract/index.ts';

export type MenuState = {
  /** Active categories, products and 客層 (order grid, checkout). */
  menu: MenuView | null;
  /** Everything, retired rows included (menu settings, managers). */
  menuAll: MenuView | null;
};

export const initialMenuState: MenuState = {
  menu: null,
  menuAll: null,
};
