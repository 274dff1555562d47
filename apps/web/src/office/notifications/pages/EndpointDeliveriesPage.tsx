import { Alert, Anchor, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { webhookEndpointsControllerReplay } from '../../../api/generated';
import { numberField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { NotificationsNav } from '../components/NotificationsNav';
import { OutcomeText } from '../components/OutcomeText';
import { deliveriesQuery, ENDPOINTS_KEY } from '../queries';
import { WEBHOOK_MANAGERS } from '../routes';
import { STRINGS } from '../strings';

/** Statuses a delivery can be replayed from: it ended (the platform sends it as its next attempt). */
const REPLAYABLE = ['delivered', 'failed'];

/** One endpoint's delivery log, newest first, with "replay" on the deliveries that ended. */
export function EndpointDeliveriesPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const session = useSession();
  const endpointId = useParams()['endpointId'] ?? '';
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const deliveries = useQuery(deliveriesQuery(endpointId, page));
  const follow = useFollowReadModels();
  const replay = useCommand({
    run: async (notificationId: string, headers) =>
      (
        await webhookEndpointsControllerReplay({
          path: { endpointId, notificationId },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...ENDPOINTS_KEY, endpointId]],
    onSuccess: () => {
      setDone(t('deliveries.replayed'));
      follow([[...ENDPOINTS_KEY, endpointId]]);
    },
  });
  const when = (value: string | undefined) =>
    value ? <time dateTime={value}>{format.dateTime(value)}</time> : '—';
  return (
    <Stack gap="md">
      <NotificationsNav />
      <Anchor component={Link} to="/office/notifications/webhooks" size="sm">
        {t('webhooks.back')}
      </Anchor>
      <Title order={1}>{t('deliveries.title')}</Title>
      <Text dir="ltr" c="dimmed">
        {endpointId}
      </Text>
      <DoneNotice message={done} />
      <CommandAlert command={replay} />
      {deliveries.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {deliveries.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {deliveries.data && deliveries.data.items.length === 0 && <Text>{t('deliveries.empty')}</Text>}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deliveries.columns.trigger')}</Table.Th>
                <Table.Th>{t('deliveries.columns.status')}</Table.Th>
                <Table.Th>{t('deliveries.columns.attempts')}</Table.Th>
                <Table.Th>{t('deliveries.columns.lastFailure')}</Table.Th>
                <Table.Th>{t('deliveries.columns.requestedAt')}</Table.Th>
                <Table.Th>{t('deliveries.columns.deliveredAt')}</Table.Th>
                <Table.Th>{t('deliveries.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.items.map((delivery) => {
                const id = textField(delivery, 'notificationId') ?? '';
                const trigger = textField(delivery, 'trigger') ?? '';
                const status = textField(delivery, 'status') ?? '';
                return (
                  <Table.Tr key={id}>
                    <Table.Td>{t(`trigger.${trigger}`, { defaultValue: trigger })}</Table.Td>
                    <Table.Td>
                      <OutcomeText notification={delivery} showFailure={false} />
                    </Table.Td>
                    <Table.Td>{format.count(numberField(delivery, 'attempts') ?? 0)}</Table.Td>
                    <Table.Td dir="ltr">{textField(delivery, 'lastFailure') ?? '—'}</Table.Td>
                    <Table.Td>{when(textField(delivery, 'requestedAt'))}</Table.Td>
                    <Table.Td>
                      {when(textField(delivery, 'deliveredAt') ?? textField(delivery, 'failedAt'))}
                    </Table.Td>
                    <Table.Td>
                      {session.hasRole(...WEBHOOK_MANAGERS) && REPLAYABLE.includes(status) && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={replay.pending}
                          onClick={() => void replay.submit(id)}
                        >
                          {t('deliveries.replay')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deliveries.data && <Pager page={deliveries.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
