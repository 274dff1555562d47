import { Alert, Anchor, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { recordField, recordListField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { NotificationsNav } from '../components/NotificationsNav';
import { OutcomeText } from '../components/OutcomeText';
import { notificationLogQuery } from '../queries';
import { STRINGS } from '../strings';

/**
 * One notification's log, the proof itself: every event of its stream with the time it was
 * recorded and its hash in the log's chain (the audit pages verify that chain).
 */
export function NotificationLogPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const notificationId = useParams()['notificationId'] ?? '';
  const one = useQuery(notificationLogQuery(notificationId));
  const notification = one.data ? recordField(one.data, 'notification') : undefined;
  const recipient = notification ? recordField(notification, 'recipient') : undefined;
  const source = notification ? recordField(notification, 'source') : undefined;
  const trigger = notification ? (textField(notification, 'trigger') ?? '') : '';
  const channel = notification ? (textField(notification, 'channel') ?? '') : '';
  return (
    <Stack gap="md">
      <NotificationsNav />
      <Anchor component={Link} to="/office/notifications/proof" size="sm">
        {t('log.back')}
      </Anchor>
      {one.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {one.isError && (
        <>
          <Title order={1}>{t('log.title')}</Title>
          <Alert color="red" title={t('log.notFound')} />
        </>
      )}
      {one.data && notification && (
        <>
          <Title order={1}>
            {t('log.heading', {
              trigger: t(`trigger.${trigger}`, { defaultValue: trigger }),
              channel: t(`preferences.channel.${channel}`, { defaultValue: channel }),
            })}
          </Title>
          <Text dir="ltr" c="dimmed">
            {notificationId}
          </Text>
          <Group gap="sm">
            <OutcomeText notification={{ ...notification, ...flatOutcome(notification) }} />
          </Group>
          {recipient && (
            <Text>
              {t('log.recipient', {
                recipient: `${textField(recipient, 'id') ?? ''} (${textField(recipient, 'organisationId') ?? '—'})`,
              })}
            </Text>
          )}
          {source && (
            <Text>
              {t('log.source', {
                context: textField(source, 'context') ?? '',
                eventType: textField(source, 'eventType') ?? '',
              })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('log.columns.event')}</Table.Th>
                  <Table.Th>{t('log.columns.recordedAt')}</Table.Th>
                  <Table.Th>{t('log.columns.hash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recordListField(one.data, 'log').map((event, index) => {
                  const type = textField(event, 'type') ?? '';
                  const recordedAt = textField(event, 'recordedAt');
                  return (
                    <Table.Tr key={index}>
                      <Table.Td>{t(`event.${type}`, { defaultValue: type })}</Table.Td>
                      <Table.Td>
                        {recordedAt ? <time dateTime={recordedAt}>{format.dateTime(recordedAt)}</time> : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
                          {textField(event, 'hash') ?? '—'}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/** The stream's state names the skip reason inside `skipped`; the proof's list has it flat. */
function flatOutcome(notification: Record<string, unknown>) {
  const skipped = recordField(notification, 'skipped');
  return { skipReason: skipped ? textField(skipped, 'reason') : undefined };
}
