import { Alert, NativeSelect, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { localizedField, textField, textListField } from '../../../api/record-fields';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { actorsQuery, ActorsQuery } from '../queries';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { STRINGS } from '../strings';
import { ACTOR_KINDS, RegisterActorForm } from './RegisterActorForm';

const PAGE_SIZE = 20;

/** The programme's actors (ministry, agencies, CRIs, funders, councils) and registering one. */
export function ActorsPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const { nameOf } = useRegionNames();
  const [kind, setKind] = useState<NonNullable<ActorsQuery['kind']> | ''>('');
  const [page, setPage] = useState(1);
  const query: ActorsQuery = { page, pageSize: PAGE_SIZE, ...(kind && { kind }) };
  const actors = useQuery({ ...actorsQuery(query), placeholderData: keepPreviousData });
  const total = actors.data?.total ?? 0;
  return (
    <Stack gap="md">
      <RegistryNav />
      <div>
        <Title order={1}>{t('actors.title')}</Title>
        <Text c="dimmed">{t('actors.intro')}</Text>
      </div>
      <NativeSelect
        label={t('actors.kind')}
        w={300}
        value={kind}
        onChange={(event) => {
          setKind(ACTOR_KINDS.find((k) => k === event.currentTarget.value) ?? '');
          setPage(1);
        }}
        data={[
          { value: '', label: t('common.any') },
          ...ACTOR_KINDS.map((k) => ({ value: k, label: t(`actors.kinds.${k}`) })),
        ]}
      />
      {actors.isError && <Alert color="red" title={t('common.loadError')} />}
      <Table striped withTableBorder aria-busy={actors.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('actors.name')}</Table.Th>
            <Table.Th>{t('actors.kind')}</Table.Th>
            <Table.Th>{t('actors.regions')}</Table.Th>
            <Table.Th>{t('actors.sectors')}</Table.Th>
            <Table.Th>{t('actors.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(actors.data?.items ?? []).map((actor) => (
            <Table.Tr key={textField(actor, 'actorId')}>
              <Table.Td>{localizedField(actor, 'names', language) ?? textField(actor, 'actorId')}</Table.Td>
              <Table.Td>
                {t(`actors.kinds.${textField(actor, 'kind') ?? ''}`, {
                  defaultValue: textField(actor, 'kind'),
                })}
              </Table.Td>
              <Table.Td>
                {textListField(actor, 'regions').map(nameOf).join(', ') || t('actors.wholeCountry')}
              </Table.Td>
              <Table.Td>{textListField(actor, 'sectors').join(', ') || '—'}</Table.Td>
              <Table.Td>
                <StatusBadge status={actor['active'] === false ? 'inactive' : 'active'} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        />
      )}
      <RegisterActorForm />
    </Stack>
  );
}
