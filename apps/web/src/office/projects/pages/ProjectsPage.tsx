import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useReferenceNames } from '../../../api/reference-data';
import { localizedField, textField, textListField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { ReferenceSelect } from '../../forms/ReferenceSelects';
import { isProjectStatus, PROJECT_STATUSES } from '../project-status';
import { projectsQuery, ProjectsSearch } from '../queries';
import { STRINGS } from '../strings';

const PAGE_SIZE = 20;
const FILTERS = ['region', 'province', 'sector', 'status', 'programme'] as const;

/** The filters live in the address: a shared link shows the same projects. */
function readFilters(params: URLSearchParams): ProjectsSearch {
  const search: ProjectsSearch = { pageSize: PAGE_SIZE };
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) search.page = page;
  for (const key of FILTERS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'status') {
      if (isProjectStatus(value)) search.status = value;
    } else search[key] = value;
  }
  return search;
}

/** The co-development projects the reader may see, by region, province, sector, status or programme. */
export function ProjectsPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const names = useReferenceNames();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const search = readFilters(params);
  const { data, isPending, isError } = useQuery(projectsQuery(search));

  const setFilter = (key: (typeof FILTERS)[number] | 'page', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('list.title')}</Title>
      <Text>{t('list.intro')}</Text>
      {hasRole('officer', 'auditor', 'admin') && (
        <Anchor component={Link} to="/office/projects/updates">
          {t('queue.link')}
        </Anchor>
      )}
      <Group align="flex-end" gap="sm" role="search" aria-label={t('list.filters')}>
        <ReferenceSelect
          kind="regions"
          label={t('list.region')}
          value={search.region ?? null}
          onChange={(v) => setFilter('region', v)}
        />
        <ReferenceSelect
          kind="provinces"
          label={t('list.province')}
          value={search.province ?? null}
          onChange={(v) => setFilter('province', v)}
        />
        <ReferenceSelect
          kind="sectors"
          label={t('list.sector')}
          value={search.sector ?? null}
          onChange={(v) => setFilter('sector', v)}
        />
        <NativeSelect
          label={t('list.status')}
          value={search.status ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('list.anyStatus') },
            ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <TextInput
          label={t('list.programme')}
          defaultValue={search.programme ?? ''}
          onBlur={(e) => setFilter('programme', e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilter('programme', e.currentTarget.value.trim());
          }}
        />
      </Group>
      {isPending && <Text>{t('loading')}</Text>}
      {isError && <Text c="red.9">{t('loadFailed')}</Text>}
      {data && data.items.length === 0 && <Text>{t('list.none')}</Text>}
      {data && data.items.length > 0 && (
        <>
          <Text size="sm">{t('list.count', { total: format.count(data.total) })}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.project')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  <Table.Th>{t('list.regions')}</Table.Th>
                  <Table.Th>{t('list.sectors')}</Table.Th>
                  <Table.Th>{t('list.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => {
                  const projectId = textField(item, 'projectId') ?? '';
                  const status = textField(item, 'status') ?? '';
                  const start = textField(item, 'plannedStart');
                  const end = textField(item, 'plannedEnd');
                  return (
                    <Table.Tr key={projectId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/office/projects/${encodeURIComponent(projectId)}`}>
                          {localizedField(item, 'title', language) ?? projectId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Text size="sm">{isProjectStatus(status) ? t(`status.${status}`) : status}</Text>
                          {textField(item, 'visibility') === 'public' && (
                            <Badge variant="outline" color="teal.9">
                              {t('visibility.public')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {textListField(item, 'regionCodes').map(names.regionName).join(', ')}
                      </Table.Td>
                      <Table.Td>
                        {textListField(item, 'sectorCodes').map(names.sectorName).join(', ')}
                      </Table.Td>
                      <Table.Td>
                        {start && end
                          ? t('list.dates', { start: format.date(start), end: format.date(end) })
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={search.page ?? 1}
              onChange={(page) => setFilter('page', page === 1 ? null : String(page))}
              getControlProps={(control) => ({ 'aria-label': t(`list.pagination.${control}`) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
