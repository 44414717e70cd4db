import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { menuSelectors, productsOf } from '../../store/slices/menu/selectors.ts';
import { ProductForm } from './ProductForm.tsx';

/** Categories and their products (price, tax class, active); rows are never deleted, only retired. */
export function MenuPanel() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const menu = useApp(menuSelectors.menuAll);
  const saveCategory = useApp((s) => s.saveCategory);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [newCategory, setNewCategory] = useState('');
  const categories = useMemo(() => [...(menu?.categories ?? [])].sort((a, b) => a.sort - b.sort), [menu]);
  const current = categoryId ?? categories[0]?.id ?? null;
  const products = useMemo(() => productsOf(menu, current), [menu, current]);
  const addCategory = async () => {
    const name = newCategory.trim();
    if (!name) return;
    const saved = await saveCategory({ name, sort: categories.length });
    if (saved) {
      setNewCategory('');
      setCategoryId(saved.id);
    }
  };
  if (!menu) return <p className="card muted">{t('order.loadingMenu')}</p>;
  return (
    <div className="menu-panel">
      <div className="menu-categories card">
        <h2>{t('menuSettings.categories')}</h2>
        <div className="category-tabs is-vertical" role="tablist" aria-label={t('menuSettings.categories')}>
          {categories.map((c) => (
            <button key={c.id} type="button" role="tab" aria-selected={c.id === current} onClick={() => { setCategoryId(c.id); setEditing(null); }}>{c.name}</button>
          ))}
        </div>
        <div className="inline-add">
          <input className="text-input" value={newCategory} maxLength={40} onChange={(e) => setNewCategory(e.target.value)}
            placeholder={t('menuSettings.newCategory')} aria-label={t('menuSettings.newCategory')} />
          <button type="button" className="btn" onClick={() => void addCategory()} disabled={!newCategory.trim()}>{t('menuSettings.add')}</button>
        </div>
      </div>
      <div className="menu-products">
        {editing ? (
          <ProductForm key={editing === 'new' ? 'new' : editing.id} product={editing === 'new' ? null : editing}
            categoryId={current ?? ''} categories={categories} priceMode={menu.priceMode} onDone={() => setEditing(null)} />
        ) : (
          <div className="card">
            <div className="menu-products-head">
              <h2>{categories.find((c) => c.id === current)?.name ?? ''}</h2>
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={!current}>{t('menuSettings.addProduct')}</button>
            </div>
            <ul className="product-rows" aria-label={t('menuSettings.products')}>
              {products.map((p) => (
                <li key={p.id} className={p.active ? '' : 'is-inactive'}>
                  <div>
                    <strong>{p.name}</strong>
                    <span className="muted">{t(`menuSettings.tax_${p.taxClass}`)}{p.active ? '' : ` ・ ${t('menuSettings.retired')}`}</span>
                  </div>
                  <span className="num product-row-price">{yen(p.price)}</span>
                  <button type="button" className="btn" onClick={() => setEditing(p)} aria-label={t('menuSettings.editOf', { name: p.name })}>{t('common.edit')}</button>
                </li>
              ))}
              {products.length === 0 && <li className="muted">{t('order.noProducts')}</li>}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
