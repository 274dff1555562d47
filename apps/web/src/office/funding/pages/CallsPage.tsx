import { Anchor, Button, Group, NativeSelect, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiRecord, localizedField, moneyField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { CallStatusFilter, officerCallsQuery } from '../queries';
import { STRINGS } from '../strings';

const PAGE_SIZE = 20;
const STATUSES = ['draft', 'published', 'closed'] as const;

/** Every call, drafts included, each with the next thing the officer does with it. */
export function CallsPage() {
  const { t } = useStrings(STRINGS);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<CallStatusFilter>(undefined);
  const calls = useQuery(officerCallsQuery(page, status));
  return (
    <Stack gap="md">
      <FundingNav />
      <Group justify="space-between">
        <Title order={1}>{t('calls.title')}</Title>
        <Button component={Link} to="/office/funding/calls/new">
          {t('calls.draft')}
        </Button>
      </Group>
      <NativeSelect
        label={t('calls.filter')}
        maw={260}
        value={status ?? ''}
        onChange={(event) => {
          setPage(1);
          setStatus((event.currentTarget.value || undefined) as CallStatusFilter);
        }}
        data={[
          { value: '', label: t('calls.all') },
          ...STATUSES.map((value) => ({ value, label: t(`callStatus.${value}`) })),
        ]}
      />
      <QueryState query={calls} />
      {calls.data &&
        (calls.data.items.length === 0 ? (
          <Text c="dimmed">{t('calls.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calls.columns.title')}</Table.Th>
                  <Table.Th>{t('calls.columns.status')}</Table.Th>
                  <Table.Th>{t('calls.columns.budget')}</Table.Th>
                  <Table.Th>{t('calls.columns.deadline')}</Table.Th>
                  <Table.Th>{t('calls.columns.next')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calls.data.items.map((call) => (
                  <CallRow key={textField(call, 'callId')} call={call} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      {calls.data && calls.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(calls.data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`pages.${control}`) })}
        />
      )}
    </Stack>
  );
}

function CallRow({ call }: { call: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const id = textField(call, 'callId') ?? '';
  const status = textField(call, 'status') ?? '';
  const budget = moneyField(call, 'budget');
  const deadline = textField(call, 'deadline');
  const base = `/office/funding/calls/${encodeURIComponent(id)}`;
  const next =
    status === 'draft'
      ? { to: base, label: t('calls.next.draft') }
      : status === 'published'
        ? { to: base, label: t('calls.next.published') }
        : { to: `${base}/applications`, label: t('calls.next.closed') };
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={base}>
          {localizedField(call, 'title', language) ?? id}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`callStatus.${status}`, { defaultValue: status })}</Table.Td>
      <Table.Td>{budget ? format.money(budget.amountMinor, budget.currency) : '—'}</Table.Td>
      <Table.Td>{deadline ? format.dateTime(deadline) : '—'}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={next.to}>
          {next.label}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
