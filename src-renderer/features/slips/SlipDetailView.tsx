import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipDetail } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';
import { slipsSelectors } from '../../store/slices/slips/selectors.ts';
import { FormalReceiptDialog } from '../checkout/FormalReceiptDialog.tsx';
import { NoticeDialog } from '../checkout/NoticeDialog.tsx';
import { PrintStatus } from '../checkout/PrintStatus.tsx';
import { ReceiptPreview } from '../checkout/ReceiptPreview.tsx';
import { CancelDialog } from './CancelDialog.tsx';
import { SlipParts } from './SlipParts.tsx';
import { TerminalHistoryDialog } from './TerminalHistoryDialog.tsx';

type Props = { slip: SlipDetail; cancelAsk: string | null; onCancelAsked: () => void };

/** 詳細 of a slip: parts, payments, 受注コード (U13), reprints (再), 領収書, USEN PAY history (U8) and 伝票取消. */
export function SlipDetailView({ slip, cancelAsk, onCancelAsked }: Props) {
  const { t } = useTranslation();
  const { yen, dateTime, day } = useFormat();
  const terminal = useApp(slipsSelectors.terminal);
  const busy = useApp(slipsSelectors.busy);
  const notices = useApp(slipsSelectors.notices);
  const canTill = useApp(sessionSelectors.canHandleTill);
  const canManage = useApp(sessionSelectors.canManage);
  const a = {
    preview: useApp((s) => s.previewReceipt), print: useApp((s) => s.printReceipt), cancel: useApp((s) => s.cancelSlip),
    dismiss: useApp((s) => s.dismissSlipNotices),
  };
  const lastReceipt = [...slip.parts].reverse().find((p) => !p.prepaid)?.partNo ?? null;
  const [partNo, setPartNo] = useState<number | null>(lastReceipt);
  const [dialog, setDialog] = useState<'history' | 'cancel' | 'formal' | null>(null);
  const preview = a.preview;
  const cancelled = slip.status === 'cancelled';
  const document = cancelled && slip.cancellation?.returnDocument ? 'return' : 'receipt';

  useEffect(() => {
    if (partNo !== null) void preview({ slipId: slip.id, partNo: document === 'return' ? undefined : partNo, document });
  }, [slip.id, partNo, document, preview, slip.status]);
  useEffect(() => {
    if (cancelAsk) setDialog('cancel');
  }, [cancelAsk]);

  const reprint = () => void a.print({ slipId: slip.id, ...(document === 'return' ? {} : { partNo: partNo ?? undefined }), document });
  const doCancel = async (reason: string, returnDocument: boolean, manualRefundReason?: string) => {
    if (await a.cancel(slip.id, reason, returnDocument, manualRefundReason)) {
      setDialog(null);
      onCancelAsked();
    }
  };

  return (
    <div className="slip-detail" data-testid="slip-detail">
      <div className="slip-detail-main">
        <section className="card slip-head">
          <div className="slip-head-row">
            <h2 className="num">{t('checkout.slipNo', { no: slip.slipNo })}</h2>
            <span className={`badge slip-state state-${slip.status}`} data-testid="slip-status">{t(`slips.status_${slip.status}`)}</span>
          </div>
          <p>{t('slips.businessDay')} {day(slip.businessDay)} ・ {dateTime(slip.closedAt ?? slip.openedAt)} ・ {slip.tableNames.join('・')} ・ {slip.guestName}
            {' '}・ {t('order.party', { count: slip.party })}{slip.segmentName ? ` ・ ${slip.segmentName}` : ''}</p>
          <div className="slip-head-row">
            <span>{t('checkout.total')} <strong className="num slip-gross">{yen(slip.gross)}</strong></span>
            <span className="muted">{t('slips.taxOf', { tax: yen(slip.tax) })}{slip.discount ? ` ・ ${t('checkout.discounts')} −${yen(slip.discount)}` : ''}</span>
          </div>
          {slip.parentSlipNo && <p className="notice-text">{t('slips.childOf', { no: slip.parentSlipNo })}</p>}
          {slip.childSlipNos.length > 0 && <p className="muted">{t('slips.children', { nos: slip.childSlipNos.join('、') })}</p>}
          {slip.cancellation && (
            <p className="notice-text is-error" data-testid="cancellation">
              {t('slips.cancelledAt', { time: dateTime(slip.cancellation.at), name: slip.cancellation.staffName, reason: slip.cancellation.reason })}
              {slip.cancellation.returnDocument ? ` ・ ${t('slips.returnDocumentIssued')}` : ''}
            </p>
          )}
          <div className="slip-actions">
            {terminal.some((p) => p.kind === 'sale') && <button type="button" className="btn btn-usen" onClick={() => setDialog('history')}>USEN PAY</button>}
            {partNo !== null && <button type="button" className="btn" onClick={reprint}>{t('slips.reprint')}</button>}
            {partNo !== null && !cancelled && <button type="button" className="btn" onClick={() => setDialog('formal')}>{t('checkout.formal')}</button>}
            {canTill && slip.status === 'closed' && slip.kind === 'sale' && (
              <button type="button" className="btn btn-danger" onClick={() => setDialog('cancel')}>{t('slips.cancel')}</button>
            )}
          </div>
          <PrintStatus onRetry={reprint} />
        </section>
        <SlipParts slip={slip} terminal={terminal} selectedPart={partNo} onPreview={setPartNo}
          onReprint={(n) => { setPartNo(n); void a.print({ slipId: slip.id, partNo: n, document: 'receipt' }); }} />
      </div>
      <ReceiptPreview />
      {dialog === 'history' && <TerminalHistoryDialog payments={terminal} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && (
        <CancelDialog slip={slip} busy={busy} hint={cancelAsk ?? undefined}
          unrefunded={terminal.filter((p) => p.kind === 'sale' && p.state === 'done' && p.consumed && !p.refunded).reduce((n, p) => n + p.amount, 0)}
          canDecide={canManage} onCancel={(r, d, m) => void doCancel(r, d, m)}
          onClose={() => { setDialog(null); onCancelAsked(); }} />
      )}
      {dialog === 'formal' && partNo !== null && (
        <FormalReceiptDialog slipId={slip.id} partNo={partNo} onClose={() => { setDialog(null); void preview({ slipId: slip.id, partNo, document: 'receipt' }); }} />
      )}
      {notices.length > 0 && <NoticeDialog title={t('slips.cancelledTitle')} notices={notices} onClose={a.dismiss} testId="cancel-notices" />}
    </div>
  );
}
