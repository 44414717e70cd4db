import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCategory, Product } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';

type Props = { product: Product | null; categoryId: string; categories: MenuCategory[]; priceMode: 'inclusive' | 'exclusive'; onDone: () => void };
const TAX: Product['taxClass'][] = ['reduced', 'standard', 'alcohol'];

/** A product: name, category, price in the store's price mode, tax class, sold or retired. */
export function ProductForm({ product, categoryId, categories, priceMode, onDone }: Props) {
  const { t } = useTranslation();
  const save = useApp((s) => s.saveProduct);
  const pushToast = useApp((s) => s.pushToast);
  const [name, setName] = useState(product?.name ?? '');
  const [category, setCategory] = useState(product?.categoryId ?? categoryId);
  const [price, setPrice] = useState(product ? String(product.price) : '');
  const [taxClass, setTaxClass] = useState<Product['taxClass']>(product?.taxClass ?? 'reduced');
  const [active, setActive] = useState(product?.active ?? true);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const saved = await save({ ...(product ? { id: product.id } : {}), categoryId: category, name, price: Number(price || 0), taxClass, active, sort: product?.sort ?? 0 });
    setSaving(false);
    if (saved) {
      pushToast('success', t('menuSettings.productSaved', { name: saved.name }));
      onDone();
    }
  };
  return (
    <form className="settings-form card" onSubmit={(e) => void submit(e)} aria-label={product ? t('menuSettings.editOf', { name: product.name }) : t('menuSettings.addProduct')}>
      <h2>{product ? t('menuSettings.editOf', { name: product.name }) : t('menuSettings.addProduct')}</h2>
      <label className="field"><span>{t('menuSettings.productName')}</span><input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} /></label>
      <div className="settings-row">
        <label className="field"><span>{t('menuSettings.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></label>
        <label className="field"><span>{t('menuSettings.price', { mode: t(`menuSettings.mode_${priceMode}`) })}</span>
          <input inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value.replace(/\D/g, '').slice(0, 8))} /></label>
      </div>
      <div className="field">
        <span>{t('menuSettings.taxClass')}</span>
        <div className="segmented" role="group" aria-label={t('menuSettings.taxClass')}>
          {TAX.map((c) => <button key={c} type="button" aria-pressed={taxClass === c} onClick={() => setTaxClass(c)}>{t(`menuSettings.tax_${c}`)}</button>)}
        </div>
        <span className="muted">{t(`menuSettings.taxHint_${taxClass}`)}</span>
      </div>
      <div className="settings-switch-row">
        <span>{t('menuSettings.onSale')}</span>
        <Switch checked={active} onChange={setActive} label={t('menuSettings.onSale')} onText={t('menuSettings.onSaleOn')} offText={t('menuSettings.onSaleOff')} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-large" onClick={onDone}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary btn-large" disabled={saving}>{t('common.save')}</button>
      </div>
    </form>
  );
}
