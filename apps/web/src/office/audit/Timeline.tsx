import { Badge, Button, List, Table, Text, Title } from '@mantine/core';
import type { ReplayDto } from '../../api/generated';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

/** The events up to as-of, each with its actor, its facts and, for a decision, its recomputation. */
export function Timeline(props: { replay: ReplayDto; onReplayAsOf(instant: string): void }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const recomputed = new Map(props.replay.recomputations.map((r) => [r.eventId, r.same]));
  return (
    <section aria-labelledby="audit-timeline">
      <Title order={2} size="h3" id="audit-timeline" mb="sm">
        {t('replay.timeline')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('replay.when')}</Table.Th>
              <Table.Th>{t('replay.event')}</Table.Th>
              <Table.Th>{t('replay.actor')}</Table.Th>
              <Table.Th>{t('replay.facts')}</Table.Th>
              <Table.Th>{t('replay.recomputed')}</Table.Th>
              <Table.Th>{t('replay.replayHere')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.replay.timeline.map((entry) => {
              const same = recomputed.get(entry.eventId);
              return (
                <Table.Tr key={entry.eventId}>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(entry.recordedAt)}</Text>
                    {entry.occurredAt && (
                      <Text size="xs" c="dimmed">
                        {t('replay.occurred')} {format.dateTime(entry.occurredAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td dir="ltr">
                    <Text size="sm">{entry.type}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.streamId} #{entry.revision}
                    </Text>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {entry.actor ? `${entry.actor.id} (${entry.actor.roles.join(', ')})` : '-'}
                  </Table.Td>
                  <Table.Td dir="ltr">
                    <List size="xs" spacing={0}>
                      {entry.facts.map((fact) => (
                        <List.Item key={fact.key}>
                          {fact.key}: {fact.value}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    {same !== undefined && (
                      <Badge color={same ? 'teal.9' : 'red.9'} variant="filled">
                        {t(same ? 'replay.recomputedSame' : 'replay.recomputedDifferent')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => props.onReplayAsOf(entry.recordedAt)}
                      aria-label={t('replay.replayHereLabel', { type: entry.type, position: entry.position })}
                    >
                      {t('replay.replayHere')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
