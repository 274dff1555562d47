import type { PatchRoutesOnNavigationFunction, RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { AppLayout } from './AppLayout';

/** The back office's layout route: the areas' routes are patched in under it (below). */
const OFFICE_LAYOUT = 'office-layout';

/**
 * The app's pages. Each page is its own chunk (`lazy`): the public portal loads none of the back
 * office's code. A new page: a folder under pages/, a route here, its strings in the three files.
 */
export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../pages/portal-home/PortalHomePage')).PortalHomePage,
        }),
      },
      {
        path: 'map',
        lazy: async () => ({ Component: (await import('../pages/region-map/RegionMapPage')).RegionMapPage }),
      },
      {
        path: 'regions/:region',
        lazy: async () => ({ Component: (await import('../pages/region/RegionPage')).RegionPage }),
      },
      {
        path: 'associations',
        lazy: async () => ({
          Component: (await import('../pages/association-directory/AssociationDirectoryPage'))
            .AssociationDirectoryPage,
        }),
      },
      {
        path: 'needs',
        lazy: async () => ({
          Component: (await import('../pages/needs-catalogue/NeedsCataloguePage')).NeedsCataloguePage,
        }),
      },
      {
        path: 'calls',
        lazy: async () => ({ Component: (await import('../pages/calls/OpenCallsPage')).OpenCallsPage }),
      },
      {
        path: 'calls/:callId',
        lazy: async () => ({ Component: (await import('../pages/calls/CallPage')).CallPage }),
      },
      {
        path: 'projects',
        lazy: async () => ({
          Component: (await import('../pages/projects/ProjectsMapPage')).ProjectsMapPage,
        }),
      },
      {
        path: 'projects/:projectId',
        lazy: async () => ({ Component: (await import('../pages/projects/ProjectPage')).ProjectPage }),
      },
      {
        path: 'programmes/:programmeId',
        lazy: async () => ({ Component: (await import('../pages/projects/ProgrammePage')).ProgrammePage }),
      },
      {
        path: 'training',
        lazy: async () => ({
          Component: (await import('../pages/training/TrainingCataloguePage')).TrainingCataloguePage,
        }),
      },
      {
        path: 'training/sessions/:sessionId',
        lazy: async () => ({ Component: (await import('../pages/training/SessionPage')).SessionPage }),
      },
      {
        path: 'training/check-in',
        lazy: async () => ({ Component: (await import('../pages/training/CheckInPage')).CheckInPage }),
      },
      {
        // The e-mails' link to a trainee's certificate: their own page in the back office.
        path: 'training/certificates/:certificateId',
        lazy: async () => ({
          Component: (await import('../pages/training/CertificateRedirect')).CertificateRedirect,
        }),
      },
      {
        path: 'verify',
        lazy: async () => ({
          Component: (await import('../pages/training/VerifyPage')).VerifyCredentialPage,
        }),
      },
      {
        path: 'verify/:certificateId',
        lazy: async () => ({
          Component: (await import('../pages/training/VerifyPage')).CertificateVerificationPage,
        }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('../session/LoginPage')).LoginPage }),
      },
      {
        // The back office: signed-in users only; each area adds its routes under here, wrapped in
        // RequireRole with the roles of its entry in office/areas.ts.
        path: 'office',
        element: <RequireRole />,
        children: [
          {
            id: OFFICE_LAYOUT,
            lazy: async () => ({ Component: (await import('../office/OfficeLayout')).OfficeLayout }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('../office/OfficeHomePage')).OfficeHomePage }),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * The areas' routes are discovered on the first navigation under `/office` (React Router's lazy
 * route discovery), so the public portal's first load carries none of the back office's route
 * tables, however many areas the contexts add. Patching the same routes again is a no-op.
 */
export const patchRoutesOnNavigation: PatchRoutesOnNavigationFunction = async ({ path, patch }) => {
  if (path !== '/office' && !path.startsWith('/office/')) return;
  const { OFFICE_ROUTES } = await import('../office/office-routes');
  patch(OFFICE_LAYOUT, OFFICE_ROUTES);
};
