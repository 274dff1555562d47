import { Alert, Anchor, Card, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { openCallsQuery } from '../../api/queries';
import { ApiRecord, localizedField, moneyField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { readSearch, writeSearch } from '../shared/search-params';

/** The calls for proposals open today (the API gives the public published calls before their deadline). */
export function OpenCallsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const { page } = readSearch(params, {});
  const calls = useQuery({ ...openCallsQuery(page), placeholderData: keepPreviousData });
  const pages = calls.data ? Math.ceil(calls.data.total / calls.data.pageSize) : 0;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('calls.title')}</Title>
        <Text c="dimmed">{t('calls.intro')}</Text>
      </div>
      {calls.isPending && <Loader aria-label={t('calls.loading')} />}
      {calls.isError && <Alert color="red" title={t('calls.error')} />}
      {calls.data?.items.length === 0 && <Text>{t('calls.none')}</Text>}
      {calls.data?.items.map((call) => (
        <CallCard key={textField(call, 'callId')} call={call} />
      ))}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(next) => setParams(writeSearch({ page: next }))}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(n) => ({ 'aria-label': t('pagination.page', { page: format.count(n) }) })}
        />
      )}
    </Stack>
  );
}

function CallCard({ call }: { call: ApiRecord }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const callId = textField(call, 'callId') ?? '';
  const budget = moneyField(call, 'budget');
  const deadline = textField(call, 'deadline');
  return (
    <Card withBorder padding="md" component="article">
      <Title order={2} size="h4">
        <Anchor component={Link} to={`/calls/${encodeURIComponent(callId)}`}>
          {localizedField(call, 'title', language) ?? callId}
        </Anchor>
      </Title>
      <Text size="sm" my="xs">
        {localizedField(call, 'summary', language)}
      </Text>
      <Text size="sm">
        {budget && t('calls.budget', { amount: format.money(budget.amountMinor, budget.currency) })}
        {budget && deadline && ' · '}
        {deadline && t('calls.deadline', { date: format.dateTime(deadline) })}
      </Text>
    </Card>
  );
}
