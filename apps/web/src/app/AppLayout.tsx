import { Anchor, AppShell, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useStrings } from '../i18n/strings';
import { STRINGS as PROJECTS_NAV_STRINGS } from '../pages/projects/nav/strings';
import { STRINGS as TRAINING_NAV_STRINGS } from '../pages/training/nav/strings';
import { SessionMenu } from '../session/SessionMenu';
import { NAVIGATION } from './navigation';

/**
 * The shell of every page: the app's name, the navigation and the language switch in the header.
 * Mantine mirrors it in Arabic (logical properties, `dir` from DirectionProvider).
 */
export function AppLayout() {
  const { t } = useTranslation();
  useStrings(PROJECTS_NAV_STRINGS);
  useStrings(TRAINING_NAV_STRINGS);
  return (
    // Two rows at every width: the name and the user's controls, then the navigation. One row
    // overflowed at 1280 px in French once signed in, and a fixed-height header then covered the page.
    <AppShell header={{ height: { base: 124, sm: 96 } }} padding="md">
      <AppShell.Header px="md">
        <Stack h="100%" justify="center" gap={4} py={6}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
              <Title order={2} size="h4">
                <Anchor component={NavLink} to="/" underline="never" c="inherit">
                  {t('app.name')}
                </Anchor>
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="lg" truncate>
                {t('app.tagline')}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              <SessionMenu />
              <LanguageSwitch />
            </Group>
          </Group>
          <nav aria-label={t('nav.label')}>
            <Group gap="md">
              {NAVIGATION.map((item) => (
                <Anchor key={item.to} component={NavLink} to={item.to} end>
                  {t(item.label)}
                </Anchor>
              ))}
            </Group>
          </nav>
        </Stack>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
