import { Anchor, Button, Group, Text } from '@mantine/core';
import { Link, NavLink, useNavigate } from 'react-router';
import { useStrings } from '../i18n/strings';
import { InboxLink } from './InboxLink';
import { useSession } from './SessionProvider';
import { STRINGS } from './strings';

/** In the header: "Sign in", or the user's workspace, role and "Sign out". */
export function SessionMenu() {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const navigate = useNavigate();
  if (!session.actor)
    return (
      <Anchor component={Link} to="/login">
        {t('header.signIn')}
      </Anchor>
    );
  const roles = session.actor.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={NavLink} to="/office">
        {t('header.workspace')}
      </Anchor>
      <InboxLink />
      <Text size="sm" c="dimmed" visibleFrom="md">
        {t('header.signedInAs', { user: roles })}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => {
          session.signOut();
          void navigate('/');
        }}
      >
        {t('header.signOut')}
      </Button>
    </Group>
  );
}
