import { Alert, Button, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegionAggregateDto } from '../../api/generated';
import { openCallsCountQuery, regionFiguresQuery } from '../../api/queries';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { Figure } from '../shared/Figure';
import { programmeFigures } from './programme-figures';

/** The public portal's home: the programme in figures, from the platform's public API. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const regions = useQuery(regionFiguresQuery);
  const openCalls = useQuery(openCallsCountQuery);
  const format = useFormatters();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </div>
      {regions.isPending && <Loader aria-label={t('home.loading')} />}
      {regions.isError && (
        <Alert color="red" title={t('home.error')}>
          <Button variant="light" onClick={() => void regions.refetch()}>
            {t('home.retry')}
          </Button>
        </Alert>
      )}
      {regions.data && <Figures regions={regions.data} openCalls={openCalls.data} />}
      {regions.data && (
        <Text size="sm" c="dimmed">
          {t('home.updated', { date: format.dateTime(regions.dataUpdatedAt) })}
        </Text>
      )}
    </Stack>
  );
}

function Figures({ regions, openCalls }: { regions: RegionAggregateDto[]; openCalls: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const figures = programmeFigures(regions);
  const budget = figures.openBudget.length
    ? figures.openBudget.map((b) => format.money(b.amountMinor, b.currency)).join(' · ')
    : t('home.figures.noBudget');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure label={t('home.figures.associations')} value={format.count(figures.associations)} />
        <Figure label={t('home.figures.regions')} value={format.count(figures.regionsWithAssociations)} />
        <Figure label={t('home.figures.openNeeds')} value={format.count(figures.openNeeds)} />
        <Figure
          label={t('home.figures.openCalls')}
          value={openCalls === undefined ? '…' : format.count(openCalls)}
        />
      </SimpleGrid>
      <Figure label={t('home.figures.openBudget')} value={budget} />
      <RegionTable regions={regions} />
    </>
  );
}

function RegionTable({ regions }: { regions: RegionAggregateDto[] }) {
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
              <Table.Td>{format.count(region.associations)}</Table.Td>
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
