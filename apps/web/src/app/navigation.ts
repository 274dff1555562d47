/** The header's links: each page of the portal adds its entry here and its label in ar/fr/en. */
export const NAVIGATION = [
  { to: '/', label: 'nav.home' },
  { to: '/map', label: 'nav.map' },
  { to: '/associations', label: 'nav.associations' },
  { to: '/needs', label: 'nav.needs' },
  { to: '/calls', label: 'nav.calls' },
  // Its label is in its own small bundle (pages/projects/nav), registered by AppLayout.
  { to: '/projects', label: 'portalProjectsNav:nav' },
  // Its label is in its own small bundle (pages/training/nav), registered by AppLayout.
  { to: '/training', label: 'portalTrainingNav:nav' },
] as const;
