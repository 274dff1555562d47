import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { PROOF_ROLES, WEBHOOK_ROLES } from '../routes';
import { STRINGS } from '../strings';

/** The area's own links: the inbox and preferences for everyone, webhooks and the proof by role. */
export function NotificationsNav() {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  return (
    <Group gap="xs" component="nav" aria-label={t('area.title')}>
      <Button component={Link} to="/office/notifications" variant="default" size="xs">
        {t('nav.inbox')}
      </Button>
      <Button component={Link} to="/office/notifications/preferences" variant="default" size="xs">
        {t('nav.preferences')}
      </Button>
      {session.hasRole(...WEBHOOK_ROLES) && (
        <Button component={Link} to="/office/notifications/webhooks" variant="default" size="xs">
          {t('nav.webhooks')}
        </Button>
      )}
      {session.hasRole(...PROOF_ROLES) && (
        <Button component={Link} to="/office/notifications/proof" variant="default" size="xs">
          {t('nav.proof')}
        </Button>
      )}
    </Group>
  );
}
