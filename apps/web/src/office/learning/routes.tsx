import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** A trainee follows their own training; an association its contact persons'. */
export const LEARNING_ROLES = ['trainee', 'association'] as const;
const TRAINEE = ['trainee'] as const;

export const LEARNING_ROUTES: RouteObject[] = [
  {
    path: 'learning',
    element: <RequireRole roles={LEARNING_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/LearningHomePage')).LearningHomePage }),
      },
      {
        path: 'certificates/:certificateId',
        element: <RequireRole roles={TRAINEE} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/CertificatePage')).CertificatePage }),
          },
        ],
      },
    ],
  },
];
