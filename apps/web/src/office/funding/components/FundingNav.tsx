import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

/** The area's two lists: the envelopes and the calls. */
export function FundingNav() {
  const { t } = useStrings(STRINGS);
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="md">
      <Anchor component={NavLink} to="/office/funding" end>
        {t('nav.envelopes')}
      </Anchor>
      <Anchor component={NavLink} to="/office/funding/calls">
        {t('nav.calls')}
      </Anchor>
    </Group>
  );
}
