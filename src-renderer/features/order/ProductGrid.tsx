import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { categoriesWithProducts, menuSelectors, productsOf } from '../../store/slices/menu/selectors.ts';

type Props = { onPick: (product: Product) => void; disabled?: boolean };

/** Category tabs and big product tiles; a tap adds one to the order (注文送信 sends them). */
export function ProductGrid({ onPick, disabled }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const menu = useApp(menuSelectors.menu);
  const categories = useMemo(() => categoriesWithProducts(menu), [menu]);
  const [picked, setPicked] = useState<string | null>(null);
  const categoryId = picked && categories.some((c) => c.id === picked) ? picked : (categories[0]?.id ?? null);
  const products = useMemo(() => productsOf(menu, categoryId), [menu, categoryId]);
  if (!menu) return <p className="card muted">{t('order.loadingMenu')}</p>;
  return (
    <div className="product-grid-wrap">
      <div className="category-tabs" role="tablist" aria-label={t('order.categories')}>
        {categories.map((c) => (
          <button key={c.id} type="button" role="tab" aria-selected={c.id === categoryId} onClick={() => setPicked(c.id)}>{c.name}</button>
        ))}
      </div>
      <div className="product-grid" role="group" aria-label={t('order.products')}>
        {products.map((p) => (
          <button key={p.id} type="button" className={`product-tile tax-${p.taxClass}`} onClick={() => onPick(p)} disabled={disabled}>
            <span className="product-name">{p.name}</span>
            <span className="product-price num">{yen(p.price)}</span>
          </button>
        ))}
        {products.length === 0 && <p className="muted">{t('order.noProducts')}</p>}
      </div>
    </div>
  );
}
