import '@mantine/core/styles.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { directionOf } from '../i18n/languages';
import { Preferences } from '../i18n/preferences';
import { PreferencesProvider } from '../i18n/PreferencesProvider';
import { SessionProvider } from '../session/SessionProvider';
import { cssVariablesResolver, theme } from './theme';

/** Everything a page needs around it: Mantine (with the direction), i18n, preferences, queries. */
export function Providers(props: {
  i18n: i18n;
  preferences: Preferences;
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () =>
      props.queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } }),
  );
  return (
    <DirectionProvider initialDirection={directionOf(props.preferences.language)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <I18nextProvider i18n={props.i18n}>
          <PreferencesProvider i18n={props.i18n} initial={props.preferences}>
            <QueryClientProvider client={queryClient}>
              <SessionProvider>{props.children}</SessionProvider>
            </QueryClientProvider>
          </PreferencesProvider>
        </I18nextProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
