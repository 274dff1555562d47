import { Digits, isDigits, isLanguage, Language, LANGUAGES } from './languages';

export const LANGUAGE_KEY = 'tadamon.language';
export const DIGITS_KEY = 'tadamon.digits';

export interface Preferences {
  language: Language;
  digits: Digits;
}

/**
 * What the reader chose last (localStorage), else the first of the browser's languages we have,
 * else Arabic. Digits default to Arabic-Indic for Arabic.
 */
export function loadPreferences(
  storage: Storage = window.localStorage,
  browserLanguages: readonly string[] = navigator.languages,
): Preferences {
  const stored = read(storage, LANGUAGE_KEY);
  const fromBrowser = browserLanguages.map((tag) => tag.slice(0, 2)).find(isLanguage);
  const language: Language = isLanguage(stored) ? stored : (fromBrowser ?? LANGUAGES[0]);
  const digits = read(storage, DIGITS_KEY);
  return { language, digits: isDigits(digits) ? digits : 'arab' };
}

export function savePreferences(preferences: Preferences, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(LANGUAGE_KEY, preferences.language);
    storage.setItem(DIGITS_KEY, preferences.digits);
  } catch {
    // Private browsing or a full storage: the choice holds for this visit only.
  }
}

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
