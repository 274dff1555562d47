import { Box, Group, NavLink as MantineNavLink, Stack } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { useStrings } from '../i18n/strings';
import { useSession } from '../session/SessionProvider';
import { areasFor, OfficeArea } from './areas';
import { STRINGS } from './strings';

function AreaLink(props: { area: OfficeArea }) {
  const { t } = useStrings(props.area.strings);
  return <MantineNavLink component={NavLink} to={props.area.to} label={t('area.title')} />;
}

/**
 * The signed-in workspace: the areas of the user's roles at the start edge (left in French, right
 * in Arabic: Mantine's logical properties), the area's page beside them.
 */
export function OfficeLayout() {
  const { t } = useStrings(STRINGS);
  const { actor } = useSession();
  const areas = areasFor(actor?.roles ?? []);
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Box
        component="nav"
        aria-label={t('workspace.navLabel')}
        w={220}
        visibleFrom="sm"
        style={{ flexShrink: 0 }}
      >
        <Stack gap={0}>
          <MantineNavLink component={NavLink} to="/office" end label={t('workspace.title')} />
          {areas.map((area) => (
            <AreaLink key={area.to} area={area} />
          ))}
        </Stack>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Outlet />
      </Box>
    </Group>
  );
}
