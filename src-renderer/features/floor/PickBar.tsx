import { useTranslation } from 'react-i18next';

type Props = { text: string; onCancel: () => void; onNext?: () => void; nextDisabled?: boolean; nextLabel?: string };

/** Pick mode (move, merge, group): what to choose, and a way out. */
export function PickBar({ text, onCancel, onNext, nextDisabled, nextLabel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="pick-bar" role="status" data-testid="pick-bar">
      <strong>{text}</strong>
      <div className="pick-bar-actions">
        {onNext && <button type="button" className="btn btn-primary" disabled={nextDisabled} onClick={onNext}>{nextLabel}</button>}
        <button type="button" className="btn" onClick={onCancel}>{t('floor.pickCancel')}</button>
      </div>
    </div>
  );
}
