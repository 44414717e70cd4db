import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';
import { ConnectionFields, type Connection } from './ConnectionFields.tsx';

/** レシート: auto print, width, address, phone, footer, default 但し書き; the receipt printer (none / LAN / serial). */
export function ReceiptPrinterForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useApp((s) => s.saveCheckoutSettings);
  const pushToast = useApp((s) => s.pushToast);
  const [receipt, setReceipt] = useState(settings.receipt);
  const [footer, setFooter] = useState(settings.receipt.footer.join('\n'));
  const [printer, setPrinter] = useState<Connection>(settings.printer);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const lines = footer.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
    const message = await save({ receipt: { ...receipt, footer: lines }, printer });
    setSaving(false);
    setError(message);
    if (!message) pushToast('success', t('settings.saved'));
  };
  return (
    <form className="settings-form card" onSubmit={(e) => void submit(e)}>
      <h2>{t('menuSettings.receipt')}</h2>
      <div className="settings-switch-row">
        <span>{t('menuSettings.autoPrint')}</span>
        <Switch checked={receipt.autoPrint} onChange={(v) => setReceipt({ ...receipt, autoPrint: v })} label={t('menuSettings.autoPrint')} onText={t('common.on')} offText={t('common.off')} />
      </div>
      <div className="field">
        <span>{t('menuSettings.width')}</span>
        <div className="segmented" role="group" aria-label={t('menuSettings.width')}>
          {([42, 48] as const).map((w) => <button key={w} type="button" aria-pressed={receipt.width === w} onClick={() => setReceipt({ ...receipt, width: w })}>{t('menuSettings.columns', { count: w })}</button>)}
        </div>
      </div>
      <div className="settings-row">
        <label className="field"><span>{t('menuSettings.address')}</span><input value={receipt.address} maxLength={60} onChange={(e) => setReceipt({ ...receipt, address: e.target.value })} /></label>
        <label className="field"><span>{t('menuSettings.phone')}</span><input value={receipt.phone} maxLength={20} onChange={(e) => setReceipt({ ...receipt, phone: e.target.value })} /></label>
      </div>
      <label className="field"><span>{t('menuSettings.footer')}</span>
        <textarea className="text-input text-area" rows={3} value={footer} onChange={(e) => setFooter(e.target.value)} /></label>
      <label className="field"><span>{t('menuSettings.defaultProviso')}</span>
        <input value={receipt.defaultProviso} maxLength={30} onChange={(e) => setReceipt({ ...receipt, defaultProviso: e.target.value })} /></label>
      <h2>{t('menuSettings.printer')}</h2>
      <ConnectionFields label={t('menuSettings.printerConnection')} value={printer} onChange={setPrinter} defaultPort={9100} defaultBaud={9600} />
      {error && <p className="notice-text is-error" role="alert" data-testid="settings-error">{error}</p>}
      <button type="submit" className="btn btn-primary btn-large" disabled={saving}>{t('common.save')}</button>
    </form>
  );
}
