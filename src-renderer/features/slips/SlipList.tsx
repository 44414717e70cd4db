import { useTranslation } from 'react-i18next';
import { PAYMENT_LABELS, type SlipRow } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';

type Props = { rows: SlipRow[]; total: number; onOpen: (slipId: string) => void; onMore: () => void };

/** The slips found, newest first: number, time, table, guest, amount, payments, state. */
export function SlipList({ rows, total, onOpen, onMore }: Props) {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  return (
    <div className="slip-list" role="list" aria-label={t('slips.list')}>
      <p className="muted slip-count">{t('slips.count', { count: total })}</p>
      {rows.map((r) => (
        <button key={r.id} type="button" role="listitem" className={`slip-row is-${r.status}`} onClick={() => onOpen(r.id)}
          aria-label={t('slips.rowLabel', { no: r.slipNo, amount: yen(r.gross) })}>
          <span className="slip-no num">{r.slipNo.slice(0, -5)}<strong>{r.slipNo.slice(-5)}</strong></span>
          <span className="num">{time(r.closedAt ?? r.openedAt)}</span>
          <span className="slip-table">{r.tableNames.join('・')}</span>
          <span className="slip-guest">{r.guestName}{r.party ? ` ${t('order.party', { count: r.party })}` : ''}</span>
          <span className="slip-pay">{r.paymentKinds.map((k) => PAYMENT_LABELS[k]).join('・') || (r.parentSlipNo ? t('slips.childOf', { no: r.parentSlipNo }) : '')}</span>
          <span className="num slip-amount">{yen(r.gross)}</span>
          <span className={`badge slip-state state-${r.status}`}>{t(`slips.status_${r.status}`)}{r.parts > 1 ? ` ${t('slips.parts', { count: r.parts })}` : ''}</span>
        </button>
      ))}
      {rows.length === 0 && <p className="muted slip-none">{t('slips.none')}</p>}
      {rows.length < total && <button type="button" className="btn" onClick={onMore}>{t('slips.more')}</button>}
    </div>
  );
}
