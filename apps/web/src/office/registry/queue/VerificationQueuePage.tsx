import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { associationsControllerVerify } from '../../../api/generated';
import { ApiRecord, localizedField, textField, textListField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { associationQuery, associationsQuery, AssociationsQuery } from '../queries';
import { DoneNotice } from '../../forms/DoneNotice';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

export const ASSOCIATION_STATUSES = [
  'submitted',
  'verified',
  'rejected',
  'suspended',
  'dissolved',
  'merged',
] as const;
const PAGE_SIZE = 20;

type Status = (typeof ASSOCIATION_STATUSES)[number];
const isStatus = (value: string | null): value is Status => ASSOCIATION_STATUSES.includes(value as Status);

/**
 * The officer's queue: associations awaiting verification first (`?status=` picks another status,
 * `all` every one), each with its next action: open its record, or verify it as read.
 */
export function VerificationQueuePage() {
  const { t } = useStrings(STRINGS);
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: Status | undefined =
    statusParam === 'all' ? undefined : isStatus(statusParam) ? statusParam : 'submitted';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: AssociationsQuery = { page, pageSize: PAGE_SIZE, ...(status && { status }) };
  const list = useQuery({ ...associationsQuery(query), placeholderData: keepPreviousData });
  const go = (next: { status?: string; page?: number }) => {
    const out = new URLSearchParams();
    const nextStatus = next.status ?? statusParam ?? 'submitted';
    if (nextStatus !== 'submitted') out.set('status', nextStatus);
    if ((next.page ?? 1) > 1) out.set('page', String(next.page));
    setParams(out);
  };
  const total = list.data?.total ?? 0;
  const [verified, setVerified] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <RegistryNav />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('queue.title')}</Title>
          <Text c="dimmed">{t('queue.intro')}</Text>
        </div>
        <Button component={Link} to="/office/registry/associations/new">
          {t('queue.register')}
        </Button>
      </Group>
      <NativeSelect
        label={t('queue.status')}
        w={260}
        value={status ?? 'all'}
        onChange={(event) => go({ status: event.currentTarget.value })}
        data={[
          ...ASSOCIATION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
          { value: 'all', label: t('queue.allStatuses') },
        ]}
      />
      <DoneNotice message={verified !== null && t('queue.verified', { name: verified })} />
      {list.isError && <Alert color="red" title={t('common.loadError')} />}
      <Table striped withTableBorder aria-busy={list.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.columns.name')}</Table.Th>
            <Table.Th>{t('queue.columns.hostCountries')}</Table.Th>
            <Table.Th>{t('queue.columns.registeredAt')}</Table.Th>
            <Table.Th>{t('queue.columns.status')}</Table.Th>
            <Table.Th>{t('queue.columns.next')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((item) => (
            <QueueRow key={textField(item, 'associationId')} item={item} onVerified={setVerified} />
          ))}
        </Table.Tbody>
      </Table>
      {list.isSuccess && total === 0 && <Text>{t('queue.none')}</Text>}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(next) => go({ page: next })}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        />
      )}
    </Stack>
  );
}

function QueueRow({ item, onVerified }: { item: ApiRecord; onVerified(name: string): void }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const associationId = textField(item, 'associationId') ?? '';
  const name = localizedField(item, 'names', language) ?? associationId;
  const registeredAt = textField(item, 'registeredAt');
  const status = textField(item, 'status');
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/office/registry/associations/${encodeURIComponent(associationId)}`}>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>{textListField(item, 'hostCountries').map(format.country).join(', ') || '—'}</Table.Td>
      <Table.Td>{registeredAt ? format.date(registeredAt) : '—'}</Table.Td>
      <Table.Td>
        <StatusBadge status={status} />
      </Table.Td>
      <Table.Td>
        {status === 'submitted' ? (
          <VerifyFromQueue associationId={associationId} name={name} onVerified={onVerified} />
        ) : (
          <Anchor component={Link} to={`/office/registry/associations/${encodeURIComponent(associationId)}`}>
            {t('queue.open')}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Verifies the record as the officer's queue read it: the directory's items carry no revision, so
 * each row awaiting verification reads its record (one GET, cached for its page) for If-Match.
 */
function VerifyFromQueue(props: { associationId: string; name: string; onVerified(name: string): void }) {
  const { associationId, name } = props;
  const { t } = useStrings(STRINGS);
  const record = useQuery(associationQuery(associationId));
  const verify = useRegistryCommand({
    ifMatch: record.data?.revision,
    run: (_: null, headers) =>
      associationsControllerVerify({ path: { associationId }, headers, throwOnError: true }),
    onSuccess: () => props.onVerified(name),
  });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="compact-sm"
          loading={verify.pending}
          disabled={record.data?.revision === undefined}
          onClick={() => void verify.submit(null)}
          aria-label={t('queue.verifyNamed', { name })}
        >
          {t('actions.verify')}
        </Button>
        <Anchor
          component={Link}
          to={`/office/registry/associations/${encodeURIComponent(associationId)}`}
          size="sm"
        >
          {t('queue.review')}
        </Anchor>
      </Group>
      <CommandAlert command={verify} onReload={() => void record.refetch()} />
    </Stack>
  );
}
