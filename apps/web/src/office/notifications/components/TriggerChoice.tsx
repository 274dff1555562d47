import { Checkbox, SimpleGrid } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { TRIGGERS, type Trigger } from '../queries';
import { STRINGS } from '../strings';

/** The triggers an endpoint receives: every one named in the reader's language, several chosen. */
export function TriggerChoice(props: { value: Trigger[]; onChange(value: Trigger[]): void; error?: string }) {
  const { t } = useStrings(STRINGS);
  return (
    <Checkbox.Group
      label={t('webhooks.triggers')}
      required
      value={props.value}
      onChange={(values) => props.onChange(TRIGGERS.filter((trigger) => values.includes(trigger)))}
      error={props.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
        {TRIGGERS.map((trigger) => (
          <Checkbox key={trigger} value={trigger} label={t(`trigger.${trigger}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
