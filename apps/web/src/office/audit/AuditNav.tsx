import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

/** The area's two entries, above each page's title. */
export function AuditNav() {
  const { t } = useStrings(STRINGS);
  return (
    <Group gap="md" component="nav" aria-label={t('area.title')}>
      <Anchor component={Link} to="/office/audit" size="sm">
        {t('nav.verify')}
      </Anchor>
      <Anchor component={Link} to="/office/audit/applications" size="sm">
        {t('nav.applications')}
      </Anchor>
    </Group>
  );
}
