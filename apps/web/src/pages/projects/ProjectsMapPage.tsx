import { Alert, Anchor, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useReferenceNames } from '../../api/reference-data';
import { useStrings } from '../../i18n/strings';
import { withFilter } from '../shared/search-params';
import { useRegionNames } from '../shared/use-region-names';
import { IATI_ACTIVITIES_URL } from './iati';
import { loadProjectsMapBase } from './map-base';
import { projectsLayer } from './map-features';
import {
  ACTIVITY_STATUSES,
  ProjectsSearch,
  readProjectsSearch,
  writeProjectsSearch,
} from './project-filters';
import { ProjectsList } from './ProjectsList';
import { ProjectsMap } from './ProjectsMap';
import { projectsMapQuery, publicProjectsQuery } from './queries';
import { RegionProjectFigures } from './RegionProjectFigures';
import { STRINGS } from './strings';

const mapBaseQuery = {
  queryKey: ['map', 'projects-base'] as const,
  queryFn: loadProjectsMapBase,
  staleTime: Infinity,
};

/** The public map of the co-development projects: filters, map, list and figures per region. */
export function ProjectsMapPage() {
  const { t } = useStrings(STRINGS);
  const [params, setParams] = useSearchParams();
  const search = readProjectsSearch(params);
  const go = (next: ProjectsSearch) => setParams(writeProjectsSearch(next));
  const base = useQuery(mapBaseQuery);
  const layer = useQuery({ ...projectsMapQuery(search), placeholderData: keepPreviousData });
  const list = useQuery({ ...publicProjectsQuery(search, search.page), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('map.title')}</Title>
        <Text c="dimmed">{t('map.intro')}</Text>
      </div>
      <Filters search={search} onChange={go} />
      {(base.isPending || layer.isPending) && <Loader aria-label={t('map.loading')} />}
      {(base.isError || layer.isError || list.isError) && <Alert color="red" title={t('map.error')} />}
      {base.data && layer.data !== undefined && (
        <ProjectsMap
          base={base.data}
          layer={projectsLayer(layer.data)}
          onRegion={(region) => go(withFilter(search, 'region', region))}
        />
      )}
      <ProjectsList
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        fetching={list.isFetching}
        page={search.page}
        onPage={(page) => go({ ...search, page })}
      />
      <RegionProjectFigures />
      <Text size="sm">
        <Anchor href={IATI_ACTIVITIES_URL}>{t('map.iati')}</Anchor>
      </Text>
    </Stack>
  );
}

function Filters({ search, onChange }: { search: ProjectsSearch; onChange(next: ProjectsSearch): void }) {
  const { t } = useStrings(STRINGS);
  const { regions } = useRegionNames();
  const { sectors } = useReferenceNames();
  const any = { value: '', label: t('map.any') };
  return (
    <form role="search" aria-label={t('map.filters')} onSubmit={(event) => event.preventDefault()}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('map.region')}
          data={[any, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
          value={search.region ?? ''}
          onChange={(event) => onChange(withFilter(search, 'region', event.currentTarget.value || undefined))}
        />
        <NativeSelect
          label={t('map.sector')}
          data={[any, ...sectors]}
          value={search.sector ?? ''}
          onChange={(event) => onChange(withFilter(search, 'sector', event.currentTarget.value || undefined))}
        />
        <NativeSelect
          label={t('map.status')}
          data={[any, ...ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          value={search.status ?? ''}
          onChange={(event) => onChange(withFilter(search, 'status', event.currentTarget.value || undefined))}
        />
      </Group>
    </form>
  );
}
