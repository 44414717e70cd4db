import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { floorSelectors, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { Modal } from './Modal.tsx';

type Props = { tiles: FloorTile[]; onClose: () => void; onGroup: (representativeTableId: string) => void };

/** T6: choose the representative (代表) among the chosen tables, then group them. */
export function GroupRepDialog({ tiles, onClose, onGroup }: Props) {
  const { t } = useTranslation();
  const busy = useApp(floorSelectors.busy);
  // A table with guests (a reservation first) is the natural representative.
  const [rep, setRep] = useState(() => (tiles.find((x) => x.visit && !x.visit.walkIn) ?? tiles.find((x) => x.visit) ?? tiles[0])?.id ?? '');
  return (
    <Modal title={t('tableMenu.groupTitle')} onClose={onClose} testId="group-dialog">
      <p>{t('tableMenu.groupBody', { tables: tiles.map((x) => x.name).join('・') })}</p>
      <div className="group-rep-choices" role="radiogroup" aria-label={t('tableMenu.groupTitle')}>
        {tiles.map((x) => (
          <button key={x.id} type="button" role="radio" aria-checked={rep === x.id} className="chip group-rep" onClick={() => setRep(x.id)}>
            {x.name}{rep === x.id ? ` (${t('floor.representative')})` : ''}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-primary btn-large btn-block" disabled={!rep || busy} onClick={() => onGroup(rep)}>
        {t('tableMenu.groupAction')}
      </button>
    </Modal>
  );
}
