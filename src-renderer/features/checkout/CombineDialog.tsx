import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { allTiles } from '../../store/slices/floor/selectors.ts';

type Props = { visitId: string; current: string[]; onApply: (visitIds: string[]) => Promise<boolean>; onClose: () => void };

/** 合算会計 (T7): other seated tables whose bills this checkout pays; the core says which combinations are refused. */
export function CombineDialog({ visitId, current, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const floor = useApp((s) => s.floor);
  const [picked, setPicked] = useState<string[]>(current);
  const visits = useMemo(() => {
    const seen = new Map<string, { visitId: string; names: string[]; guest: string; amount: number; reservation: boolean }>();
    for (const tile of allTiles(floor)) {
      const v = tile.visit;
      if (!v || v.id === visitId) continue;
      const row = seen.get(v.id) ?? { visitId: v.id, names: [], guest: v.guestName, amount: v.amount, reservation: v.reservationId !== null };
      row.names.push(tile.name);
      seen.set(v.id, row);
    }
    return [...seen.values()];
  }, [floor, visitId]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const apply = async () => {
    if (await onApply(picked)) onClose();
  };
  return (
    <Modal title={t('checkout.combineTitle')} onClose={onClose} size="wide" testId="combine-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-primary" onClick={() => void apply()}>{picked.length ? t('checkout.combineApply', { count: picked.length }) : t('checkout.combineNone')}</button>
      </>}>
      <p className="muted">{t('checkout.combineHint')}</p>
      <div className="combine-list" role="group" aria-label={t('checkout.combineTables')}>
        {visits.map((v) => (
          <button key={v.visitId} type="button" className="combine-table" aria-pressed={picked.includes(v.visitId)} onClick={() => toggle(v.visitId)}>
            <strong>{v.names.join('・')}</strong>
            <span>{v.guest}{v.reservation ? ` ・ ${t('checkout.reservation')}` : ''}</span>
            <span className="num">{yen(v.amount)}</span>
          </button>
        ))}
        {visits.length === 0 && <p className="muted">{t('checkout.combineEmpty')}</p>}
      </div>
    </Modal>
  );
}
