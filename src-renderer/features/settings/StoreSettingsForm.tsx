import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';

/** Store name, register number, business day start and the store's default language. */
export function StoreSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useApp((s) => s.updateSettings);
  const pushToast = useApp((s) => s.pushToast);
  const [form, setForm] = useState(settings);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const { storeName, registerNo, businessDayStart, locale } = form;
    if (await update({ storeName, registerNo, businessDayStart, locale })) pushToast('success', t('settings.saved'));
    setSaving(false);
  };

  return (
    <form className="settings-form card" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('settings.storeName')}</span>
        <input value={form.storeName} maxLength={40} onChange={(e) => set('storeName', e.target.value)} />
      </label>
      <div className="settings-row">
        <label className="field">
          <span>{t('settings.registerNo')}</span>
          <input type="number" inputMode="numeric" min={1} max={99} value={form.registerNo}
            onChange={(e) => set('registerNo', Number(e.target.value))} />
        </label>
        <label className="field">
          <span>{t('settings.businessDayStart')}</span>
          <input type="time" value={form.businessDayStart} onChange={(e) => set('businessDayStart', e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('settings.businessDayHint')}</p>
      <div className="field">
        <span>{t('settings.locale')}</span>
        <div className="segmented" role="group" aria-label={t('settings.locale')}>
          {(['ja', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={form.locale === l} onClick={() => set('locale', l)}>{l === 'ja' ? '日本語' : 'English'}</button>
          ))}
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-large" disabled={saving}>{t('common.save')}</button>
    </form>
  );
}
