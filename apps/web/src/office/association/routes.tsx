import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

export const ASSOCIATION_ROLES = ['association'] as const;

/** The association's pages under /office/association (an association account acts for its own). */
export const ASSOCIATION_ROUTES: RouteObject[] = [
  {
    path: 'association',
    element: <RequireRole roles={ASSOCIATION_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/MyApplicationsPage')).MyApplicationsPage }),
      },
      {
        path: 'profile',
        lazy: async () => ({ Component: (await import('./pages/ProfilePage')).ProfilePage }),
      },
      {
        path: 'applications/new',
        lazy: async () => ({ Component: (await import('./pages/NewApplicationPage')).NewApplicationPage }),
      },
      {
        path: 'applications/:applicationId',
        lazy: async () => ({ Component: (await import('./pages/ApplicationPage')).ApplicationPage }),
      },
      {
        path: 'applications/:applicationId/edit',
        lazy: async () => ({
          Component: (await import('./pages/EditApplicationPage')).EditApplicationPage,
        }),
      },
    ],
  },
];
