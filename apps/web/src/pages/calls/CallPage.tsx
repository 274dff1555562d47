import { Alert, Anchor, Badge, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { callQuery } from '../../api/queries';
import {
  ApiRecord,
  localizedField,
  moneyField,
  numberField,
  recordField,
  textField,
} from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';

/** One call for proposals: its terms as published (budget, deadline, award criteria). */
export function CallPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const callId = useParams()['callId'] ?? '';
  const call = useQuery(callQuery(callId));

  if (call.isPending) return <Loader aria-label={t('calls.loading')} />;
  if (call.isError)
    return (
      <Stack gap="sm">
        <Alert color="red" title={t('calls.notFound')} />
        <Anchor component={Link} to="/calls">
          {t('calls.back')}
        </Anchor>
      </Stack>
    );
  const record = call.data;
  const budget = moneyField(record, 'budget');
  const deadline = textField(record, 'deadline');
  const status = textField(record, 'status');
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/calls" size="sm">
          {t('calls.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'title', language) ?? callId}</Title>
          {status && <Badge>{t(`calls.status.${status}`, { defaultValue: status })}</Badge>}
        </Group>
      </div>
      <Text>{localizedField(record, 'summary', language)}</Text>
      <List spacing="xs">
        {budget && (
          <List.Item>
            {t('calls.budget', { amount: format.money(budget.amountMinor, budget.currency) })}
          </List.Item>
        )}
        {deadline && <List.Item>{t('calls.deadline', { date: format.dateTime(deadline) })}</List.Item>}
      </List>
      <Criteria call={record} />
    </Stack>
  );
}

function Criteria({ call }: { call: ApiRecord }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const award = recordField(call, 'awardCriteria');
  const criteria = Array.isArray(award?.['criteria']) ? (award['criteria'] as unknown[]) : [];
  const rows = criteria.filter((c): c is ApiRecord => c !== null && typeof c === 'object');
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="call-criteria">
      <Title order={2} size="h3" id="call-criteria" mb="sm">
        {t('calls.criteria.title')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calls.criteria.name')}</Table.Th>
            <Table.Th>{t('calls.criteria.weight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((criterion) => {
            const weight = numberField(criterion, 'weight');
            return (
              <Table.Tr key={textField(criterion, 'criterionId')}>
                <Table.Td>{localizedField(criterion, 'name', language) ?? '—'}</Table.Td>
                <Table.Td>{weight === undefined ? '—' : format.percent(weight)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
