import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { preferencesControllerResubscribe } from '../../../api/generated';
import { textListField, type ApiRecord } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { NOTIFICATIONS_KEY, TRIGGERS } from '../queries';
import { STRINGS } from '../strings';

/** The categories the person stopped with an email's one-click link, each with "receive again". */
export function UnsubscribedCategories(props: {
  recipientId: string;
  record: ApiRecord;
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const unsubscribed = TRIGGERS.filter((trigger) =>
    textListField(props.record, 'unsubscribed').includes(trigger),
  );
  const resubscribe = useCommand({
    run: async (category: (typeof TRIGGERS)[number], headers) =>
      (
        await preferencesControllerResubscribe({
          path: { recipientId: props.recipientId },
          body: { category },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...NOTIFICATIONS_KEY, 'preferences']],
    onSuccess: () => props.onDone(t('preferences.resubscribed')),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="unsubscribed-title">
      <Title order={2} size="h3" id="unsubscribed-title">
        {t('preferences.unsubscribed')}
      </Title>
      <CommandAlert command={resubscribe} />
      {unsubscribed.length === 0 && <Text>{t('preferences.unsubscribedNone')}</Text>}
      {unsubscribed.length > 0 && (
        <List listStyleType="none" spacing="xs">
          {unsubscribed.map((category) => (
            <List.Item key={category}>
              <Group gap="sm">
                <Text>{t(`trigger.${category}`)}</Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('preferences.resubscribeOf', { category: t(`trigger.${category}`) })}
                  loading={resubscribe.pending}
                  onClick={() => void resubscribe.submit(category)}
                >
                  {t('preferences.resubscribe')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
