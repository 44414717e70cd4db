import { useTranslation } from 'react-i18next';
import { MAX_PIECES } from '../../src-shared/money.ts';
import { useFormat } from './useFormat.ts';

type Props = {
  denomination: number;
  count: number;
  selected: boolean;
  onSelect: () => void;
  onCount: (count: number) => void;
};

/** One denomination: − count + and its subtotal. Tapping the count points the keypad at it. */
export function DenominationRow({ denomination, count, selected, onSelect, onCount }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const label = yen(denomination);
  return (
    <div className={`denom-row${selected ? ' is-selected' : ''}${denomination === 500 ? ' first-coin' : ''}`}
      role="group" aria-label={label} data-denomination={denomination}>
      <span className="denom-label num">{label}</span>
      <button type="button" className="denom-step" onClick={() => onCount(Math.max(0, count - 1))} disabled={count === 0}
        aria-label={t('counter.minus', { label })}>−</button>
      <button type="button" className="denom-count num" onClick={onSelect} aria-pressed={selected}
        aria-label={t('counter.countOf', { label, count })}>
        {count}<small>{t('counter.pieces')}</small>
      </button>
      <button type="button" className="denom-step" onClick={() => onCount(Math.min(MAX_PIECES, count + 1))}
        aria-label={t('counter.plus', { label })}>＋</button>
      <span className="denom-subtotal num">{yen(denomination * count)}</span>
    </div>
  );
}
