import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

const page = (load: () => Promise<{ Component: ComponentType }>) => ({ lazy: load });

/** The officer's Funding workflows under /office/funding, each page its own chunk. */
export const FUNDING_ROUTES: RouteObject[] = [
  {
    path: 'funding',
    element: <RequireRole roles={['officer']} />,
    children: [
      {
        index: true,
        ...page(async () => ({ Component: (await import('./pages/EnvelopesPage')).EnvelopesPage })),
      },
      {
        path: 'envelopes/new',
        ...page(async () => ({ Component: (await import('./pages/OpenEnvelopePage')).OpenEnvelopePage })),
      },
      {
        path: 'envelopes/:envelopeId',
        ...page(async () => ({ Component: (await import('./pages/EnvelopePage')).EnvelopePage })),
      },
      { path: 'calls', ...page(async () => ({ Component: (await import('./pages/CallsPage')).CallsPage })) },
      {
        path: 'calls/new',
        ...page(async () => ({ Component: (await import('./pages/DraftCallPage')).DraftCallPage })),
      },
      {
        path: 'calls/:callId',
        ...page(async () => ({ Component: (await import('./pages/CallPage')).CallPage })),
      },
      {
        path: 'calls/:callId/edit',
        ...page(async () => ({ Component: (await import('./pages/EditCallPage')).EditCallPage })),
      },
      {
        path: 'calls/:callId/applications',
        ...page(async () => ({
          Component: (await import('./pages/ApplicationBoardPage')).ApplicationBoardPage,
        })),
      },
      {
        path: 'applications/:applicationId',
        ...page(async () => ({ Component: (await import('./pages/ApplicationPage')).ApplicationPage })),
      },
    ],
  },
];
