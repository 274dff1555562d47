import { Button, Group, Table, Text } from '@mantine/core';
import { attendanceControllerMark } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { ATTENDANCE_STATUSES, SESSIONS_KEY, type AttendanceStatus } from '../queries';
import type { RosterLine } from '../session-views';
import { STRINGS } from '../strings';

/**
 * One sitting's attendance sheet: each confirmed trainee with their mark and the four marks to
 * give. A mark over an earlier one (the trainer's or a self check-in) is a correction, shown as
 * such. Each mark is its own PUT (the API's single mark): no If-Match, so two trainers marking
 * different trainees never refuse each other; marking the same status again records nothing.
 */
export function AttendanceSheet(props: {
  sessionId: string;
  sittingId: string;
  sittingLabel: string;
  lines: readonly RosterLine[];
  nameOf(line: RosterLine): string;
}) {
  const { t } = useStrings(STRINGS);
  const follow = useFollowReadModels();
  const rosterKey = [...SESSIONS_KEY, props.sessionId];
  const mark = useCommand({
    idempotent: false,
    run: async (v: { traineeId: string; status: AttendanceStatus }, headers) =>
      (
        await attendanceControllerMark({
          path: { sessionId: props.sessionId, sittingId: props.sittingId, traineeId: v.traineeId },
          body: { status: v.status },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [rosterKey],
    onSuccess: () => follow([rosterKey]),
  });
  if (props.lines.length === 0) return <Text>{t('attendance.noTrainee')}</Text>;
  return (
    <>
      <CommandAlert command={mark} />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('attendance.sheetOf', { sitting: props.sittingLabel })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attendance.trainee')}</Table.Th>
              <Table.Th>{t('attendance.mark')}</Table.Th>
              <Table.Th>{t('attendance.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.lines.map((line) => {
              const current = line.marks.get(props.sittingId);
              const name = props.nameOf(line);
              return (
                <Table.Tr key={line.traineeId}>
                  <Table.Th scope="row">{name}</Table.Th>
                  <Table.Td>
                    {current?.status ? (
                      <>
                        <Text span fw={700}>
                          {t(`attendanceStatus.${current.status}`)}
                        </Text>
                        {current.corrected && current.previousStatus && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            {t('attendance.corrected', {
                              previous: t(`attendanceStatus.${current.previousStatus}`),
                            })}
                          </Text>
                        )}
                        {current.source === 'self-check-in' && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            {t('attendance.selfCheckIn')}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text span c="dimmed">
                        {t('attendance.unmarked')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} role="group" aria-label={t('attendance.markFor', { name })}>
                      {ATTENDANCE_STATUSES.map((status) => (
                        <Button
                          key={status}
                          size="xs"
                          variant={current?.status === status ? 'filled' : 'default'}
                          aria-pressed={current?.status === status}
                          disabled={mark.pending}
                          onClick={() => void mark.submit({ traineeId: line.traineeId, status })}
                        >
                          {t(`attendanceStatus.${status}`)}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
