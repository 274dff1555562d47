import { Button, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

const LINKS = [
  { to: '/office/registry', key: 'queue', end: true },
  { to: '/office/registry/associations/new', key: 'register', end: true },
  { to: '/office/registry/actors', key: 'actors', end: false },
  { to: '/office/registry/networks', key: 'networks', end: false },
  { to: '/office/registry/needs', key: 'needs', end: false },
] as const;

/** The Registry's workflows, above each of its pages. */
export function RegistryNav() {
  const { t } = useStrings(STRINGS);
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="xs" wrap="wrap">
      {LINKS.map((link) => (
        <NavLink key={link.key} to={link.to} end={link.end}>
          {({ isActive }) => (
            <Button component="span" size="compact-sm" variant={isActive ? 'filled' : 'light'}>
              {t(`nav.${link.key}`)}
            </Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
