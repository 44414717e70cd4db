import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice, TerminalPayment } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { blockingRefusals, checkoutSelectors } from '../../store/slices/checkout/selectors.ts';
import { allTiles } from '../../store/slices/floor/selectors.ts';
import { terminalSelectors } from '../../store/slices/terminal/selectors.ts';
import { uiSelectors } from '../../store/slices/ui/selectors.ts';
import { useBackToFloor, useVisit } from '../order/useVisit.ts';
import { DecisionDialog } from '../payment/DecisionDialog.tsx';
import { TerminalFlowDialog } from '../payment/TerminalFlowDialog.tsx';
import { TerminalPayDialog } from '../payment/TerminalPayDialog.tsx';
import { BillPanel } from './BillPanel.tsx';
import { CheckoutDone } from './CheckoutDone.tsx';
import { CombineDialog } from './CombineDialog.tsx';
import { CommitDialog } from './CommitDialog.tsx';
import { DiscountDialog } from './DiscountDialog.tsx';
import { NoticeDialog } from './NoticeDialog.tsx';
import { OtherPaymentDialog } from './OtherPaymentDialog.tsx';
import { PaymentPanel } from './PaymentPanel.tsx';
import { SplitDialog } from './SplitDialog.tsx';
import '../payment/payment.css';
import './checkout.css';

type Dialog =
  | { kind: 'lineDiscount'; lineId: string }
  | { kind: 'slipDiscount' }
  | { kind: 'split' }
  | { kind: 'combine' }
  | { kind: 'other' }
  | { kind: 'terminal' }
  | { kind: 'commit' }
  | { kind: 'refused'; title: string; notices: Notice[] }
  | { kind: 'refund'; payment: TerminalPayment }
  | { kind: 'decide'; payment: TerminalPayment };

/** 会計 (G4, P1–P10, T7, U2–U4): the bill on the left, the payment on the right; 会計完了 after the commit. */
export function CheckoutScreen() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const visitId = useApp(uiSelectors.screenParams).visitId;
  const draft = useApp(checkoutSelectors.draft);
  const quote = useApp(checkoutSelectors.quote);
  const quoteError = useApp(checkoutSelectors.quoteError);
  const busy = useApp(checkoutSelectors.busy);
  const result = useApp(checkoutSelectors.result);
  const tendered = useApp(checkoutSelectors.tendered);
  const notices = useApp(checkoutSelectors.notices);
  const discountsAllowed = useApp(checkoutSelectors.discountsAllowed);
  const allLines = useApp((s) => s.checkoutLines);
  const terminalLines = useApp(terminalSelectors.forCheckout);
  const terminal = useApp(terminalSelectors.status);
  const a = {
    enter: useApp((s) => s.enterCheckout), setLineDiscount: useApp((s) => s.setLineDiscount), addSlipDiscount: useApp((s) => s.addSlipDiscount),
    removeSlipDiscount: useApp((s) => s.removeSlipDiscount), setSplit: useApp((s) => s.setSplit), setCombine: useApp((s) => s.setCombine),
    addPayment: useApp((s) => s.addPayment), removePayment: useApp((s) => s.removePayment), commit: useApp((s) => s.commitCheckout),
    nextPart: useApp((s) => s.nextPart), close: useApp((s) => s.closeCheckout), dismiss: useApp((s) => s.dismissNotices),
    navigate: useApp((s) => s.navigate), refund: useApp((s) => s.startTerminalRefund), whenQuoted: useApp((s) => s.whenQuoted),
  };
  const visit = useVisit(visitId);
  const floor = useApp((s) => s.floor);
  const toFloor = useBackToFloor();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const enter = a.enter;
  const draftVisit = draft?.visitId ?? null;
  // Entering the screen (or another visit) starts a fresh checkout; the store keeps it over re-renders.
  useEffect(() => {
    if (visitId && draftVisit !== visitId) void enter(visitId);
  }, [visitId, draftVisit, enter]);

  if (!visitId) return <ScreenFrame title={t('checkout.title')} onBack={toFloor}><p className="card">{t('order.noVisit')}</p></ScreenFrame>;

  const back = () => {
    a.close();
    a.navigate('order', { visitId });
  };
  const finish = () => {
    a.close();
    toFloor();
  };
  const refusals = blockingRefusals(quote?.refusals ?? []);
  const otherSum = (draft?.payments ?? []).reduce((s, p) => s + p.amount, 0) + terminalLines.filter((p) => p.state === 'done').reduce((s, p) => s + p.amount, 0);
  const rest = Math.max(0, (quote?.total ?? 0) - otherSum);
  const onCommit = async () => {
    // Decide on the figures of the last change (a tap on 会計 right after a keypad key or 支払完了 → OK).
    const latest = await a.whenQuoted();
    if (!latest) return;
    if (latest.refusals.length > 0) setDialog({ kind: 'refused', title: t('checkout.refusedTitle'), notices: latest.refusals });
    else setDialog({ kind: 'commit' });
  };
  const commit = async () => {
    await a.commit();
    setDialog(null);
  };
  const title = visit ? t('checkout.titleFor', { tables: visit.tableNames }) : t('checkout.title');
  const extra = (
    <span className="order-guest">
      {visit && <><strong>{visit.guestName}</strong> <span className="muted">{t('order.party', { count: visit.party })}</span></>}
      {quote?.slipNo && <span className="badge badge-split">{t('checkout.splitBadge', { no: quote.slipNo, part: quote.partNo })}</span>}
    </span>
  );

  if (result) {
    return (
      <ScreenFrame title={title} onBack={result.closed ? finish : () => void a.nextPart()} extra={extra} className="checkout-screen">
        <CheckoutDone result={result} tendered={tendered} prepaidPart={quote?.receipt === 'none-prepaid'} onNext={() => void a.nextPart()} onDone={finish} />
      </ScreenFrame>
    );
  }

  const lineDiscountOf = (lineId: string) => draft?.lineDiscounts.find((d) => d.lineId === lineId)?.discount ?? null;
  const split = draft?.split ?? { mode: 'none' as const };
  const combined = draft?.combineVisitIds ?? [];
  const tableOf = (id: string) => allTiles(floor).filter((tb) => tb.visit?.id === id).map((tb) => tb.name).join('・');

  return (
    <ScreenFrame title={title} onBack={back} extra={extra} className="checkout-screen">
      {!draft || (!quote && !quoteError) ? <p className="card muted">{t('checkout.loading')}</p> : (
        <div className="checkout-layout">
          <div className="checkout-left">
            <div className="checkout-tools" role="group" aria-label={t('checkout.tools')}>
              <button type="button" className="btn" onClick={() => setDialog({ kind: 'slipDiscount' })} disabled={!discountsAllowed || !quote}>{t('checkout.discount')}</button>
              <button type="button" className="btn" onClick={() => setDialog({ kind: 'split' })} disabled={!quote}>{t('checkout.split')}</button>
              <button type="button" className="btn" onClick={() => setDialog({ kind: 'combine' })} disabled={!quote || Boolean(quote.slipNo)}>{t('checkout.combine')}</button>
            </div>
            {!discountsAllowed && <p className="hint-text" data-testid="p10-hint">{t('checkout.p10Hint')}</p>}
            {split.mode !== 'none' && (
              <p className="state-chip" data-testid="split-state">
                {t(`checkout.splitState_${split.mode}`, { parts: split.mode === 'equal' ? split.parts : 0, part: quote?.partNo ?? 1 })}
              </p>
            )}
            {combined.length > 0 && <p className="state-chip" data-testid="combine-state">{t('checkout.combineState', { tables: combined.map(tableOf).join('・') })}</p>}
            {quoteError && <p className="notice-text is-error" role="alert">{quoteError}</p>}
            {refusals.map((r) => <p key={r.code + r.message} className="notice-text is-error" data-testid="refusal">{r.message}</p>)}
            <BillPanel quote={quote} draft={draft} discountsAllowed={discountsAllowed} tableOf={combined.length > 0 ? tableOf : null}
              onLine={(lineId) => setDialog({ kind: 'lineDiscount', lineId })} onRemoveSlipDiscount={(i) => void a.removeSlipDiscount(i)} />
          </div>
          <PaymentPanel quote={quote} draft={draft} terminalLines={terminalLines} busy={busy}
            terminalAvailable={Boolean(terminal?.configured)} onTerminal={() => setDialog({ kind: 'terminal' })} onOther={() => setDialog({ kind: 'other' })}
            onCommit={() => void onCommit()} onRemovePayment={(id) => void a.removePayment(id)}
            onRefund={(payment) => setDialog({ kind: 'refund', payment })} onDecide={(payment) => setDialog({ kind: 'decide', payment })} />
        </div>
      )}

      {dialog?.kind === 'lineDiscount' && (
        <DiscountDialog target={quote?.lines.find((l) => l.lineId === dialog.lineId)?.name ?? ''} current={lineDiscountOf(dialog.lineId)}
          onApply={(d) => a.setLineDiscount(dialog.lineId, d)} onRemove={() => void a.setLineDiscount(dialog.lineId, null)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'slipDiscount' && (
        <DiscountDialog target={null} current={null} onApply={(d) => a.addSlipDiscount(d)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'split' && quote && (
        <SplitDialog lines={allLines} current={split} billTotal={quote.billTotal}
          lockedMode={quote.slipNo ? quote.splitMode : null} onApply={(s) => a.setSplit(s)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'combine' && (
        <CombineDialog visitId={visitId} current={draft?.combineVisitIds ?? []} onClose={() => setDialog(null)}
          onApply={async (ids) => {
            const refused = await a.setCombine(ids);
            if (refused.length === 0) return true;
            setDialog({ kind: 'refused', title: t('checkout.combineRefused'), notices: refused });
            return false;
          }} />
      )}
      {dialog?.kind === 'other' && (
        <OtherPaymentDialog rest={rest} prepayment={quote?.prepayment ?? 0} points={quote?.points ?? 0}
          onAdd={(kind, amount) => a.addPayment(kind, amount)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'terminal' && <TerminalPayDialog rest={rest} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'commit' && quote && draft && (
        <CommitDialog quote={quote} cash={draft.cash} busy={busy} onConfirm={() => void commit()} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'refused' && <NoticeDialog title={dialog.title} notices={dialog.notices} error onClose={() => setDialog(null)} testId="refusal-dialog" />}
      {dialog?.kind === 'refund' && (
        <Modal title={t('payment.refundTitle')} onClose={() => setDialog(null)} testId="refund-confirm"
          actions={<>
            <button type="button" className="btn" onClick={() => setDialog(null)}>{t('common.cancel')}</button>
            <button type="button" className="btn btn-primary" onClick={() => { const p = dialog.payment; setDialog(null); void a.refund(p); }}>{t('payment.link')}</button>
          </>}>
          <div className="dialog-figure"><span>{t('payment.method')}</span><strong>{dialog.payment.methodLabel}</strong></div>
          <div className="dialog-figure"><span>{t('payment.refundAmount')}</span><strong className="num">{yen(dialog.payment.amount)}</strong></div>
        </Modal>
      )}
      {dialog?.kind === 'decide' && <DecisionDialog payment={dialog.payment} onClose={() => setDialog(null)} />}
      {!dialog && notices.length > 0 && (
        <NoticeDialog title={t('checkout.noticeTitle')} notices={notices} onClose={a.dismiss} testId="warning-dialog" />
      )}
      <TerminalFlowDialog />
    </ScreenFrame>
  );
}
