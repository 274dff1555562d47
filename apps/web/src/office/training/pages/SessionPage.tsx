import { Alert, Anchor, Button, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { asProblem } from '../../../api/problem';
import { numberField, recordListField, textField, textListField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { AttendanceSheet } from '../components/AttendanceSheet';
import { CheckInQr } from '../components/CheckInQr';
import { RemarkForm } from '../components/RemarkForm';
import { SessionActions } from '../components/SessionActions';
import { StatusBadge } from '../components/StatusBadge';
import { TrainingNav } from '../components/TrainingNav';
import { rosterQuery, sessionQuery } from '../queries';
import { rosterGroups, rosterLine, type RosterLine } from '../session-views';
import { STRINGS } from '../strings';
import { useModuleTitle, usePlace } from './SessionsPage';

/** A session: its plan, roster, each sitting's attendance sheet and check-in QR, and what can be done. */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const moduleTitle = useModuleTitle();
  const placeOf = usePlace();
  const session = useQuery(sessionQuery(sessionId));
  const roster = useQuery(rosterQuery(sessionId));
  const [qrFor, setQrFor] = useState<string | null>(null);
  const { hasRole } = useSession();

  if (session.isPending) return <Loader aria-label={tOffice('form.loading')} />;
  if (session.isError)
    return (
      <Stack>
        <TrainingNav />
        <Alert color="red" title={tOffice('form.loadError')}>
          {asProblem(session.error).detail}
        </Alert>
      </Stack>
    );
  const record = session.data.record;
  const status = textField(record, 'status') ?? '';
  const sittings = recordListField(record, 'sittings');
  const lines = (roster.data ? recordListField(roster.data as Record<string, unknown>, 'trainees') : []).map(
    rosterLine,
  );
  const groups = rosterGroups(lines);
  const nameOf = (line: RosterLine) =>
    line.name ?? (line.erased ? t('roster.erased') : t('roster.unknown', { id: line.traineeId }));
  const sittingLabel = (index: number) => t('sittings.label', { n: format.count(index + 1) });
  const running = ['enrolment-open', 'enrolment-closed', 'held'].includes(status);

  return (
    <Stack gap="lg">
      <TrainingNav />
      <Stack gap={4}>
        <Title order={1}>{moduleTitle(textField(record, 'moduleId') ?? '')}</Title>
        <Text>
          <StatusBadge kind="session" status={status} /> {placeOf(record)}
        </Text>
        <Text>
          {t('session.seats', {
            confirmed: format.count(numberField(record, 'confirmed') ?? 0),
            capacity: format.count(numberField(record, 'capacity') ?? 0),
            waiting: format.count(numberField(record, 'waiting') ?? 0),
          })}
        </Text>
        <Text size="sm">
          {t('session.trainers', { trainers: textListField(record, 'trainers').join(', ') })}
        </Text>
        {hasRole('officer') && (
          <Anchor
            component={Link}
            to={`/office/training/certificates?sessionId=${encodeURIComponent(sessionId)}`}
            size="sm"
          >
            {t('session.certificates')}
          </Anchor>
        )}
      </Stack>

      <SessionActions
        sessionId={sessionId}
        status={status}
        capacity={numberField(record, 'capacity') ?? 1}
        confirmed={numberField(record, 'confirmed') ?? 0}
        revision={session.data.revision}
        onReload={() => void session.refetch()}
      />

      <Stack gap="xs" component="section" aria-labelledby="training-roster">
        <Title order={2} id="training-roster">
          {t('roster.title')}
        </Title>
        {roster.isPending && <Loader aria-label={tOffice('form.loading')} />}
        {roster.isError && <Alert color="red" title={tOffice('form.loadError')} />}
        {roster.data && (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('roster.confirmed')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('roster.confirmed')}</Table.Th>
                    <Table.Th>{t('roster.feedback')}</Table.Th>
                    <Table.Th>{t('roster.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.confirmed.map((line) => (
                    <Table.Tr key={line.traineeId}>
                      <Table.Td>{nameOf(line)}</Table.Td>
                      <Table.Td>
                        {t(line.feedbackGiven ? 'roster.feedbackGiven' : 'roster.feedbackNone')}
                      </Table.Td>
                      <Table.Td>
                        {line.completed === null
                          ? '—'
                          : t(line.completed ? 'roster.completed' : 'roster.notCompleted')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {groups.confirmed.length === 0 && <Text>{t('roster.noneConfirmed')}</Text>}
            <Title order={3}>{t('roster.waiting')}</Title>
            {groups.waiting.length === 0 ? (
              <Text>{t('roster.noneWaiting')}</Text>
            ) : (
              <List type="ordered">
                {groups.waiting.map((line) => (
                  <List.Item key={line.traineeId}>{nameOf(line)}</List.Item>
                ))}
              </List>
            )}
            {groups.others.length > 0 && (
              <Text size="sm">
                {groups.others
                  .map(
                    (line) =>
                      `${nameOf(line)} (${t(`enrolment.${line.enrolment}`, { defaultValue: line.enrolment })})`,
                  )
                  .join(' · ')}
              </Text>
            )}
          </>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="training-sittings">
        <Title order={2} id="training-sittings">
          {t('sittings.title')}
        </Title>
        {sittings.map((sitting, index) => {
          const sittingId = textField(sitting, 'sittingId') ?? '';
          const startsAt = textField(sitting, 'startsAt') ?? '';
          const endsAt = textField(sitting, 'endsAt') ?? '';
          return (
            <Paper key={sittingId} withBorder p="md" component="section" aria-label={sittingLabel(index)}>
              <Stack gap="sm">
                <Title order={3}>{sittingLabel(index)}</Title>
                <Text>
                  <time dateTime={startsAt}>{format.dateTime(startsAt)}</time>
                  {' – '}
                  <time dateTime={endsAt}>{format.dateTime(endsAt)}</time>
                </Text>
                {roster.data && (
                  <AttendanceSheet
                    sessionId={sessionId}
                    sittingId={sittingId}
                    sittingLabel={sittingLabel(index)}
                    lines={groups.confirmed}
                    nameOf={nameOf}
                  />
                )}
                {running && (
                  <Stack gap="xs">
                    <Button
                      variant="default"
                      style={{ alignSelf: 'start' }}
                      aria-expanded={qrFor === sittingId}
                      onClick={() => setQrFor(qrFor === sittingId ? null : sittingId)}
                    >
                      {t(qrFor === sittingId ? 'qr.hide' : 'qr.show')}
                    </Button>
                    {qrFor === sittingId && <CheckInQr sessionId={sessionId} sittingId={sittingId} />}
                  </Stack>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>

      {running && <RemarkForm sessionId={sessionId} lines={groups.confirmed} nameOf={nameOf} />}
    </Stack>
  );
}
