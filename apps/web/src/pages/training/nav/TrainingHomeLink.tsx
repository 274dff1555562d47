import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from './strings';

/** The portal home's card leading to the training catalogue. */
export function TrainingHomeLink() {
  const { t } = useStrings(STRINGS);
  return (
    <Card withBorder padding="md">
      <Anchor component={Link} to="/training" fw={700}>
        {t('home.title')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('home.text')}
      </Text>
    </Card>
  );
}
