import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../i18n/strings';
import { useSession } from '../session/SessionProvider';
import { STRINGS as SESSION_STRINGS } from '../session/strings';
import { areasFor, OfficeArea } from './areas';
import { STRINGS } from './strings';

function AreaCard(props: { area: OfficeArea }) {
  const { t } = useStrings(props.area.strings);
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={props.area.to}>
            {t('area.title')}
          </Anchor>
        </Title>
        <Text size="sm">{t('area.summary')}</Text>
      </Stack>
    </Card>
  );
}

/** Where a user lands after signing in: the work of their roles, one card per area. */
export function OfficeHomePage() {
  const { t } = useStrings(STRINGS);
  const { t: tSession } = useStrings(SESSION_STRINGS);
  const { actor } = useSession();
  const roles = actor?.roles ?? [];
  const areas = areasFor(roles);
  return (
    <Stack gap="md">
      <Title order={1}>{t('workspace.title')}</Title>
      <Text>
        {t('workspace.intro', { roles: roles.map((role) => tSession(`roles.${role}`)).join(', ') })}
      </Text>
      {areas.length === 0 ? (
        <Text c="dimmed">{t('workspace.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {areas.map((area) => (
            <AreaCard key={area.to} area={area} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
