export const DOSSIER_LANGUAGES = ['ar', 'fr', 'en'] as const;
export type DossierLanguage = (typeof DOSSIER_LANGUAGES)[number];
