import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { networksControllerAddMember, networksControllerRemoveMember } from '../../../api/generated';
import { localizedField, textField, textListField } from '../../../api/record-fields';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { networkQuery } from '../queries';
import { errorAt } from '../shared/field-errors';
import { DoneNotice } from '../../forms/DoneNotice';
import { RegistryNav } from '../shared/RegistryNav';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

/** A network: its member associations, removing one, adding one by its id (If-Match: the revision read). */
export function NetworkPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const networkId = useParams()['networkId'] ?? '';
  const network = useQuery(networkQuery(networkId));
  const [added, setAdded] = useState('');
  const [memberDone, setMemberDone] = useState<'added' | 'removed' | null>(null);
  const revision = network.data?.revision;
  const reload = () => void network.refetch();
  const add = useRegistryCommand({
    ifMatch: revision,
    run: (associationId: string, headers) =>
      networksControllerAddMember({
        path: { networkId },
        body: { associationId },
        headers,
        throwOnError: true,
      }),
    onSuccess: () => {
      setAdded('');
      setMemberDone('added');
    },
  });
  const remove = useRegistryCommand({
    ifMatch: revision,
    run: (associationId: string, headers) =>
      networksControllerRemoveMember({ path: { networkId, associationId }, headers, throwOnError: true }),
    onSuccess: () => setMemberDone('removed'),
  });
  if (network.isPending) return <Loader aria-label={t('common.loading')} />;
  if (network.isError)
    return (
      <Stack gap="sm">
        <RegistryNav />
        <Title order={1}>{t('networks.notFound')}</Title>
      </Stack>
    );
  const { record } = network.data;
  const members = textListField(record, 'members');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMemberDone(null);
    void add.submit(added.trim());
  };
  return (
    <Stack gap="lg">
      <RegistryNav />
      <div>
        <Anchor component={Link} to="/office/registry/networks" size="sm">
          {t('networks.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'names', language) ?? networkId}</Title>
          <Badge color="gray.8">{t(`networks.kinds.${textField(record, 'kind') ?? 'network'}`)}</Badge>
        </Group>
      </div>
      <DoneNotice message={memberDone !== null && memberDone ? t(`networks.${memberDone}`) : ''} />
      <section aria-labelledby="network-members">
        <Stack gap="sm">
          <Title order={2} size="h3" id="network-members">
            {t('networks.members')}
          </Title>
          <CommandAlert command={remove} onReload={reload} />
          {members.length === 0 ? (
            <Text size="sm">{t('networks.noMembers')}</Text>
          ) : (
            <Table withTableBorder>
              <Table.Tbody>
                {members.map((associationId) => (
                  <Table.Tr key={associationId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/office/registry/associations/${encodeURIComponent(associationId)}`}
                        dir="ltr"
                      >
                        {associationId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red.9"
                        loading={remove.pending}
                        aria-label={t('networks.removeNamed', { id: associationId })}
                        onClick={() => {
                          setMemberDone(null);
                          void remove.submit(associationId);
                        }}
                      >
                        {t('networks.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </section>
      <form noValidate onSubmit={submit} aria-label={t('networks.add')}>
        <Stack gap="sm" maw={520}>
          <CommandAlert command={add} claimed={['/associationId']} onReload={reload} />
          <TextInput
            label={t('networks.associationId')}
            description={t('networks.associationIdHint')}
            dir="ltr"
            value={added}
            onChange={(event) => setAdded(event.currentTarget.value)}
            error={errorAt(add.problem, '/associationId')}
          />
          <Group>
            <Button type="submit" loading={add.pending}>
              {t('networks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
