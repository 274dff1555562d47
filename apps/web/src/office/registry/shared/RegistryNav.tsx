import { Anchor, Group } from '@mantine/core';
import { NavLink, useMatch } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

const LINKS = [
  { to: '/office/registry', key: 'queue', end: true },
  { to: '/office/registry/associations/new', key: 'register', end: true },
  { to: '/office/registry/actors', key: 'actors', end: false },
  { to: '/office/registry/networks', key: 'networks', end: false },
  { to: '/office/registry/needs', key: 'needs', end: false },
] as const;

/**
 * The Registry's workflows, above each of its pages; the current one in bold (and
 * `aria-current="page"`, which NavLink sets). Plain links: a filled button's hover shade is
 * below WCAG AA contrast with white text.
 */
export function RegistryNav() {
  const { t } = useStrings(STRINGS);
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="md" wrap="wrap">
      {LINKS.map((link) => (
        <RegistryNavLink key={link.key} to={link.to} end={link.end} label={t(`nav.${link.key}`)} />
      ))}
    </Group>
  );
}

function RegistryNavLink(props: { to: string; end: boolean; label: string }) {
  const active = useMatch({ path: props.to, end: props.end }) !== null;
  return (
    <Anchor component={NavLink} to={props.to} end={props.end} underline="hover" fw={active ? 700 : 400}>
      {props.label}
    </Anchor>
  );
}
