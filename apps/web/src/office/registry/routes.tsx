import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** Officers do the Registry's work; admins see it too (the platform refuses them what is not theirs). */
export const REGISTRY_ROLES = ['officer', 'admin'] as const;

export const REGISTRY_ROUTES: RouteObject[] = [
  {
    path: 'registry',
    element: <RequireRole roles={REGISTRY_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./queue/VerificationQueuePage')).VerificationQueuePage,
        }),
      },
      {
        path: 'associations/new',
        lazy: async () => ({
          Component: (await import('./queue/RegisterAssociationPage')).RegisterAssociationPage,
        }),
      },
      {
        path: 'associations/:associationId',
        lazy: async () => ({ Component: (await import('./association/AssociationPage')).AssociationPage }),
      },
      {
        path: 'contacts/:subjectId',
        lazy: async () => ({ Component: (await import('./contacts/ContactPage')).ContactPage }),
      },
      {
        path: 'actors',
        lazy: async () => ({ Component: (await import('./actors/ActorsPage')).ActorsPage }),
      },
      {
        path: 'networks',
        lazy: async () => ({ Component: (await import('./networks/NetworksPage')).NetworksPage }),
      },
      {
        path: 'networks/:networkId',
        lazy: async () => ({ Component: (await import('./networks/NetworkPage')).NetworkPage }),
      },
      {
        path: 'needs',
        lazy: async () => ({ Component: (await import('./needs/NeedsPage')).NeedsPage }),
      },
      {
        path: 'needs/:needId',
        lazy: async () => ({ Component: (await import('./needs/NeedPage')).NeedPage }),
      },
    ],
  },
];
