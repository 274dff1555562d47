import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** Trainers (the sessions they train) and officers (every session, the certificates). */
export const TRAINING_ROLES = ['trainer', 'officer'] as const;

export const TRAINING_ROUTES: RouteObject[] = [
  {
    path: 'training',
    element: <RequireRole roles={TRAINING_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/SessionsPage')).SessionsPage }),
      },
      {
        path: 'sessions/:sessionId',
        lazy: async () => ({ Component: (await import('./pages/SessionPage')).SessionPage }),
      },
      {
        path: 'certificates',
        element: <RequireRole roles={['officer']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('./pages/CertificatesPage')).CertificatesPage,
            }),
          },
        ],
      },
    ],
  },
];
