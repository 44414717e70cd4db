import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';

type Props = { slipId: string; partNo: number; onClose: () => void };

const PROVISOS = ['provisoFood', 'provisoGoods', 'provisoDrink'] as const;

/** 領収書 on request: 宛名 and 但し書き, previewed, then printed (a second print says 再発行). */
export function FormalReceiptDialog({ slipId, partNo, onClose }: Props) {
  const { t } = useTranslation();
  const defaultProviso = useApp((s) => s.settings?.receipt.defaultProviso ?? '');
  const preview = useApp((s) => s.previewReceipt);
  const print = useApp((s) => s.printReceipt);
  const [addressee, setAddressee] = useState('');
  const [proviso, setProviso] = useState(defaultProviso);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => void preview({ slipId, partNo, document: 'formal', addressee, proviso }), 250);
    return () => clearTimeout(timer);
  }, [slipId, partNo, addressee, proviso, preview]);
  const run = async () => {
    setBusy(true);
    // The printer's outcome (and 再印刷 after a failure) shows on the screen behind.
    await print({ slipId, partNo, document: 'formal', addressee, proviso });
    setBusy(false);
    onClose();
  };
  return (
    <Modal title={t('checkout.formalTitle')} onClose={onClose} size="wide" testId="formal-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>{t('checkout.formalPrint')}</button>
      </>}>
      <div className="formal-layout">
        <div className="formal-fields">
          <label className="field">
            <span>{t('checkout.addressee')}</span>
            <input value={addressee} maxLength={30} onChange={(e) => setAddressee(e.target.value)} placeholder={t('checkout.addresseeHint')} />
          </label>
          <label className="field">
            <span>{t('checkout.proviso')}</span>
            <input value={proviso} maxLength={30} onChange={(e) => setProviso(e.target.value)} />
          </label>
          <div className="reason-chips" role="group" aria-label={t('checkout.proviso')}>
            {PROVISOS.map((p) => <button key={p} type="button" className="chip" aria-pressed={proviso === t(`checkout.${p}`)} onClick={() => setProviso(t(`checkout.${p}`))}>{t(`checkout.${p}`)}</button>)}
          </div>
        </div>
        <ReceiptPreview />
      </div>
    </Modal>
  );
}
