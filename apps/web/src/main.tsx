import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { patchRoutesOnNavigation, ROUTES } from './app/routes';
import { Providers } from './app/Providers';
import { createI18n } from './i18n/i18n';
import { applyToDocument } from './i18n/PreferencesProvider';
import { loadPreferences } from './i18n/preferences';

const preferences = loadPreferences();
applyToDocument(preferences.language);
const i18n = createI18n(preferences.language);
const router = createBrowserRouter(ROUTES, { patchRoutesOnNavigation });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Providers i18n={i18n} preferences={preferences}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
