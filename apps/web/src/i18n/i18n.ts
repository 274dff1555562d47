import i18next, { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import { Language } from './languages';

/** The UI's strings: one resource file per language, the same keys in each (a test checks it). */
export const RESOURCES = { ar, fr, en } as const;

/** A ready i18next instance (resources are bundled, so initialisation is synchronous). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: {
      ar: { translation: RESOURCES.ar },
      fr: { translation: RESOURCES.fr },
      en: { translation: RESOURCES.en },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
