import { useTranslation } from 'react-i18next';

type Props = { value: string; onChange: (reason: string) => void };

/** Common reasons as chips; anything else is typed in the field. */
const PRESETS = ['exchange', 'changeRefill', 'purchase', 'pettyCash'] as const;

export function ReasonPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="reason-picker">
      <legend>{t('cashMove.reason')}</legend>
      <div className="reason-chips">
        {PRESETS.map((key) => {
          const label = t(`cashMove.reasons.${key}`);
          return (
            <button key={key} type="button" className="chip" aria-pressed={value === label} onClick={() => onChange(label)}>{label}</button>
          );
        })}
      </div>
      <input className="text-input" value={value} maxLength={60} onChange={(e) => onChange(e.target.value)}
        placeholder={t('cashMove.reasonPlaceholder')} aria-label={t('cashMove.reasonFree')} />
    </fieldset>
  );
}
