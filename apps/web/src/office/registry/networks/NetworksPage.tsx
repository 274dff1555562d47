import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { networksControllerCreate } from '../../../api/generated';
import { localizedField, numberField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { localizedBody, LocalizedTextInputs, LocalizedTextValue } from '../../forms/LocalizedTextInputs';
import { networksQuery } from '../queries';
import { claimedUnder, errorAt } from '../shared/field-errors';
import { RegistryNav } from '../shared/RegistryNav';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

const PAGE_SIZE = 20;
type CreateBody = Parameters<typeof networksControllerCreate>[0]['body'];

/** Networks and federations of associations, and creating one (its page then takes members). */
export function NetworksPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const networks = useQuery({ ...networksQuery(page), placeholderData: keepPreviousData });
  const total = networks.data?.total ?? 0;
  return (
    <Stack gap="md">
      <RegistryNav />
      <div>
        <Title order={1}>{t('networks.title')}</Title>
        <Text c="dimmed">{t('networks.intro')}</Text>
      </div>
      {networks.isError && <Alert color="red" title={t('common.loadError')} />}
      <Table striped withTableBorder aria-busy={networks.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('networks.name')}</Table.Th>
            <Table.Th>{t('networks.kind')}</Table.Th>
            <Table.Th>{t('networks.members')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(networks.data?.items ?? []).map((network) => {
            const networkId = textField(network, 'networkId') ?? '';
            const members = numberField(network, 'memberCount');
            return (
              <Table.Tr key={networkId}>
                <Table.Td>
                  <Anchor component={Link} to={`/office/registry/networks/${encodeURIComponent(networkId)}`}>
                    {localizedField(network, 'names', language) ?? networkId}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`networks.kinds.${textField(network, 'kind') ?? 'network'}`)}</Table.Td>
                <Table.Td>{members === undefined ? '—' : format.count(members)}</Table.Td>
              </Table.Tr>
            );
          })}
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
      <CreateNetworkForm />
    </Stack>
  );
}

function CreateNetworkForm() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [networkId, setNetworkId] = useState('');
  const [kind, setKind] = useState<CreateBody['kind']>('network');
  const [names, setNames] = useState<LocalizedTextValue>({});
  const create = useRegistryCommand({
    run: (body: CreateBody, headers) => networksControllerCreate({ body, headers, throwOnError: true }),
    onSuccess: (result) => {
      const id = result.response.headers.get('location')?.split('/').pop();
      if (id) navigate(`/office/registry/networks/${id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.submit({
      ...(networkId.trim() && { networkId: networkId.trim() }),
      kind,
      names: localizedBody(names),
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('networks.create')}>
      <Fieldset legend={t('networks.create')}>
        <Stack gap="sm">
          <CommandAlert
            command={create}
            claimed={claimedUnder(create.problem, ['/networkId', '/kind', '/names'])}
          />
          <Group align="flex-start" grow>
            <TextInput
              label={t('networks.networkId')}
              description={t('register.associationIdHint')}
              dir="ltr"
              value={networkId}
              onChange={(event) => setNetworkId(event.currentTarget.value)}
              error={errorAt(create.problem, '/networkId')}
            />
            <NativeSelect
              label={t('networks.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as CreateBody['kind'])}
              data={(['network', 'federation'] as const).map((k) => ({
                value: k,
                label: t(`networks.kinds.${k}`),
              }))}
              error={errorAt(create.problem, '/kind')}
            />
          </Group>
          <LocalizedTextInputs
            legend={t('networks.names')}
            value={names}
            onChange={setNames}
            error={(pointer) => errorAt(create.problem, pointer)}
            pointer="/names"
          />
          <Group>
            <Button type="submit" loading={create.pending}>
              {t('networks.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
