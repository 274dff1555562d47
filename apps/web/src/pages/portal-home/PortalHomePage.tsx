import { Alert, Button, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AssociationFiguresDto, FundingFiguresDto, RegionAggregateDto } from '../../api/generated';
import { associationFiguresQuery, fundingFiguresQuery, regionFiguresQuery } from '../../api/queries';
import { useReferenceNames } from '../../api/reference-data';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { ProjectsHomeLink } from '../projects/nav/ProjectsHomeLink';
import { TrainingHomeLink } from '../training/nav/TrainingHomeLink';
import { Figure } from '../shared/Figure';
import { CountTable } from './CountTable';
import { needFigures } from './programme-figures';

/** Rows of the country and sector tables: the programme's main ones, not a long tail. */
const TOP = 10;

/** The public portal's home: the programme in figures, from the platform's public API. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const regions = useQuery(regionFiguresQuery);
  const associations = useQuery(associationFiguresQuery);
  const funding = useQuery(fundingFiguresQuery);
  const format = useFormatters();
  const failed = [regions, associations, funding].filter((query) => query.isError);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </div>
      <ProjectsHomeLink />
      <TrainingHomeLink />
      {(regions.isPending || associations.isPending) && <Loader aria-label={t('home.loading')} />}
      {failed.length > 0 && (
        <Alert color="red" title={t('home.error')}>
          <Button variant="light" onClick={() => failed.forEach((query) => void query.refetch())}>
            {t('home.retry')}
          </Button>
        </Alert>
      )}
      {regions.data && associations.data && (
        <>
          <Figures regions={regions.data} associations={associations.data} funding={funding.data} />
          <Text size="sm" c="dimmed">
            {t('home.updated', { date: format.dateTime(associations.dataUpdatedAt) })}
          </Text>
        </>
      )}
    </Stack>
  );
}

interface FiguresProps {
  regions: RegionAggregateDto[];
  associations: AssociationFiguresDto;
  /** Undefined while loading (or failed): its figures show an ellipsis. */
  funding: FundingFiguresDto | undefined;
}

function Figures({ regions, associations, funding }: FiguresProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { sectorName } = useReferenceNames();
  const needs = needFigures(regions);
  const moneyList = (amounts: { currency: string; amountMinor: string | bigint }[], none: string) =>
    amounts.length ? amounts.map((a) => format.money(a.amountMinor, a.currency)).join(' · ') : none;
  const awarded = funding
    ? moneyList(
        Object.entries(funding.awarded).map(([currency, amountMinor]) => ({ currency, amountMinor })),
        t('home.figures.noAward'),
      )
    : '…';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure label={t('home.figures.associations')} value={format.count(associations.associations)} />
        <Figure
          label={t('home.figures.regions')}
          value={format.count(Object.keys(associations.byOriginRegion).length)}
        />
        <Figure label={t('home.figures.openNeeds')} value={format.count(needs.openNeeds)} />
        <Figure label={t('home.figures.openCalls')} value={funding ? format.count(funding.openCalls) : '…'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('home.figures.awards')} value={funding ? format.count(funding.awards) : '…'} />
        <Figure label={t('home.figures.awarded')} value={awarded} />
        <Figure
          label={t('home.figures.openBudget')}
          value={moneyList(needs.openBudget, t('home.figures.noBudget'))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CountTable
          id="countries-title"
          title={t('home.countries.title')}
          nameHeader={t('home.countries.country')}
          countHeader={t('home.countries.associations')}
          counts={associations.byHostCountry}
          nameOf={format.country}
          limit={TOP}
        />
        <CountTable
          id="sectors-title"
          title={t('home.sectors.title')}
          nameHeader={t('home.sectors.sector')}
          countHeader={t('home.sectors.associations')}
          counts={associations.bySector}
          nameOf={sectorName}
          limit={TOP}
        />
      </SimpleGrid>
      <RegionTable regions={regions} associations={associations.byOriginRegion} />
    </>
  );
}

/** The map's regions: the associations counted by the figures, the open needs and their budget. */
function RegionTable({
  regions,
  associations,
}: {
  regions: RegionAggregateDto[];
  associations: Record<string, number>;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  return (
    <section aria-labelledby="regions-title">
      <Title order={2} id="regions-title" size="h3" mb="sm">
        {t('home.regions.title')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('home.regions.region')}</Table.Th>
            <Table.Th>{t('home.regions.associations')}</Table.Th>
            <Table.Th>{t('home.regions.openNeeds')}</Table.Th>
            <Table.Th>{t('home.regions.openBudget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((region) => (
            <Table.Tr key={region.region}>
              <Table.Td>{region.names[language]}</Table.Td>
              <Table.Td>{format.count(associations[region.region] ?? 0)}</Table.Td>
              <Table.Td>{format.count(region.openNeeds)}</Table.Td>
              <Table.Td>
                {Object.entries(region.openBudget)
                  .map(([currency, minor]) => format.money(minor, currency))
                  .join(' · ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
