import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { floorSelectors, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { Modal } from './Modal.tsx';

type Props = { tile: FloorTile; onClose: () => void };

/** 人数変更 (S13 after seating): the new party on a keypad; sent to the ledger. */
export function PartyDialog({ tile, onClose }: Props) {
  const { t } = useTranslation();
  const changeParty = useApp((s) => s.changeParty);
  const pushToast = useApp((s) => s.pushToast);
  const busy = useApp(floorSelectors.busy);
  const [party, setParty] = useState(String(tile.visit?.party ?? ''));
  // The current party is shown; the first key typed replaces it (like the counter's keypad).
  const [fresh, setFresh] = useState(true);
  const onDigits = useCallback((d: string) => {
    setParty((p) => appendDigits(fresh ? '' : p, d, 3));
    setFresh(false);
  }, [fresh]);
  const onClear = useCallback(() => setParty(''), []);
  const onBackspace = useCallback(() => setParty((p) => p.slice(0, -1)), []);
  const save = async () => {
    if (!tile.visit) return;
    if (await changeParty(tile.visit.id, Number(party))) {
      pushToast('success', t('tableMenu.partyChanged', { count: Number(party) }));
      onClose();
    }
  };
  return (
    <Modal title={t('tableMenu.partyTitle', { table: tile.name })} onClose={onClose} className="seat-dialog">
      <div className="seat-party" data-testid="party-display">
        <span>{t('seat.party')}</span>
        <strong className="num">{party || '—'}</strong>
        <span>{t('seat.partyUnit')}</span>
      </div>
      <Keypad label={t('seat.partyKeypad')} onDigits={onDigits} onClear={onClear} onBackspace={onBackspace}
        onEnter={() => void save()} enterLabel={t('tableMenu.partySave')} enterDisabled={!(Number(party) > 0) || busy} />
    </Modal>
  );
}
