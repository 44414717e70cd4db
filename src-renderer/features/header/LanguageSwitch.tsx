import { useApp } from '../../app/store-context.tsx';
import { uiSelectors } from '../../store/slices/ui/selectors.ts';
import type { Lang } from '../../store/slices/ui/initialState.ts';

/** Each language is named in itself, so a person who cannot read the other one still finds it. */
const LANGS: Array<[Lang, string]> = [['ja', '日本語'], ['en', 'English']];

export function LanguageSwitch() {
  const lang = useApp(uiSelectors.lang);
  const setLang = useApp((s) => s.setLang);
  return (
    <div className="segmented header-lang" role="group" aria-label="Language / 言語">
      {LANGS.map(([code, name]) => (
        <button key={code} type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)}>{name}</button>
      ))}
    </div>
  );
}
