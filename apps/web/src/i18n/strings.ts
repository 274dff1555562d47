import { useTranslation } from 'react-i18next';
import { LANGUAGES, Language } from './languages';

type Tree = { [key: string]: string | Tree };

/**
 * The strings of one area of the app (a page folder, the session, the back office), in its own
 * i18next namespace, kept next to its code in `i18n/{ar,fr,en}.json`: a lazy page's strings travel
 * in its own chunk, and parallel work on two areas never edits the same file. The same keys in the
 * three languages (strings.test.ts checks every bundle).
 */
export interface StringBundle {
  readonly namespace: string;
  readonly resources: Readonly<Record<Language, Tree>>;
}

export const defineStrings = (namespace: string, resources: Record<Language, Tree>): StringBundle => ({
  namespace,
  resources,
});

/** `t` over the bundle's namespace (added to i18next on first use; adding is idempotent). */
export function useStrings(bundle: StringBundle) {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES)
    if (!i18n.hasResourceBundle(language, bundle.namespace))
      i18n.addResourceBundle(language, bundle.namespace, bundle.resources[language]);
  return useTranslation(bundle.namespace);
}
