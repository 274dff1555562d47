import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { envelopesControllerClose } from '../../../api/generated';
import { ApiRecord, localizedField, moneyField, recordField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { BalanceBar } from '../components/BalanceBar';
import { DoneNotice } from '../../forms/DoneNotice';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { ReasonAction } from '../../forms/ReasonAction';
import { balanceOf } from '../envelope-balance';
import { envelopeQuery, FUNDING_KEY } from '../queries';
import { STRINGS } from '../strings';

/** One envelope: its balance, the awards committed on it, and what the officer may do with it. */
export function EnvelopePage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const envelopeId = useParams()['envelopeId'] ?? '';
  const envelope = useQuery(envelopeQuery(envelopeId));
  const [done, setDone] = useState<string | null>(null);
  const close = useCommand({
    run: async (body: { reason: string }, headers) =>
      (await envelopesControllerClose({ path: { envelopeId }, body, headers, throwOnError: true })).data,
    ifMatch: envelope.data?.revision,
    invalidates: [[...FUNDING_KEY, 'envelopes']],
    onSuccess: () => setDone(t('envelope.closed')),
  });

  if (!envelope.data)
    return (
      <Stack gap="md">
        <FundingNav />
        <QueryState query={envelope} />
      </Stack>
    );
  const record = envelope.data.record;
  const balance = balanceOf(record);
  const period = recordField(record, 'period');
  const status = textField(record, 'status');
  const money = (minor: bigint) => (balance ? format.money(minor, balance.currency) : '—');
  return (
    <Stack gap="md">
      <FundingNav />
      <Group gap="sm">
        <Title order={1}>{localizedField(record, 'name', language) ?? envelopeId}</Title>
        {status && <Badge>{t(`envelopes.status.${status}`, { defaultValue: status })}</Badge>}
      </Group>
      <DoneNotice message={done} />
      <List spacing={4}>
        <List.Item>{t('envelope.programme', { id: textField(record, 'programmeId') ?? '—' })}</List.Item>
        <List.Item>{t('envelope.funder', { id: textField(record, 'funderId') ?? '—' })}</List.Item>
        {period && (
          <List.Item>
            {t('envelope.period', {
              start: format.date(textField(period, 'start') ?? ''),
              end: format.date(textField(period, 'end') ?? ''),
            })}
          </List.Item>
        )}
        {balance && (
          <>
            <List.Item>{t('envelope.amount', { amount: money(balance.amount) })}</List.Item>
            <List.Item>{t('envelope.committed', { amount: money(balance.committed) })}</List.Item>
            <List.Item>{t('envelope.disbursed', { amount: money(balance.disbursed) })}</List.Item>
            <List.Item>
              {t('envelope.remaining', { amount: money(balance.amount - balance.committed) })}
            </List.Item>
          </>
        )}
      </List>
      {balance && <BalanceBar balance={balance} withLegend width={480} />}
      <Commitments envelope={record} />
      <Group gap="sm" align="flex-start">
        {status === 'open' && (
          <Button
            component={Link}
            to={`/office/funding/calls/new?envelopeId=${encodeURIComponent(envelopeId)}`}
          >
            {t('envelope.draftCall')}
          </Button>
        )}
        {status === 'open' && (
          <ReasonAction
            label={t('envelope.close')}
            warning={t('envelope.closeWarning')}
            reasonLabel={t('envelope.closeReason')}
            confirmLabel={t('envelope.closeConfirm')}
            command={close}
          />
        )}
      </Group>
    </Stack>
  );
}

function Commitments({ envelope }: { envelope: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const rows = Array.isArray(envelope['commitments'])
    ? envelope['commitments'].filter((c): c is ApiRecord => c !== null && typeof c === 'object')
    : [];
  const money = (record: ApiRecord, key: string) => {
    const value = moneyField(record, key);
    return value ? format.money(value.amountMinor, value.currency) : '—';
  };
  return (
    <section aria-labelledby="envelope-commitments">
      <Title order={2} size="h3" id="envelope-commitments" mb="sm">
        {t('envelope.commitments')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('envelope.noCommitments')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('envelope.columns.application')}</Table.Th>
              <Table.Th>{t('envelope.columns.status')}</Table.Th>
              <Table.Th>{t('envelope.columns.committed')}</Table.Th>
              <Table.Th>{t('envelope.columns.disbursed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((commitment) => {
              const id = textField(commitment, 'applicationId') ?? '';
              const status = textField(commitment, 'status');
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/office/funding/applications/${encodeURIComponent(id)}`}>
                      {id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {status && t(`envelope.commitmentStatus.${status}`, { defaultValue: status })}
                  </Table.Td>
                  <Table.Td>{money(commitment, 'committed')}</Table.Td>
                  <Table.Td>{money(commitment, 'disbursed')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
