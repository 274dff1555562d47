import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** Readers of every agreement and request, and the organisations for their own (the platform decides). */
export const PARTNERSHIPS_ROLES = ['officer', 'auditor', 'admin', 'association', 'partner'] as const;

export const PARTNERSHIPS_ROUTES: RouteObject[] = [
  {
    path: 'partnerships',
    element: <RequireRole roles={PARTNERSHIPS_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/AgreementsPage')).AgreementsPage }),
      },
      {
        path: 'agreements/new',
        element: <RequireRole roles={['officer']} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('./pages/DraftAgreementPage')).DraftAgreementPage,
            }),
          },
        ],
      },
      {
        path: 'agreements/:agreementId',
        lazy: async () => ({ Component: (await import('./pages/AgreementPage')).AgreementPage }),
      },
      {
        path: 'support',
        lazy: async () => ({
          Component: (await import('./pages/SupportRequestsPage')).SupportRequestsPage,
        }),
      },
      {
        path: 'support/new',
        element: <RequireRole roles={['association', 'partner']} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/AskSupportPage')).AskSupportPage }),
          },
        ],
      },
      {
        path: 'support/:requestId',
        lazy: async () => ({
          Component: (await import('./pages/SupportRequestPage')).SupportRequestPage,
        }),
      },
    ],
  },
];
