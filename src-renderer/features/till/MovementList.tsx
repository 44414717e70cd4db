import { useTranslation } from 'react-i18next';
import type { CashMovement } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';

/** Cash movements, newest first; `limit` keeps only the latest few (the report shows all). */
export function MovementList({ movements, limit }: { movements: CashMovement[]; limit?: number }) {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  const shown = [...movements].reverse().slice(0, limit);
  if (!shown.length) return null;
  return (
    <table className="movements">
      <caption>{t('cashMove.recent')}</caption>
      <tbody>
        {shown.map((m) => (
          <tr key={m.id}>
            <td className="num">{time(m.at)}</td>
            <td className={`move-kind is-${m.kind}`}>{t(`cashMove.${m.kind}`)}</td>
            <td className="num amount">{m.kind === 'out' ? '−' : '+'}{yen(m.amount)}</td>
            <td>{m.reason}</td>
            <td className="muted">{m.staffName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
