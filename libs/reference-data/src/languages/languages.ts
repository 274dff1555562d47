/** The languages the platform serves today. */
export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Standard Moroccan Amazigh (Tifinagh): names are stored where known, the interface is not yet translated. */
export const PLANNED_LANGUAGES = ['zgh'] as const;
export type PlannedLang = (typeof PLANNED_LANGUAGES)[number];
export type AnyLang = Lang | PlannedLang;

export type LanguageInfo = {
  readonly code: AnyLang;
  readonly nativeName: string;
  readonly direction: 'rtl' | 'ltr';
  readonly available: boolean;
};

export const LANGUAGE_INFO: Readonly<Record<AnyLang, LanguageInfo>> = {
  ar: { code: 'ar', nativeName: 'العربية', direction: 'rtl', available: true },
  fr: { code: 'fr', nativeName: 'Français', direction: 'ltr', available: true },
  en: { code: 'en', nativeName: 'English', direction: 'ltr', available: true },
  zgh: { code: 'zgh', nativeName: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', direction: 'ltr', available: false },
};

/** A name in every served language; Tifinagh only where an official form is known. */
export type LocalizedNames = {
  readonly ar: string;
  readonly fr: string;
  readonly en: string;
  readonly zgh?: string;
};

export type PartialNames = Partial<Record<AnyLang, string>>;

/** French first: it is the administration's working language, then English, then Arabic. */
export const FALLBACK_ORDER: readonly Lang[] = ['fr', 'en', 'ar'];

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const direction = (lang: AnyLang): 'rtl' | 'ltr' => LANGUAGE_INFO[lang].direction;

/** The name in `lang`, else the first of fr, en, ar that is present (empty strings count as absent). */
export function localized(names: LocalizedNames, lang: AnyLang): string;
export function localized(names: PartialNames, lang: AnyLang): string | undefined;
export function localized(names: PartialNames, lang: AnyLang): string | undefined {
  for (const candidate of [lang, ...FALLBACK_ORDER]) {
    const name = names[candidate];
    if (name !== undefined && name.trim() !== '') return name;
  }
  return undefined;
}
