import type { RouteObject } from 'react-router';
import { RequireRole } from '../../session/RequireRole';

/** The committee's pages under /office: calls to decide, a call's ranking, one application's decisions. */
export const COMMITTEE_ROUTES: RouteObject[] = [
  {
    element: <RequireRole roles={['committee']} />,
    children: [
      {
        path: 'committee',
        lazy: async () => ({ Component: (await import('./CallsToDecidePage')).CallsToDecidePage }),
      },
      {
        path: 'committee/calls/:callId',
        lazy: async () => ({ Component: (await import('./CallDecisionsPage')).CallDecisionsPage }),
      },
      {
        path: 'committee/applications/:applicationId',
        lazy: async () => ({
          Component: (await import('./ApplicationDecisionPage')).ApplicationDecisionPage,
        }),
      },
    ],
  },
];
