import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

export const AUDIT_ROLES = ['auditor', 'admin'] as const;

/** The audit area under /office/audit: the log's verification, the applications, one application's replay. */
export const AUDIT_ROUTES: RouteObject[] = [
  {
    path: 'audit',
    element: <RequireRole roles={AUDIT_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./VerifyLogPage')).VerifyLogPage }),
      },
      {
        path: 'applications',
        lazy: async () => ({
          Component: (await import('./AuditedApplicationsPage')).AuditedApplicationsPage,
        }),
      },
      {
        path: 'applications/:applicationId',
        lazy: async () => ({ Component: (await import('./ReplayPage')).ReplayPage }),
      },
    ],
  },
];
