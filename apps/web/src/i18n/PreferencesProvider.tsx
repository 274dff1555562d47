import { useDirection } from '@mantine/core';
import type { i18n } from 'i18next';
import { createContext, ReactNode, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { Digits, directionOf, Direction, intlLocale, Language } from './languages';
import { Preferences, savePreferences } from './preferences';

export interface PreferencesValue extends Preferences {
  direction: Direction;
  /** The Intl locale for numbers, money and dates (language and digits). */
  locale: string;
  setLanguage(language: Language): void;
  setDigits(digits: Digits): void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

/** `<html lang dir>`, before paint: the whole page (and Mantine's mirrored styles) follows it. */
export function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * The reader's language and digits: kept in localStorage, mirrored on `<html>`, on i18next and on
 * Mantine's DirectionProvider (which must be above this provider).
 */
export function PreferencesProvider(props: { i18n: i18n; initial: Preferences; children: ReactNode }) {
  const [preferences, setPreferences] = useState(props.initial);
  const { setDirection } = useDirection();
  const { language, digits } = preferences;

  useLayoutEffect(() => {
    applyToDocument(language);
    setDirection(directionOf(language));
    if (props.i18n.language !== language) void props.i18n.changeLanguage(language);
    savePreferences(preferences);
  }, [language, preferences, props.i18n, setDirection]);

  const setLanguage = useCallback((next: Language) => setPreferences((p) => ({ ...p, language: next })), []);
  const setDigits = useCallback((next: Digits) => setPreferences((p) => ({ ...p, digits: next })), []);
  const value = useMemo(
    () => ({
      language,
      digits,
      direction: directionOf(language),
      locale: intlLocale(language, digits),
      setLanguage,
      setDigits,
    }),
    [language, digits, setLanguage, setDigits],
  );
  return <PreferencesContext.Provider value={value}>{props.children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs a PreferencesProvider above it');
  return value;
}
