import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** Officers, auditors and admins see every project; an association or a partner its organisation's. */
export const PROJECTS_ROLES = ['officer', 'auditor', 'admin', 'association', 'partner'] as const;
/** The queue of indicator updates across projects is the ministry's. */
export const QUEUE_ROLES = ['officer', 'auditor', 'admin'] as const;

/** The projects area under /office/projects: the list, a project's page, the updates queue. */
export const PROJECTS_ROUTES: RouteObject[] = [
  {
    path: 'projects',
    element: <RequireRole roles={PROJECTS_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/ProjectsPage')).ProjectsPage }),
      },
      {
        path: 'updates',
        element: <RequireRole roles={QUEUE_ROLES} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/UpdatesQueuePage')).UpdatesQueuePage }),
          },
        ],
      },
      {
        path: ':projectId',
        lazy: async () => ({ Component: (await import('./pages/ProjectPage')).ProjectPage }),
      },
    ],
  },
];
