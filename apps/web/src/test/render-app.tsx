import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/Providers';
import { patchRoutesOnNavigation, ROUTES } from '../app/routes';
import { createI18n } from '../i18n/i18n';
import { applyToDocument } from '../i18n/PreferencesProvider';
import { loadPreferences } from '../i18n/preferences';

/** As main.tsx starts the app: preferences from localStorage (then the browser's languages). */
function withProviders(children: ReactNode, browserLanguages: string[], queryClient?: QueryClient) {
  const preferences = loadPreferences(window.localStorage, browserLanguages);
  applyToDocument(preferences.language);
  return (
    <Providers i18n={createI18n(preferences.language)} preferences={preferences} queryClient={queryClient}>
      {children}
    </Providers>
  );
}

export const renderWithProviders = (children: ReactNode, browserLanguages = ['fr-FR']) =>
  render(withProviders(children, browserLanguages));

/**
 * The whole app's routes at `path`, in memory (the router is returned: a test reads the address
 * a page wrote). A test that gives a query client with answers
 * already in its cache renders them without a platform (the browser tests drive the real one).
 */
export function renderRoute(path: string, browserLanguages = ['fr-FR'], queryClient?: QueryClient) {
  const router = createMemoryRouter(ROUTES, { initialEntries: [path], patchRoutesOnNavigation });
  return {
    router,
    ...render(withProviders(<RouterProvider router={router} />, browserLanguages, queryClient)),
  };
}
