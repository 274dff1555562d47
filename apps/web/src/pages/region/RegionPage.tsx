import { Alert, Anchor, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RegionAggregateDto } from '../../api/generated';
import { associationDirectoryQuery, regionFiguresQuery } from '../../api/queries';
import { useReferenceNames } from '../../api/reference-data';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { Figure } from '../shared/Figure';
import { byOriginProvince } from './origin-provinces';

/** The directory's largest page: the province counts read this many associations of the region. */
export const REGION_ASSOCIATIONS_READ = 100;

export const regionAssociationsQuery = (region: string) =>
  associationDirectoryQuery({ region, pageSize: REGION_ASSOCIATIONS_READ, sort: 'name', order: 'asc' });

/** One region: its verified associations by province of origin, its open needs by sector, their budget. */
export function RegionPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const code = useParams()['region'] ?? '';
  const figures = useQuery(regionFiguresQuery);
  const region = figures.data?.find((r) => r.region === code);

  if (figures.isPending) return <Loader aria-label={t('region.loading')} />;
  if (figures.isError) return <Alert color="red" title={t('region.error')} />;
  if (!region)
    return (
      <Stack gap="sm">
        <Title order={1}>{t('region.notFound')}</Title>
        <Anchor component={Link} to="/map">
          {t('region.backToMap')}
        </Anchor>
      </Stack>
    );
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/map" size="sm">
          {t('region.backToMap')}
        </Anchor>
        <Title order={1}>{region.names[language]}</Title>
      </div>
      <RegionFigures region={region} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <OriginProvinces region={region.region} />
        <NeedsBySector region={region} />
      </SimpleGrid>
    </Stack>
  );
}

function RegionFigures({ region }: { region: RegionAggregateDto }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const budget = Object.entries(region.openBudget)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => format.money(minor, currency));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Figure label={t('region.figures.associations')} value={format.count(region.associations)} />
      <Figure label={t('region.figures.openNeeds')} value={format.count(region.openNeeds)} />
      <Figure
        label={t('region.figures.openBudget')}
        value={budget.length ? budget.join(' · ') : t('region.figures.noBudget')}
      />
    </SimpleGrid>
  );
}

function OriginProvinces({ region }: { region: string }) {
  const { t } = useTranslation();
  const { provinceName } = useReferenceNames();
  const format = useFormatters();
  const associations = useQuery(regionAssociationsQuery(region));
  const rows = associations.data ? byOriginProvince(associations.data.items, region) : [];
  return (
    <section aria-labelledby="region-provinces">
      <Title order={2} size="h3" id="region-provinces" mb="sm">
        {t('region.provinces.title')}
      </Title>
      {associations.isPending && <Loader size="sm" aria-label={t('region.loading')} />}
      {associations.data && rows.length === 0 && <Text>{t('region.provinces.none')}</Text>}
      {rows.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('region.provinces.province')}</Table.Th>
              <Table.Th>{t('region.provinces.associations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.province ?? 'region'}>
                <Table.Td>
                  {row.province ? provinceName(row.province) : t('region.provinces.regionLevel')}
                </Table.Td>
                <Table.Td>{format.count(row.associations)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {associations.data && associations.data.total > associations.data.items.length && (
        <Text size="sm" c="dimmed">
          {t('region.provinces.partial', {
            read: format.count(associations.data.items.length),
            total: format.count(associations.data.total),
          })}
        </Text>
      )}
      <Anchor component={Link} to={`/associations?region=${region}`}>
        {t('region.provinces.directory')}
      </Anchor>
    </section>
  );
}

function NeedsBySector({ region }: { region: RegionAggregateDto }) {
  const { t } = useTranslation();
  const { sectorName } = useReferenceNames();
  const format = useFormatters();
  const sectors = Object.entries(region.openNeedsBySector).sort(
    ([a, x], [b, y]) => y - x || a.localeCompare(b),
  );
  return (
    <section aria-labelledby="region-sectors">
      <Title order={2} size="h3" id="region-sectors" mb="sm">
        {t('region.sectors.title')}
      </Title>
      {sectors.length === 0 ? (
        <Text>{t('region.sectors.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('region.sectors.sector')}</Table.Th>
              <Table.Th>{t('region.sectors.openNeeds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sectors.map(([sector, count]) => (
              <Table.Tr key={sector}>
                <Table.Td>{sectorName(sector)}</Table.Td>
                <Table.Td>{format.count(count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Anchor component={Link} to={`/needs?region=${region.region}`}>
        {t('region.sectors.catalogue')}
      </Anchor>
    </section>
  );
}
