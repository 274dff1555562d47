import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

export const PARTNER_ROLES = ['partner'] as const;

/** A partner's pages under /office/partner (a CRI or agency account acts for its own organisation). */
export const PARTNER_ROUTES: RouteObject[] = [
  {
    path: 'partner',
    element: <RequireRole roles={PARTNER_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/MyNeedsPage')).MyNeedsPage }),
      },
      {
        path: 'organisation',
        lazy: async () => ({ Component: (await import('./pages/OrganisationPage')).OrganisationPage }),
      },
      {
        path: 'needs/new',
        lazy: async () => ({ Component: (await import('./pages/PublishNeedPage')).PublishNeedPage }),
      },
      {
        path: 'needs/:needId',
        lazy: async () => ({ Component: (await import('./pages/NeedPage')).NeedPage }),
      },
    ],
  },
];
