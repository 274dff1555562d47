import { render } from '@testing-library/react';
import { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/Providers';
import { ROUTES } from '../app/routes';
import { createI18n } from '../i18n/i18n';
import { applyToDocument } from '../i18n/PreferencesProvider';
import { loadPreferences } from '../i18n/preferences';

/** As main.tsx starts the app: preferences from localStorage (then the browser's languages). */
function withProviders(children: ReactNode, browserLanguages: string[]) {
  const preferences = loadPreferences(window.localStorage, browserLanguages);
  applyToDocument(preferences.language);
  return (
    <Providers i18n={createI18n(preferences.language)} preferences={preferences}>
      {children}
    </Providers>
  );
}

export const renderWithProviders = (children: ReactNode, browserLanguages = ['fr-FR']) =>
  render(withProviders(children, browserLanguages));

/** The whole app's routes at `path`, in memory. */
export const renderRoute = (path: string, browserLanguages = ['fr-FR']) =>
  render(
    withProviders(
      <RouterProvider router={createMemoryRouter(ROUTES, { initialEntries: [path] })} />,
      browserLanguages,
    ),
  );
