import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { enrolmentsControllerEnrol } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { ReasonAction } from '../../forms/ReasonAction';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import {
  canCancel,
  contactNames,
  ENROLMENT_COLOURS,
  enrolmentLine,
  EnrolmentLine,
  formatInZone,
  openSessionsFor,
  sessionSummary,
  SessionSummary,
  trainedManager,
} from '../learning';
import {
  associationEnrolmentsQuery,
  contactPersonsQuery,
  openSessionsQuery,
  TRAINING_KEY,
  trainedManagersQuery,
} from '../queries';
import { STRINGS } from '../strings';
import { useCancelEnrolment } from './use-cancel-enrolment';
import { useModuleTitles } from './use-module-titles';

/**
 * An association's people in training: their enrolments, those who completed modules, and
 * enrolling one of its contact persons (the association is the token's, as in its own area).
 */
export function AssociationTraining() {
  const { t } = useStrings(STRINGS);
  const associationId = useSession().actor?.organisationId ?? '';
  const [page, setPage] = useState(1);
  const enrolments = useQuery(associationEnrolmentsQuery(associationId, page));
  const contacts = useQuery(contactPersonsQuery(associationId));
  const names = contactNames(contacts.data ?? []);
  const lines = (enrolments.data?.items ?? []).map(enrolmentLine);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('association.title')}</Title>
        <Text>{t('association.intro')}</Text>
      </div>
      <Enrolments
        pending={enrolments.isPending}
        failed={enrolments.isError}
        page={enrolments.data}
        lines={lines}
        names={names}
        onPage={setPage}
      />
      <TrainedManagers associationId={associationId} names={names} />
      <EnrolForm
        associationId={associationId}
        names={names}
        contactsPending={contacts.isPending}
        lines={lines}
      />
    </Stack>
  );
}

function Enrolments(props: {
  pending: boolean;
  failed: boolean;
  page: { page: number; total: number; pageSize: number } | undefined;
  lines: EnrolmentLine[];
  names: Map<string, string>;
  onPage(page: number): void;
}) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { locale } = usePreferences();
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const { page, lines } = props;
  // Said above the table: the line's cancel action is gone once its enrolment is cancelled.
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="association-enrolments">
      <Title order={2} id="association-enrolments">
        {t('association.enrolments')}
      </Title>
      <DoneNotice message={done} />
      {props.pending && <Loader aria-label={tOffice('form.loading')} />}
      {props.failed && <Alert color="red" title={tOffice('form.loadError')} />}
      {page && lines.length === 0 && <Text>{t('association.empty')}</Text>}
      {lines.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('association.person')}</Table.Th>
              <Table.Th>{t('enrolments.module')}</Table.Th>
              <Table.Th>{t('enrolments.session')}</Table.Th>
              <Table.Th>{t('certificates.status')}</Table.Th>
              <Table.Th>{t('association.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={`${line.sessionId}|${line.traineeId}`}>
                <Table.Td>{props.names.get(line.traineeId) ?? line.traineeId}</Table.Td>
                <Table.Td>{moduleTitle(line.session?.moduleId ?? '')}</Table.Td>
                <Table.Td>
                  {[
                    line.session?.city,
                    line.session?.startsAt
                      ? formatInZone(line.session.startsAt, locale, line.session.timezone)
                      : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  {line.status && (
                    <Badge color={ENROLMENT_COLOURS[line.status]}>{t(`status.${line.status}`)}</Badge>
                  )}
                  {line.status === 'waiting' && line.waitingPosition !== undefined && (
                    <Text size="sm">
                      {t('enrolments.waitingPosition', { position: format.count(line.waitingPosition) })}
                    </Text>
                  )}
                  {line.completed && (
                    <Text size="sm">
                      {t('enrolments.completed', { percent: format.percent(line.attendancePercent ?? 0) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canCancel(line) && (
                    <CancelForPerson line={line} onDone={() => setDone(t('association.cancelled'))} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {page && page.total > page.pageSize && (
        <Pagination
          total={Math.ceil(page.total / page.pageSize)}
          value={page.page}
          onChange={props.onPage}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? tOffice('form.previous') : tOffice('form.next'),
          })}
        />
      )}
    </Stack>
  );
}

/** The association frees the seat of one of its people (the platform checks the person is its own). */
function CancelForPerson(props: { line: EnrolmentLine; onDone(): void }) {
  const { t } = useStrings(STRINGS);
  const cancel = useCancelEnrolment(props.line, props.onDone);
  return (
    <ReasonAction
      label={t('association.cancel')}
      warning={t('association.cancelWarning')}
      reasonLabel={t('enrolments.cancelReason')}
      confirmLabel={t('enrolments.cancelConfirm')}
      command={cancel}
    />
  );
}

function TrainedManagers(props: { associationId: string; names: Map<string, string> }) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const trained = useQuery(trainedManagersQuery(props.associationId));
  const managers = (trained.data ?? []).map(trainedManager);
  return (
    <Stack gap="sm" component="section" aria-labelledby="association-trained">
      <Title order={2} id="association-trained">
        {t('association.trained')}
      </Title>
      <Text>{t('association.trainedIntro')}</Text>
      {trained.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {trained.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {trained.data && managers.length === 0 && <Text>{t('association.trainedEmpty')}</Text>}
      {managers.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('association.person')}</Table.Th>
              <Table.Th>{t('association.modulesCompleted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {managers.map((manager) => (
              <Table.Tr key={manager.traineeId}>
                <Table.Td>{props.names.get(manager.traineeId) ?? manager.traineeId}</Table.Td>
                <Table.Td>
                  <List size="sm">
                    {manager.completed.map((c) => (
                      <List.Item key={c.sessionId}>
                        {moduleTitle(c.moduleId)}
                        {c.endedAt && ` ${t('association.endedOn', { date: format.date(c.endedAt) })}`}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function EnrolForm(props: {
  associationId: string;
  names: Map<string, string>;
  contactsPending: boolean;
  lines: EnrolmentLine[];
}) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { locale } = usePreferences();
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const sessions = useQuery(openSessionsQuery);
  const people = [...props.names];
  const [person, setPerson] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  // The enrolments are a read model a moment behind the log: refetched again shortly after.
  const follow = useFollowReadModels();
  const traineeId = person || people[0]?.[0] || '';
  const open: SessionSummary[] = openSessionsFor(
    (sessions.data ?? []).map(sessionSummary),
    props.lines,
    traineeId,
  );
  const chosen = open.some((s) => s.sessionId === sessionId) ? sessionId : (open[0]?.sessionId ?? '');
  const enrol = useCommand({
    run: async (values: { sessionId: string; traineeId: string }, headers) =>
      (
        await enrolmentsControllerEnrol({
          path: { sessionId: values.sessionId },
          body: { traineeId: values.traineeId },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...TRAINING_KEY]],
    onSuccess: (result) => {
      follow([[...TRAINING_KEY]]);
      const answer = result as { status?: string; waitingPosition?: number };
      setDone(
        answer.status === 'waiting'
          ? t('association.waitlisted', { position: format.count(answer.waitingPosition ?? 0) })
          : t('association.enrolled'),
      );
    },
  });
  const label = (s: SessionSummary) =>
    [
      moduleTitle(s.moduleId),
      s.online ? t('enrolments.online') : s.city,
      s.startsAt ? formatInZone(s.startsAt, locale, s.timezone) : undefined,
      s.seatsFree !== undefined
        ? t('association.seatsFree', { seats: format.count(s.seatsFree) })
        : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Stack
      gap="sm"
      component="form"
      aria-labelledby="association-enrol"
      maw={720}
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        if (traineeId && chosen) void enrol.submit({ sessionId: chosen, traineeId });
      }}
    >
      <Title order={2} id="association-enrol">
        {t('association.enrol')}
      </Title>
      <Text>{t('association.enrolIntro')}</Text>
      <DoneNotice message={done} />
      <CommandAlert command={enrol} claimed={['/traineeId']} />
      {(props.contactsPending || sessions.isPending) && <Loader aria-label={tOffice('form.loading')} />}
      {!props.contactsPending && people.length === 0 && <Text>{t('association.noContacts')}</Text>}
      {people.length > 0 && (
        <>
          <NativeSelect
            label={t('association.choosePerson')}
            value={traineeId}
            onChange={(event) => setPerson(event.currentTarget.value)}
            data={people.map(([value, name]) => ({ value, label: name }))}
            error={enrol.fieldError('/traineeId')}
          />
          {sessions.data && open.length === 0 && <Text>{t('association.noSessions')}</Text>}
          {open.length > 0 && (
            <NativeSelect
              label={t('association.chooseSession')}
              value={chosen}
              onChange={(event) => setSessionId(event.currentTarget.value)}
              data={open.map((s) => ({ value: s.sessionId, label: label(s) }))}
            />
          )}
          <Group>
            <Button type="submit" loading={enrol.pending} disabled={!chosen}>
              {t('association.submit')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
