import { Anchor, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRecord, localizedField, textField, textListField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { useRegionNames } from '../shared/use-region-names';
import { totalsOf } from './money-lines';
import { OrganisationName } from './OrganisationName';
import { PROJECTS_PAGE_SIZE } from './queries';
import { STRINGS } from './strings';

/** The published projects matching the filters, a page at a time, each linked to its page. */
export function ProjectsList(props: {
  items: ApiRecord[];
  total: number;
  fetching: boolean;
  page: number;
  onPage(page: number): void;
}) {
  const { t } = useStrings(STRINGS);
  // The portal's own pagination labels.
  const { t: tApp } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const pages = Math.ceil(props.total / PROJECTS_PAGE_SIZE);
  const from = (props.page - 1) * PROJECTS_PAGE_SIZE + 1;
  return (
    <Stack gap="sm" component="section" aria-labelledby="projects-list-title" aria-busy={props.fetching}>
      <Title order={2} size="h3" id="projects-list-title">
        {t('list.title')}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.project')}</Table.Th>
            <Table.Th>{t('list.carrier')}</Table.Th>
            <Table.Th>{t('list.regions')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
            <Table.Th>{t('list.budget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((record) => {
            const projectId = textField(record, 'projectId') ?? '';
            const carrierId = textField(record, 'carrierId');
            const status = textField(record, 'status');
            return (
              <Table.Tr key={projectId} data-project={projectId}>
                <Table.Td>
                  <Anchor component={Link} to={`/projects/${encodeURIComponent(projectId)}`}>
                    {localizedField(record, 'title', language) ?? projectId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{carrierId ? <OrganisationName id={carrierId} /> : '—'}</Table.Td>
                <Table.Td>{textListField(record, 'regionCodes').map(nameOf).join(', ') || '—'}</Table.Td>
                <Table.Td>{status ? t(`status.${status}`, { defaultValue: status }) : '—'}</Table.Td>
                <Table.Td>
                  {totalsOf(record, 'budget')
                    .map((a) => format.money(a.amountMinor, a.currency))
                    .join(' + ') || '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!props.fetching && props.items.length === 0 && <Text>{t('list.none')}</Text>}
      {props.items.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('list.range', {
            from: format.count(from),
            to: format.count(from + props.items.length - 1),
            total: format.count(props.total),
          })}
        </Text>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={props.page}
          onChange={props.onPage}
          getControlProps={(control) => ({ 'aria-label': tApp(`pagination.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': tApp('pagination.page', { page: format.count(page) }) })}
        />
      )}
    </Stack>
  );
}
