import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  Pagination,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { needsCatalogueQuery } from '../../api/queries';
import { ApiRecord, localizedField, moneyField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { withFilter } from '../shared/search-params';
import { useReferenceNames } from '../../api/reference-data';
import { useRegionNames } from '../shared/use-region-names';
import {
  NEED_PRIORITIES,
  NEEDS_PAGE_SIZE,
  NeedsSearch,
  readNeedsSearch,
  toNeedsQuery,
  writeNeedsSearch,
} from './needs-search';

/** The regional needs catalogue: what the regions ask the diaspora's associations for (open needs). */
export function NeedsCataloguePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { regions } = useRegionNames();
  const [params, setParams] = useSearchParams();
  const search = readNeedsSearch(params);
  const go = (next: NeedsSearch) => setParams(writeNeedsSearch(next));
  const needs = useQuery({ ...needsCatalogueQuery(toNeedsQuery(search)), placeholderData: keepPreviousData });
  const pages = Math.ceil((needs.data?.total ?? 0) / NEEDS_PAGE_SIZE);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('needs.title')}</Title>
        <Text c="dimmed">{t('needs.intro')}</Text>
      </div>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('needs.filters')}>
        <NativeSelect
          label={t('needs.region')}
          data={[
            { value: '', label: t('needs.any') },
            ...regions.map((r) => ({ value: r.code, label: r.name })),
          ]}
          value={search.region ?? ''}
          onChange={(event) => go(withFilter(search, 'region', event.currentTarget.value || undefined))}
        />
        <NativeSelect
          label={t('needs.priority')}
          data={[
            { value: '', label: t('needs.any') },
            ...NEED_PRIORITIES.map((p) => ({ value: p, label: t(`needs.priorities.${p}`) })),
          ]}
          value={search.priority ?? ''}
          onChange={(event) =>
            go(
              withFilter(
                search,
                'priority',
                NEED_PRIORITIES.find((p) => p === event.currentTarget.value),
              ),
            )
          }
        />
      </Group>
      {needs.isPending && <Loader aria-label={t('needs.loading')} />}
      {needs.isError && <Alert color="red" title={t('needs.error')} />}
      {needs.data && (
        <Text size="sm" c="dimmed">
          {t('needs.total', { total: format.count(needs.data.total) })}
        </Text>
      )}
      {needs.data?.items.length === 0 && <Text>{t('needs.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {needs.data?.items.map((need) => (
          <NeedCard key={textField(need, 'needId')} need={need} />
        ))}
      </SimpleGrid>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={search.page}
          onChange={(page) => go({ ...search, page })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page: format.count(page) }) })}
        />
      )}
    </Stack>
  );
}

function NeedCard({ need }: { need: ApiRecord }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const { sectorName } = useReferenceNames();
  const budget = moneyField(need, 'estimatedBudget');
  const priority = textField(need, 'priority');
  const published = textField(need, 'publishedAt');
  const region = textField(need, 'region');
  return (
    <Card withBorder padding="md" component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4">
          {localizedField(need, 'title', language) ?? '—'}
        </Title>
        {priority && <Badge>{t(`needs.priorities.${priority}`, { defaultValue: priority })}</Badge>}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {[region && nameOf(region), textField(need, 'sector') && sectorName(textField(need, 'sector') ?? '')]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm">{localizedField(need, 'description', language)}</Text>
      <Group gap="lg" mt="sm">
        {budget && (
          <Text size="sm">
            {t('needs.budget')} <strong>{format.money(budget.amountMinor, budget.currency)}</strong>
          </Text>
        )}
        {published && (
          <Text size="sm" c="dimmed">
            {t('needs.published', { date: format.date(published) })}
          </Text>
        )}
      </Group>
    </Card>
  );
}
