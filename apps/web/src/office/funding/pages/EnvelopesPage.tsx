import { Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiRecord, localizedField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { BalanceBar } from '../components/BalanceBar';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { balanceOf } from '../envelope-balance';
import { envelopesQuery } from '../queries';
import { STRINGS } from '../strings';

const PAGE_SIZE = 20;

/** The budget envelopes: what each holds, has committed, has paid and has left. */
export function EnvelopesPage() {
  const { t } = useStrings(STRINGS);
  const [page, setPage] = useState(1);
  const envelopes = useQuery(envelopesQuery(page));
  return (
    <Stack gap="md">
      <FundingNav />
      <Group justify="space-between">
        <Title order={1}>{t('envelopes.title')}</Title>
        <Button component={Link} to="/office/funding/envelopes/new">
          {t('envelopes.open')}
        </Button>
      </Group>
      <Text>{t('envelopes.intro')}</Text>
      <QueryState query={envelopes} />
      {envelopes.data && (
        <>
          {envelopes.data.items.length === 0 ? (
            <Text c="dimmed">{t('envelopes.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('envelopes.columns.name')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.amount')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.committed')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.disbursed')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.remaining')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.chart')}</Table.Th>
                    <Table.Th>{t('envelopes.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {envelopes.data.items.map((item) => (
                    <EnvelopeRow key={textField(item, 'envelopeId')} envelope={item} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {envelopes.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(envelopes.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`pages.${control}`) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function EnvelopeRow({ envelope }: { envelope: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const id = textField(envelope, 'envelopeId') ?? '';
  const balance = balanceOf(envelope);
  const money = (minor: bigint) => (balance ? format.money(minor, balance.currency) : '—');
  const status = textField(envelope, 'status');
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/office/funding/envelopes/${encodeURIComponent(id)}`}>
          {localizedField(envelope, 'name', language) ?? id}
        </Anchor>
        <Text size="xs" c="dimmed">
          {textField(envelope, 'programmeId')}
        </Text>
      </Table.Td>
      <Table.Td>{balance && money(balance.amount)}</Table.Td>
      <Table.Td>{balance && money(balance.committed)}</Table.Td>
      <Table.Td>{balance && money(balance.disbursed)}</Table.Td>
      <Table.Td>{balance && money(balance.amount - balance.committed)}</Table.Td>
      <Table.Td>{balance && <BalanceBar balance={balance} width={140} />}</Table.Td>
      <Table.Td>{status && t(`envelopes.status.${status}`, { defaultValue: status })}</Table.Td>
    </Table.Tr>
  );
}
