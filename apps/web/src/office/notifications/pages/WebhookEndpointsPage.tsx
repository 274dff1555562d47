import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { textField, textListField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { DoneNotice } from '../../forms/DoneNotice';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { EndpointActions } from '../components/EndpointActions';
import { NotificationsNav } from '../components/NotificationsNav';
import { RegisterEndpointForm } from '../components/RegisterEndpointForm';
import { SecretOnce } from '../components/SecretOnce';
import { endpointsQuery } from '../queries';
import { WEBHOOK_MANAGERS } from '../routes';
import { STRINGS } from '../strings';

/**
 * An organisation's webhook endpoints (officers, the admin and auditors: every organisation's),
 * their state and actions, and the registration form; a secret the platform just gave is shown here once.
 */
export function WebhookEndpointsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const session = useSession();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ secret: string; message: string } | null>(null);
  const endpoints = useQuery(endpointsQuery(page));
  const onDone = (message: string) => {
    setSecret(null);
    setDone(message);
  };
  const onSecret = (value: string, message: string) => {
    setDone(null);
    setSecret({ secret: value, message });
  };
  return (
    <Stack gap="md">
      <NotificationsNav />
      <Title order={1}>{t('webhooks.title')}</Title>
      <Text>{t('webhooks.intro')}</Text>
      <DoneNotice message={done} />
      {secret && <SecretOnce secret={secret.secret} message={secret.message} />}
      {endpoints.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {endpoints.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {endpoints.data && endpoints.data.items.length === 0 && <Text>{t('webhooks.empty')}</Text>}
      {endpoints.data && endpoints.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.columns.url')}</Table.Th>
                <Table.Th>{t('webhooks.columns.description')}</Table.Th>
                <Table.Th>{t('webhooks.columns.triggers')}</Table.Th>
                <Table.Th>{t('webhooks.columns.status')}</Table.Th>
                <Table.Th>{t('webhooks.columns.registeredAt')}</Table.Th>
                <Table.Th>{t('webhooks.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.data.items.map((endpoint) => {
                const id = textField(endpoint, 'endpointId') ?? '';
                const status = textField(endpoint, 'status') ?? '';
                const reason = textField(endpoint, 'disabledReason');
                const failingSince = textField(endpoint, 'failingSince');
                const registeredAt = textField(endpoint, 'registeredAt');
                return (
                  <Table.Tr key={id}>
                    <Table.Td dir="ltr" style={{ wordBreak: 'break-all' }}>
                      {textField(endpoint, 'url')}
                    </Table.Td>
                    <Table.Td>{textField(endpoint, 'description')}</Table.Td>
                    <Table.Td>
                      {textListField(endpoint, 'triggers')
                        .map((trigger) => t(`trigger.${trigger}`, { defaultValue: trigger }))
                        .join(' · ')}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={status === 'enabled' ? 'teal.9' : 'gray.8'}>
                        {t(`webhooks.status.${status}`, { defaultValue: status })}
                      </Badge>
                      {reason && (
                        <Text size="sm">
                          {t(`webhooks.disabledReason.${reason}`, { defaultValue: reason })}
                        </Text>
                      )}
                      {failingSince && (
                        <Text size="sm">
                          {t('webhooks.failingSince', { date: format.dateTime(failingSince) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {registeredAt ? <time dateTime={registeredAt}>{format.date(registeredAt)}</time> : '—'}
                    </Table.Td>
                    <Table.Td>
                      <EndpointActions endpoint={endpoint} onDone={onDone} onSecret={onSecret} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {endpoints.data && <Pager page={endpoints.data} value={page} onChange={setPage} />}
      {session.hasRole(...WEBHOOK_MANAGERS) && (
        <RegisterEndpointForm onRegistered={(value) => onSecret(value, t('webhooks.registered'))} />
      )}
    </Stack>
  );
}
