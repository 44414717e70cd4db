import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { DraftLine } from '../../store/slices/order/initialState.ts';
import { orderSelectors, runningTotal, visibleLines } from '../../store/slices/order/selectors.ts';
import { uiSelectors } from '../../store/slices/ui/selectors.ts';
import { LineDialog, type LineChange } from './LineDialog.tsx';
import { OrderList } from './OrderList.tsx';
import { ProductGrid } from './ProductGrid.tsx';
import { useBackToFloor, useVisit } from './useVisit.ts';
import './order.css';

type Editing = { kind: 'sent'; line: OrderLine } | { kind: 'draft'; line: DraftLine };

/** 注文: products by category, the table's lines (draft, sent, paid), the running total, 注文送信 and 会計. */
export function OrderScreen() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const params = useApp(uiSelectors.screenParams);
  const visitId = params.visitId;
  const enterOrder = useApp((s) => s.enterOrder);
  const orders = useApp(orderSelectors.orders);
  const lines = useApp(orderSelectors.lines);
  const draft = useApp(orderSelectors.draft);
  const takeout = useApp(orderSelectors.takeout);
  const busy = useApp(orderSelectors.busy);
  const settings = useApp((s) => s.settings);
  const s = {
    addToDraft: useApp((x) => x.addToDraft), setDraftQuantity: useApp((x) => x.setDraftQuantity), setOrderTakeout: useApp((x) => x.setOrderTakeout),
    removeDraft: useApp((x) => x.removeDraft), setDraftTakeout: useApp((x) => x.setDraftTakeout), setDraftNote: useApp((x) => x.setDraftNote),
    sendOrder: useApp((x) => x.sendOrder), updateLine: useApp((x) => x.updateLine), voidLine: useApp((x) => x.voidLine),
    navigate: useApp((x) => x.navigate),
  };
  const back = useBackToFloor();
  const visit = useVisit(visitId);
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    if (visitId) void enterOrder(visitId);
  }, [visitId, enterOrder]);

  const { open, paid, voided } = useMemo(() => visibleLines(lines), [lines]);
  const total = useMemo(() => runningTotal(lines, draft, settings), [lines, draft, settings]);
  const closed = orders !== null && orders.visitStatus !== 'seated';
  const frozen = orders?.openSlip && (orders.openSlip.splitMode === 'amount' || orders.openSlip.splitMode === 'equal');
  const title = visit ? t('order.titleFor', { tables: visit.tableNames }) : t('order.title');

  const send = () => void s.sendOrder();
  const checkout = async () => {
    if (draft.length > 0 && !(await s.sendOrder())) return;
    if (visitId) s.navigate('checkout', { visitId });
  };
  const saveEdit = async (change: LineChange) => {
    if (!editing) return;
    if (editing.kind === 'draft') {
      s.setDraftQuantity(editing.line.key, change.quantity);
      s.setDraftTakeout(editing.line.key, change.takeout);
      s.setDraftNote(editing.line.key, change.note);
      setEditing(null);
      return;
    }
    const l = editing.line;
    const patch = {
      ...(change.quantity !== l.quantity ? { quantity: change.quantity } : {}),
      ...(change.takeout !== l.takeout ? { takeout: change.takeout } : {}),
      ...(change.note !== l.note ? { note: change.note } : {}),
    };
    if (Object.keys(patch).length === 0 || (await s.updateLine(l.id, patch))) setEditing(null);
  };
  const remove = async (reason: string) => {
    if (!editing) return;
    if (editing.kind === 'draft') s.removeDraft(editing.line.key);
    else if (!(await s.voidLine(editing.line.id, reason))) return;
    setEditing(null);
  };

  if (!visitId) {
    return <ScreenFrame title={t('order.title')} onBack={back}><p className="card">{t('order.noVisit')}</p></ScreenFrame>;
  }

  const guest = visit && (
    <span className="order-guest">
      <strong>{visit.guestName}</strong> <span className="muted">{t('order.party', { count: visit.party })}</span>
      {orders?.openSlip && <span className="badge badge-split">{t('order.splitOpen', { no: orders.openSlip.slipNo })}</span>}
    </span>
  );

  return (
    <ScreenFrame title={title} onBack={back} extra={guest} className="order-screen">
      <div className="order-layout">
        <section className="order-menu" aria-label={t('order.menu')}>
          <div className="order-menu-bar">
            <span className="muted order-next-label" aria-hidden="true">{t('order.nextLineIs')}</span>
            <div className="segmented segmented-wide" role="group" aria-label={t('order.nextLineIs')}>
              <button type="button" aria-pressed={!takeout} onClick={() => s.setOrderTakeout(false)}>{t('order.eatIn')}</button>
              <button type="button" aria-pressed={takeout} onClick={() => s.setOrderTakeout(true)}>{t('order.takeout')}</button>
            </div>
          </div>
          <ProductGrid onPick={s.addToDraft} disabled={closed || Boolean(frozen)} />
        </section>
        <section className="order-side" aria-label={t('order.lines')}>
          {closed && <p className="notice-text is-error">{t('order.closed')}</p>}
          {frozen && <p className="notice-text">{t('order.frozen')}</p>}
          <OrderList open={open} paid={paid} voided={voided} draft={draft}
            onEditLine={(line) => !closed && !frozen && setEditing({ kind: 'sent', line })}
            onEditDraft={(line) => setEditing({ kind: 'draft', line })}
            onDraftQuantity={(d, q) => s.setDraftQuantity(d.key, q)} />
          <div className="order-total">
            <span>{t('order.total')}</span>
            <strong className="num" data-testid="order-total">{yen(total)}</strong>
          </div>
          <div className="order-actions">
            <button type="button" className="btn btn-large" disabled={busy || draft.length === 0} onClick={send}>
              {t('order.send')}
            </button>
            <button type="button" className="btn btn-primary btn-large" disabled={busy || closed || (open.length + draft.length === 0 && !orders?.openSlip)}
              onClick={() => void checkout()}>
              {t('order.checkout')}
            </button>
          </div>
        </section>
      </div>
      {editing && (
        <LineDialog busy={busy}
          line={editing.kind === 'draft'
            ? { ...editing.line, sent: false, reduced: editing.line.taxClass === 'reduced' }
            : { ...editing.line, sent: true, reduced: editing.line.taxClass === 'reduced' }}
          onSave={(c) => void saveEdit(c)} onRemove={(r) => void remove(r)} onClose={() => setEditing(null)} />
      )}
    </ScreenFrame>
  );
}
