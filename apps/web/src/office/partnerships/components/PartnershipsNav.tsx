import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { STRINGS } from '../strings';

/** The area's own links: agreements, support requests, and what the role may start. */
export function PartnershipsNav() {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  return (
    <Group gap="xs" component="nav" aria-label={t('area.title')}>
      <Button component={Link} to="/office/partnerships" variant="default" size="xs">
        {t('nav.agreements')}
      </Button>
      <Button component={Link} to="/office/partnerships/support" variant="default" size="xs">
        {t('nav.support')}
      </Button>
      {session.hasRole('officer') && (
        <Button component={Link} to="/office/partnerships/agreements/new" size="xs">
          {t('nav.newAgreement')}
        </Button>
      )}
      {session.hasRole('association', 'partner') && (
        <Button component={Link} to="/office/partnerships/support/new" size="xs">
          {t('nav.ask')}
        </Button>
      )}
    </Group>
  );
}
