import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** The evaluator's pages under /office: their assignments and one dossier at a time. */
export const EVALUATION_ROUTES: RouteObject[] = [
  {
    element: <RequireRole roles={['evaluator']} />,
    children: [
      {
        path: 'evaluation',
        lazy: async () => ({ Component: (await import('./AssignmentsPage')).AssignmentsPage }),
      },
      {
        path: 'evaluation/:applicationId',
        lazy: async () => ({ Component: (await import('./AssignmentPage')).AssignmentPage }),
      },
    ],
  },
];
