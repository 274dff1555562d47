import { Alert, Anchor, Group, NativeSelect, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { localizedField, moneyField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { needsQuery, NeedsQuery } from '../queries';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { STRINGS } from '../strings';

export const NEED_STATUSES = ['open', 'matched', 'addressed', 'withdrawn'] as const;
const PAGE_SIZE = 20;
type NeedStatus = (typeof NEED_STATUSES)[number];
const isNeedStatus = (value: string | null): value is NeedStatus =>
  NEED_STATUSES.includes(value as NeedStatus);

/** Every regional need, whatever its status; each opens on its matches. */
export function NeedsPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { regions, nameOf } = useRegionNames();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const region = params.get('region') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: NeedsQuery = {
    page,
    pageSize: PAGE_SIZE,
    ...(isNeedStatus(status) && { status }),
    ...(/^MA-\d{2}$/.test(region) && { region }),
  };
  const needs = useQuery({ ...needsQuery(query), placeholderData: keepPreviousData });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const total = needs.data?.total ?? 0;
  return (
    <Stack gap="md">
      <RegistryNav />
      <div>
        <Title order={1}>{t('needs.title')}</Title>
        <Text c="dimmed">{t('needs.intro')}</Text>
      </div>
      <Group align="flex-end">
        <NativeSelect
          label={t('needs.status')}
          value={isNeedStatus(status) ? status : ''}
          onChange={(event) => set('status', event.currentTarget.value)}
          data={[
            { value: '', label: t('common.any') },
            ...NEED_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('needs.region')}
          value={region}
          onChange={(event) => set('region', event.currentTarget.value)}
          data={[
            { value: '', label: t('common.any') },
            ...regions.map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
      </Group>
      {needs.isError && <Alert color="red" title={t('common.loadError')} />}
      <Table striped withTableBorder aria-busy={needs.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('needs.need')}</Table.Th>
            <Table.Th>{t('needs.region')}</Table.Th>
            <Table.Th>{t('needs.sector')}</Table.Th>
            <Table.Th>{t('needs.priority')}</Table.Th>
            <Table.Th>{t('needs.budget')}</Table.Th>
            <Table.Th>{t('needs.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(needs.data?.items ?? []).map((need) => {
            const needId = textField(need, 'needId') ?? '';
            const budget = moneyField(need, 'estimatedBudget');
            const priority = textField(need, 'priority');
            return (
              <Table.Tr key={needId}>
                <Table.Td>
                  <Anchor component={Link} to={`/office/registry/needs/${encodeURIComponent(needId)}`}>
                    {localizedField(need, 'title', language) ?? needId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{nameOf(textField(need, 'region') ?? '')}</Table.Td>
                <Table.Td>{textField(need, 'sector') ?? '—'}</Table.Td>
                <Table.Td>{priority ? t(`needs.priorities.${priority}`) : '—'}</Table.Td>
                <Table.Td>{budget ? format.money(budget.amountMinor, budget.currency) : '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={textField(need, 'status')} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {needs.isSuccess && total === 0 && <Text>{t('needs.none')}</Text>}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(next) => set('page', String(next))}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        />
      )}
    </Stack>
  );
}
