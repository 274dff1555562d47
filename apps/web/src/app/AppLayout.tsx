import { Anchor, AppShell, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { SessionMenu } from '../session/SessionMenu';
import { NAVIGATION } from './navigation';

/**
 * The shell of every page: the app's name, the navigation and the language switch in the header.
 * Mantine mirrors it in Arabic (logical properties, `dir` from DirectionProvider).
 */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: { base: 112, sm: 64 } }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="wrap" gap="xs" py={6}>
          <Group gap="lg" wrap="nowrap">
            <Stack gap={0}>
              <Title order={2} size="h4">
                <Anchor component={NavLink} to="/" underline="never" c="inherit">
                  {t('app.name')}
                </Anchor>
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Stack>
            <nav aria-label={t('nav.label')}>
              <Group gap="md">
                {NAVIGATION.map((item) => (
                  <Anchor key={item.to} component={NavLink} to={item.to} end>
                    {t(item.label)}
                  </Anchor>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SessionMenu />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
