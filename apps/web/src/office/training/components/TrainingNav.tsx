import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { STRINGS } from '../strings';

/** The desk's pages, and the public pages it works with (the catalogue, the trainee's check-in page). */
export function TrainingNav() {
  const { t } = useStrings(STRINGS);
  const { hasRole } = useSession();
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="md">
      <Anchor component={Link} to="/office/training">
        {t('nav.sessions')}
      </Anchor>
      {hasRole('officer') && (
        <Anchor component={Link} to="/office/training/certificates">
          {t('nav.certificates')}
        </Anchor>
      )}
      <Anchor component={Link} to="/training">
        {t('nav.catalogue')}
      </Anchor>
    </Group>
  );
}
