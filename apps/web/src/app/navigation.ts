/** The header's links: each page of the portal adds its entry here and its label in ar/fr/en. */
export const NAVIGATION = [{ to: '/', label: 'nav.home' }] as const;
