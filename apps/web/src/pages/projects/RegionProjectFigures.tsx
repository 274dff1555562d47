import { SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiRecord, numberField, recordField, recordListField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { Figure } from '../shared/Figure';
import { budgetsOf } from './money-lines';
import { projectFiguresQuery } from './queries';
import { STRINGS } from './strings';

/** One line per status (a line each keeps Arabic and its digits in order). */
const byStatusLines = (record: ApiRecord, line: (status: string, n: number) => string) => {
  const counts = recordField(record, 'byStatus') ?? {};
  return Object.keys(counts)
    .sort()
    .flatMap((status) => {
      const n = numberField(counts, status);
      return n ? [line(status, n)] : [];
    })
    .map((text) => <div key={text}>{text}</div>);
};

/** GET /api/partnerships/figures: the published projects in all, and the regions that have some. */
export function RegionProjectFigures() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const figures = useQuery(projectFiguresQuery);
  if (!figures.data) return null;
  const data = figures.data as ApiRecord;
  const money = (record: ApiRecord) =>
    budgetsOf(record)
      .map((a) => format.money(a.amountMinor, a.currency))
      .join(' + ') || '—';
  const statusLine = (status: string, n: number) =>
    t('figures.statusCount', {
      status: t(`status.${status}`, { defaultValue: status }),
      count: format.count(n),
    });
  const regions = recordListField(data, 'regions').filter((r) => (numberField(r, 'projects') ?? 0) > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="projects-figures-title">
      <Title order={2} size="h3" id="projects-figures-title">
        {t('figures.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Figure label={t('figures.total')} value={format.count(numberField(data, 'projects') ?? 0)} />
        <Figure label={t('figures.budget')} value={money(data)} />
      </SimpleGrid>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('figures.region')}</Table.Th>
            <Table.Th>{t('figures.projects')}</Table.Th>
            <Table.Th>{t('figures.byStatus')}</Table.Th>
            <Table.Th>{t('figures.budget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((region) => {
            const names = recordField(region, 'names');
            return (
              <Table.Tr key={textField(region, 'region')}>
                <Table.Td>{(names && textField(names, language)) ?? textField(region, 'region')}</Table.Td>
                <Table.Td>{format.count(numberField(region, 'projects') ?? 0)}</Table.Td>
                <Table.Td>{byStatusLines(region, statusLine)}</Table.Td>
                <Table.Td>{money(region)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
