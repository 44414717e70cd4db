import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { Difference } from './Difference.tsx';

/** 予定現金 / 実際現金 / 差額: short in red, over in blue, as staff expect from paper reports. */
export function CashFigures({ expected, counted }: { expected: number; counted: number }) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const difference = counted - expected;
  return (
    <dl className="cash-figures card">
      <div><dt>{t('till.expected')}</dt><dd className="num" data-testid="expected">{yen(expected)}</dd></div>
      <div><dt>{t('till.counted')}</dt><dd className="num" data-testid="counted">{yen(counted)}</dd></div>
      <div className="cash-difference"><dt>{t('till.difference')}</dt><dd><Difference amount={difference} /></dd></div>
    </dl>
  );
}
