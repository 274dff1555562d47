import { Anchor, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { DoneNotice } from '../../forms/DoneNotice';
import { UpdateDecision } from '../components/UpdateDecision';
import { readUpdate } from '../indicator-reading';
import { decidableUpdatesQuery, resultsQuery } from '../queries';
import { STRINGS } from '../strings';

/** One pending update; its project's framework revision is read for If-Match (one read per project). */
function QueueRow(props: { item: ApiRecord; canDecide: boolean; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const projectId = textField(props.item, 'projectId') ?? '';
  const update = readUpdate(props.item);
  const framework = useQuery({ ...resultsQuery(projectId), enabled: props.canDecide });
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/office/projects/${encodeURIComponent(projectId)}`}>
          {projectId}
        </Anchor>
      </Table.Td>
      <Table.Td>{textField(props.item, 'indicatorId')}</Table.Td>
      <Table.Td>{update.updateId}</Table.Td>
      <Table.Td>
        {t('list.dates', { start: format.date(update.periodStart), end: format.date(update.periodEnd) })}
      </Table.Td>
      <Table.Td>
        {typeof update.value === 'number' ? format.count(update.value) : (update.value ?? '—')}
      </Table.Td>
      <Table.Td>
        {t('indicator.submittedBy', {
          by: update.submittedBy ?? '—',
          at: update.submittedAt ? format.date(update.submittedAt) : '—',
        })}
        {update.comment && <Text size="sm">{update.comment}</Text>}
      </Table.Td>
      <Table.Td>{update.evidence.map((e) => e.name).join(', ') || '—'}</Table.Td>
      {props.canDecide && (
        <Table.Td>
          <UpdateDecision
            projectId={projectId}
            updateId={update.updateId}
            revision={framework.data?.revision}
            onDone={props.onDone}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** The pending indicator updates across projects that the officer may decide (not their own: four eyes), oldest first. */
export function UpdatesQueuePage() {
  const { t } = useStrings(STRINGS);
  const { hasRole } = useSession();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const { data, isPending, isError } = useQuery(decidableUpdatesQuery(page));
  const canDecide = hasRole('officer');
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/office/projects">
        {t('project.back')}
      </Anchor>
      <Title order={1}>{t('queue.title')}</Title>
      <Text>{t('queue.intro')}</Text>
      <DoneNotice message={done} />
      {isPending && <Text>{t('loading')}</Text>}
      {isError && <Text c="red.9">{t('loadFailed')}</Text>}
      {data && data.items.length === 0 && <Text>{t('queue.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.project')}</Table.Th>
                <Table.Th>{t('queue.indicator')}</Table.Th>
                <Table.Th>{t('indicator.update')}</Table.Th>
                <Table.Th>{t('indicator.period')}</Table.Th>
                <Table.Th>{t('indicator.value')}</Table.Th>
                <Table.Th>{t('indicator.submitted')}</Table.Th>
                <Table.Th>{t('indicator.evidence')}</Table.Th>
                {canDecide && <Table.Th>{t('queue.decision')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <QueueRow
                  key={`${textField(item, 'projectId')}/${textField(item, 'updateId')}`}
                  item={item}
                  canDecide={canDecide}
                  onDone={setDone}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > data.pageSize && (
        <Pagination
          total={Math.ceil(data.total / data.pageSize)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`list.pagination.${control}`) })}
        />
      )}
    </Stack>
  );
}
