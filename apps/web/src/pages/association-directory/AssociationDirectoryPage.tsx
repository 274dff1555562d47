import {
  Alert,
  Button,
  Group,
  Pagination,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { associationDirectoryQuery } from '../../api/queries';
import { ApiRecord, localizedField, numberField, textField, textListField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { withFilter } from '../shared/search-params';
import { useReferenceNames } from '../../api/reference-data';
import { useRegionNames } from '../shared/use-region-names';
import {
  DIRECTORY_PAGE_SIZE,
  DirectorySearch,
  HOST_COUNTRIES,
  readDirectorySearch,
  toDirectoryQuery,
  writeDirectorySearch,
} from './directory-search';

/** The directory of verified associations: filters, free text and page, all in the address. */
export function AssociationDirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readDirectorySearch(params);
  const go = (next: DirectorySearch) => setParams(writeDirectorySearch(next));
  const directory = useQuery({
    ...associationDirectoryQuery(toDirectoryQuery(search)),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('directory.title')}</Title>
        <Text c="dimmed">{t('directory.intro')}</Text>
      </div>
      <Filters key={search.text ?? ''} search={search} onChange={go} />
      {directory.isError && <Alert color="red" title={t('directory.error')} />}
      <Results
        items={directory.data?.items ?? []}
        total={directory.data?.total ?? 0}
        fetching={directory.isFetching}
        page={search.page}
        onPage={(page) => go({ ...search, page })}
      />
    </Stack>
  );
}

function Filters({ search, onChange }: { search: DirectorySearch; onChange(next: DirectorySearch): void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { regions } = useRegionNames();
  const { sectors } = useReferenceNames();
  const [text, setText] = useState(search.text ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(withFilter(search, 'text', text.trim().slice(0, 100)));
  };
  return (
    <form role="search" aria-label={t('directory.filters')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('directory.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={100}
        />
        <Button type="submit">{t('directory.search')}</Button>
        <NativeSelect
          label={t('directory.region')}
          data={[
            { value: '', label: t('directory.any') },
            ...regions.map((r) => ({ value: r.code, label: r.name })),
          ]}
          value={search.region ?? ''}
          onChange={(event) => onChange(withFilter(search, 'region', event.currentTarget.value || undefined))}
        />
        <NativeSelect
          label={t('directory.hostCountry')}
          data={[
            { value: '', label: t('directory.any') },
            ...HOST_COUNTRIES.map((code) => ({ value: code, label: format.country(code) })),
          ]}
          value={search.hostCountry ?? ''}
          onChange={(event) =>
            onChange(withFilter(search, 'hostCountry', event.currentTarget.value || undefined))
          }
        />
        <NativeSelect
          label={t('directory.sector')}
          data={[{ value: '', label: t('directory.any') }, ...sectors]}
          value={search.sector ?? ''}
          onChange={(event) => onChange(withFilter(search, 'sector', event.currentTarget.value || undefined))}
        />
      </Group>
    </form>
  );
}

function Results(props: {
  items: ApiRecord[];
  total: number;
  fetching: boolean;
  page: number;
  onPage(page: number): void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const { sectorName } = useReferenceNames();
  const pages = Math.ceil(props.total / DIRECTORY_PAGE_SIZE);
  const from = (props.page - 1) * DIRECTORY_PAGE_SIZE + 1;
  return (
    <Stack gap="sm" aria-busy={props.fetching}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.columns.name')}</Table.Th>
            <Table.Th>{t('directory.columns.hostCountries')}</Table.Th>
            <Table.Th>{t('directory.columns.originRegions')}</Table.Th>
            <Table.Th>{t('directory.columns.sectors')}</Table.Th>
            <Table.Th>{t('directory.columns.members')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((record) => {
            const acronym = textField(record, 'acronym');
            const name = localizedField(record, 'names', language) ?? '—';
            const members = numberField(record, 'members');
            const regions = [
              ...new Set([
                ...textListField(record, 'originRegions'),
                ...textListField(record, 'originProvinceRegions'),
              ]),
            ].sort();
            return (
              <Table.Tr key={textField(record, 'associationId')}>
                <Table.Td>{acronym ? `${name} (${acronym})` : name}</Table.Td>
                <Table.Td>
                  {textListField(record, 'hostCountries').map(format.country).join(', ') || '—'}
                </Table.Td>
                <Table.Td>{regions.map(nameOf).join(', ') || '—'}</Table.Td>
                <Table.Td>{textListField(record, 'sectors').map(sectorName).join(', ') || '—'}</Table.Td>
                <Table.Td>{members === undefined ? '—' : format.count(members)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!props.fetching && props.items.length === 0 && <Text>{t('directory.none')}</Text>}
      {props.items.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('directory.range', {
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
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page: format.count(page) }) })}
        />
      )}
    </Stack>
  );
}
