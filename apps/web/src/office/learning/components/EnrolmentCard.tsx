import { Badge, Button, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { sessionCompletionControllerFeedback } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { ReasonAction } from '../../forms/ReasonAction';
import {
  ATTENDANCE_COLOURS,
  canCancel,
  ENROLMENT_COLOURS,
  EnrolmentLine,
  formatInZone,
  myAttendance,
  offersFeedback,
} from '../learning';
import { myAttendanceQuery, TRAINING_KEY } from '../queries';
import { STRINGS } from '../strings';
import { SessionFacts } from './SessionFacts';
import { useCancelEnrolment } from './use-cancel-enrolment';
import { useModuleTitles } from './use-module-titles';

/** One of my enrolments: the session, my status, my attendance, cancelling it, my feedback. */
export function EnrolmentCard(props: { line: EnrolmentLine }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const headingId = useId();
  const [done, setDone] = useState<string | null>(null);
  const { line } = props;
  const attendance = useQuery({
    ...myAttendanceQuery(line.sessionId),
    enabled: line.status !== 'requested',
  });
  const mine = attendance.data ? myAttendance(attendance.data) : undefined;
  const cancel = useCancelEnrolment(line, () => setDone(t('enrolments.cancelled')));
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id={headingId} size="h4">
            {moduleTitle(line.session?.moduleId ?? '')}
          </Title>
          {line.status && <Badge color={ENROLMENT_COLOURS[line.status]}>{t(`status.${line.status}`)}</Badge>}
        </Group>
        <DoneNotice message={done} />
        {line.status === 'waiting' && line.waitingPosition !== undefined && (
          <Text fw={600}>
            {t('enrolments.waitingPosition', { position: format.count(line.waitingPosition) })}
          </Text>
        )}
        {line.session?.status === 'cancelled' && <Text fw={600}>{t('enrolments.sessionCancelled')}</Text>}
        <SessionFacts session={line.session} sessionId={line.sessionId} />
        {line.requestedAt && (
          <Text size="sm" c="dimmed">
            {t('enrolments.requestedOn', { date: format.date(line.requestedAt) })}
          </Text>
        )}
        {line.completed && (
          <Text size="sm">
            {t('enrolments.completed', { percent: format.percent(line.attendancePercent ?? 0) })}
          </Text>
        )}
        {mine && mine.sittings.length > 0 && line.status !== 'cancelled' && (
          <Attendance sittings={mine.sittings} timezone={line.session?.timezone} />
        )}
        {mine && mine.feedbackGiven && <Text size="sm">{t('feedback.given')}</Text>}
        {offersFeedback(line, mine?.feedbackGiven) && <FeedbackForm sessionId={line.sessionId} />}
        {canCancel(line) && (
          <ReasonAction
            label={t('enrolments.cancel')}
            warning={t('enrolments.cancelWarning')}
            reasonLabel={t('enrolments.cancelReason')}
            confirmLabel={t('enrolments.cancelConfirm')}
            command={cancel}
          />
        )}
      </Stack>
    </Paper>
  );
}

function Attendance(props: { sittings: ReturnType<typeof myAttendance>['sittings']; timezone?: string }) {
  const { t } = useStrings(STRINGS);
  const { locale } = usePreferences();
  return (
    <Table captionSide="top">
      <Table.Caption>{t('enrolments.attendance')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('enrolments.sitting')}</Table.Th>
          <Table.Th>{t('enrolments.mark')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sittings.map((sitting) => (
          <Table.Tr key={sitting.sittingId}>
            <Table.Td>
              {sitting.startsAt ? formatInZone(sitting.startsAt, locale, props.timezone) : sitting.sittingId}
            </Table.Td>
            <Table.Td>
              {sitting.status ? (
                <Badge color={ATTENDANCE_COLOURS[sitting.status]}>
                  {t(`attendanceStatus.${sitting.status}`)}
                </Badge>
              ) : (
                t('enrolments.noMark')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Feedback once, a rating and a comment: the platform says when it is too early (or too late). */
function FeedbackForm(props: { sessionId: string }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const follow = useFollowReadModels();
  const give = useCommand({
    run: async (body: { rating: number; comment?: string }, headers) =>
      (
        await sessionCompletionControllerFeedback({
          path: { sessionId: props.sessionId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...TRAINING_KEY]],
    onSuccess: () => {
      setDone(true);
      follow([[...TRAINING_KEY]]);
    },
  });
  if (done) return <DoneNotice message={t('feedback.done')} />;
  return (
    <Stack
      gap="xs"
      component="form"
      maw={560}
      onSubmit={(event) => {
        event.preventDefault();
        const text = comment.trim();
        void give.submit({ rating: Number(rating), ...(text ? { comment: text } : {}) });
      }}
    >
      <Title order={4} size="h5">
        {t('feedback.title')}
      </Title>
      <CommandAlert command={give} claimed={['/rating', '/comment']} />
      <Radio.Group
        label={t('feedback.rating')}
        value={rating}
        onChange={setRating}
        required
        error={give.fieldError('/rating')}
      >
        <Group gap="md" mt={4}>
          {[1, 2, 3, 4, 5].map((value) => (
            <Radio
              key={value}
              value={String(value)}
              label={format.count(value)}
              aria-label={t('feedback.ratingValue', { rating: format.count(value) })}
            />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('feedback.comment')}
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        error={give.fieldError('/comment')}
      />
      <Group>
        <Button type="submit" loading={give.pending} disabled={rating === ''}>
          {t('feedback.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
