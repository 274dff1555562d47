import { Alert, Anchor, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { localizedField, moneyField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { callsToDecideQuery } from './queries';
import { STRINGS } from './strings';

/** The committee's queue: the closed calls, each opening its ranking and decisions. */
export function CallsToDecidePage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const calls = useQuery(callsToDecideQuery(page));
  return (
    <Stack gap="md">
      <Title order={1}>{t('calls.title')}</Title>
      <Text>{t('calls.intro')}</Text>
      {calls.isPending ? (
        <Loader aria-label={tOffice('form.loading')} />
      ) : calls.isError ? (
        <Alert color="red" title={tOffice('form.loadError')} />
      ) : calls.data.items.length === 0 ? (
        <Text c="dimmed">{t('calls.empty')}</Text>
      ) : (
        <>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls.call')}</Table.Th>
                <Table.Th>{t('calls.budget')}</Table.Th>
                <Table.Th>{t('calls.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((call) => {
                const callId = textField(call, 'callId') ?? '';
                const title = localizedField(call, 'title', language) ?? callId;
                const budget = moneyField(call, 'budget');
                const deadline = textField(call, 'deadline');
                return (
                  <Table.Tr key={callId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/office/committee/calls/${encodeURIComponent(callId)}`}
                        aria-label={t('calls.open', { title })}
                      >
                        {title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{budget && format.money(budget.amountMinor, budget.currency)}</Table.Td>
                    <Table.Td>{deadline && format.dateTime(deadline)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {calls.data.total > calls.data.pageSize && (
            <Pagination
              total={Math.ceil(calls.data.total / calls.data.pageSize)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': tOffice(control === 'previous' ? 'form.previous' : 'form.next'),
              })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
