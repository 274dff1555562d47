import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** Every account has an inbox and its own preferences. */
export const NOTIFICATIONS_ROLES = [
  'admin',
  'officer',
  'evaluator',
  'committee',
  'auditor',
  'association',
  'partner',
  'trainer',
  'trainee',
] as const;
/** An organisation's account manages its own endpoints; officers and the admin any; auditors read. */
export const WEBHOOK_ROLES = ['officer', 'admin', 'auditor', 'association', 'partner'] as const;
export const WEBHOOK_MANAGERS = ['officer', 'admin', 'association', 'partner'] as const;
/** Readers of every organisation's proof of notice. */
export const PROOF_ROLES = ['officer', 'auditor', 'admin'] as const;

export const NOTIFICATIONS_ROUTES: RouteObject[] = [
  {
    path: 'notifications',
    element: <RequireRole roles={NOTIFICATIONS_ROLES} />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/InboxPage')).InboxPage }),
      },
      {
        path: 'preferences',
        lazy: async () => ({ Component: (await import('./pages/PreferencesPage')).PreferencesPage }),
      },
      {
        path: 'webhooks',
        element: <RequireRole roles={WEBHOOK_ROLES} />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('./pages/WebhookEndpointsPage')).WebhookEndpointsPage,
            }),
          },
          {
            path: ':endpointId',
            lazy: async () => ({
              Component: (await import('./pages/EndpointDeliveriesPage')).EndpointDeliveriesPage,
            }),
          },
        ],
      },
      {
        path: 'proof',
        element: <RequireRole roles={PROOF_ROLES} />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./pages/ProofOfNoticePage')).ProofOfNoticePage }),
          },
          {
            path: ':notificationId',
            lazy: async () => ({
              Component: (await import('./pages/NotificationLogPage')).NotificationLogPage,
            }),
          },
        ],
      },
    ],
  },
];
