import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { differenceKind } from '../../store/slices/till/selectors.ts';

/** Counted minus expected in words: 「¥100 不足」 in red, 「¥100 過剰」 in blue, or 過不足なし. */
export function Difference({ amount }: { amount: number }) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const kind = differenceKind(amount);
  return (
    <span className={`difference is-${kind} num`} data-testid="difference" data-kind={kind}>
      {kind === 'even' ? t('till.even') : t(`till.${kind}`, { amount: yen(Math.abs(amount)) })}
    </span>
  );
}
