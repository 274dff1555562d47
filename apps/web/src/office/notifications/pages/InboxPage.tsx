import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { notificationsControllerRead } from '../../../api/generated';
import { textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { NotificationsNav } from '../components/NotificationsNav';
import { INBOX_KEY, inboxQuery } from '../queries';
import { STRINGS } from '../strings';

/** The signed-in account's in-app notices, newest first: what each says, when, read or not. */
export function InboxPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const inbox = useQuery(inboxQuery(page));
  const follow = useFollowReadModels();
  const markRead = useCommand({
    run: async (notificationId: string, headers) =>
      (await notificationsControllerRead({ path: { notificationId }, headers, throwOnError: true })).data,
    invalidates: [[...INBOX_KEY]],
    onSuccess: () => {
      setDone(t('inbox.marked'));
      // The inbox is a read model a moment behind the log.
      follow([[...INBOX_KEY]]);
    },
  });
  return (
    <Stack gap="md">
      <NotificationsNav />
      <Group gap="sm">
        <Title order={1}>{t('inbox.title')}</Title>
        {inbox.data && (
          <Badge color={inbox.data.unread > 0 ? 'red.9' : 'gray.8'} size="lg">
            {t('inbox.unread', { count: format.count(inbox.data.unread) })}
          </Badge>
        )}
      </Group>
      <DoneNotice message={done} />
      <CommandAlert command={markRead} />
      {inbox.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {inbox.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {inbox.data && inbox.data.items.length === 0 && <Text>{t('inbox.empty')}</Text>}
      {inbox.data && inbox.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.columns.subject')}</Table.Th>
                <Table.Th>{t('inbox.columns.trigger')}</Table.Th>
                <Table.Th>{t('inbox.columns.date')}</Table.Th>
                <Table.Th>{t('inbox.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inbox.data.items.map((item) => {
                const id = textField(item, 'notificationId') ?? '';
                const subject = textField(item, 'subject') ?? '—';
                const trigger = textField(item, 'trigger') ?? '';
                const at = textField(item, 'deliveredAt') ?? textField(item, 'requestedAt');
                const unread = !textField(item, 'readAt');
                return (
                  <Table.Tr key={id} fw={unread ? 700 : undefined}>
                    <Table.Td>{subject}</Table.Td>
                    <Table.Td>{t(`trigger.${trigger}`, { defaultValue: trigger })}</Table.Td>
                    <Table.Td>{at ? <time dateTime={at}>{format.dateTime(at)}</time> : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Badge color={unread ? 'blue.9' : 'gray.8'} style={{ flexShrink: 0 }}>
                          {unread ? t('inbox.new') : t('inbox.read')}
                        </Badge>
                        {unread && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('inbox.markReadOf', { subject })}
                            loading={markRead.pending}
                            onClick={() => void markRead.submit(id)}
                          >
                            {t('inbox.markRead')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {inbox.data && <Pager page={inbox.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
