import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';

const OTHER: Array<keyof Settings['otherPayments']> = ['credit', 'points', 'sitePoints', 'prepaid'];

/** 内税/外税, the tax rounding, the invoice registration number and the その他支払 offered at checkout (P1). */
export function PaymentsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useApp((s) => s.saveCheckoutSettings);
  const pushToast = useApp((s) => s.pushToast);
  const [priceMode, setPriceMode] = useState(settings.priceMode);
  const [taxRounding, setTaxRounding] = useState(settings.taxRounding);
  const [issuer, setIssuer] = useState(settings.invoice.issuer);
  const [number, setNumber] = useState(settings.invoice.registrationNumber);
  const [other, setOther] = useState(settings.otherPayments);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const message = await save({ priceMode, taxRounding, invoice: { issuer, registrationNumber: number }, otherPayments: other });
    setSaving(false);
    setError(message);
    if (!message) pushToast('success', t('settings.saved'));
  };
  return (
    <form className="settings-form card" onSubmit={(e) => void submit(e)}>
      <h2>{t('menuSettings.tax')}</h2>
      <div className="field">
        <span>{t('menuSettings.priceMode')}</span>
        <div className="segmented" role="group" aria-label={t('menuSettings.priceMode')}>
          {(['inclusive', 'exclusive'] as const).map((m) => <button key={m} type="button" aria-pressed={priceMode === m} onClick={() => setPriceMode(m)}>{t(`menuSettings.mode_${m}`)}</button>)}
        </div>
      </div>
      <div className="field">
        <span>{t('menuSettings.rounding')}</span>
        <div className="segmented" role="group" aria-label={t('menuSettings.rounding')}>
          {(['floor', 'round', 'ceil'] as const).map((m) => <button key={m} type="button" aria-pressed={taxRounding === m} onClick={() => setTaxRounding(m)}>{t(`menuSettings.rounding_${m}`)}</button>)}
        </div>
        <span className="muted">{t('menuSettings.roundingHint')}</span>
      </div>
      <h2>{t('menuSettings.invoice')}</h2>
      <div className="field">
        <span>{t('menuSettings.issuer')}</span>
        <div className="segmented" role="group" aria-label={t('menuSettings.issuer')}>
          {(['corporation', 'individual'] as const).map((m) => <button key={m} type="button" aria-pressed={issuer === m} onClick={() => setIssuer(m)}>{t(`menuSettings.issuer_${m}`)}</button>)}
        </div>
      </div>
      <label className="field">
        <span>{t('menuSettings.registrationNumber')}</span>
        <input value={number} maxLength={20} onChange={(e) => setNumber(e.target.value)} placeholder="T1234567890123" aria-invalid={Boolean(error)}
          aria-describedby="invoice-error" />
      </label>
      {error && <p id="invoice-error" className="notice-text is-error" role="alert" data-testid="settings-error">{error}</p>}
      <h2>{t('menuSettings.otherPayments')}</h2>
      {OTHER.map((k) => (
        <div key={k} className="settings-switch-row">
          <span>{t(`menuSettings.other_${k}`)}</span>
          <Switch checked={other[k]} onChange={(v) => setOther({ ...other, [k]: v })} label={t(`menuSettings.other_${k}`)} onText={t('common.on')} offText={t('common.off')} />
        </div>
      ))}
      <button type="submit" className="btn btn-primary btn-large" disabled={saving}>{t('common.save')}</button>
    </form>
  );
}
