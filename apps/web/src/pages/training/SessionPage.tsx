import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { type EnrolmentResultDto, enrolmentsControllerEnrol } from '../../api/generated';
import {
  ApiRecord,
  localizedField,
  numberField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { useCommand } from '../../api/use-command';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../../office/forms/CommandAlert';
import { useSession } from '../../session/SessionProvider';
import { usePlaceLabel } from './TrainingCataloguePage';
import { modulesQuery, sessionQuery } from './queries';
import { STRINGS } from './strings';
import { formatDays, formatLanguage, formatSpan } from './training-format';

/** Where a trainee follows their enrolments (the trainee's area of the back office). */
export const MY_LEARNING = '/office/learning';

/** A session of the catalogue as anyone reads it, and the trainee's "Enrol". */
export function SessionPage() {
  const { t } = useStrings(STRINGS);
  const { language, locale } = usePreferences();
  const format = useFormatters();
  const sessionId = useParams()['sessionId'] ?? '';
  const session = useQuery(sessionQuery(sessionId));
  const modules = useQuery(modulesQuery);
  const placeLabel = usePlaceLabel();

  if (session.isPending) return <Loader aria-label={t('session.loading')} />;
  if (session.isError)
    return (
      <Stack gap="sm">
        <Title order={1}>{t('session.notFound')}</Title>
        <Anchor component={Link} to="/training">
          {t('session.back')}
        </Anchor>
      </Stack>
    );
  const record = session.data as ApiRecord;
  const moduleId = textField(record, 'moduleId') ?? '';
  const module = ((modules.data?.items ?? []) as ApiRecord[]).find(
    (m) => textField(m, 'moduleId') === moduleId,
  );
  const title = (module && localizedField(module, 'title', language)) ?? moduleId;
  const timezone = textField(record, 'timezone');
  const startsAt = textField(record, 'startsAt');
  const endsAt = textField(record, 'endsAt');
  const status = textField(record, 'status') ?? '';
  const sessionLanguage = textField(record, 'language');
  const trainers = textListField(record, 'trainers');
  const sittings = recordListField(record, 'sittings');

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/training" size="sm">
          {t('session.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{title}</Title>
          <Badge color="blue.9">{t(`statuses.${status}`, { defaultValue: status })}</Badge>
        </Group>
      </div>
      {module && <Text>{localizedField(module, 'description', language)}</Text>}
      <List spacing="xs">
        {startsAt && endsAt && (
          <List.Item>
            {t('session.dates', { dates: formatDays(startsAt, endsAt, timezone, locale) })}
          </List.Item>
        )}
        <List.Item>{t('session.place', { place: placeLabel(record) })}</List.Item>
        {sessionLanguage && (
          <List.Item>
            {t('session.language', { language: formatLanguage(sessionLanguage, locale) })}
          </List.Item>
        )}
        {trainers.length > 0 && (
          <List.Item>{t('session.trainers', { trainers: trainers.join(', ') })}</List.Item>
        )}
        <List.Item>
          {t('session.capacity', { capacity: format.count(numberField(record, 'capacity') ?? 0) })}
        </List.Item>
        <List.Item>
          {t('session.seatsFree', { seats: format.count(numberField(record, 'seatsFree') ?? 0) })}
        </List.Item>
        <List.Item>
          {t('session.waiting', { waiting: format.count(numberField(record, 'waiting') ?? 0) })}
        </List.Item>
      </List>
      <section aria-labelledby="session-sittings">
        <Title order={2} id="session-sittings">
          {t('session.sittings')}
        </Title>
        {timezone && <Text size="sm">{t('session.timezone', { timezone })}</Text>}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('session.sitting')}</Table.Th>
              <Table.Th>{t('session.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sittings.map((sitting, index) => {
              const from = textField(sitting, 'startsAt');
              const to = textField(sitting, 'endsAt');
              return (
                <Table.Tr key={textField(sitting, 'sittingId') ?? index}>
                  <Table.Td>{format.count(index + 1)}</Table.Td>
                  <Table.Td>{from && to ? formatSpan(from, to, timezone, locale) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>
      <Enrol sessionId={sessionId} open={status === 'enrolment-open'} />
    </Stack>
  );
}

function Enrol({ sessionId, open }: { sessionId: string; open: boolean }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { actor, hasRole } = useSession();
  const location = useLocation();
  const [result, setResult] = useState<EnrolmentResultDto | null>(null);
  const enrol = useCommand<void, EnrolmentResultDto>({
    run: async (_, headers) =>
      // The token's person is enrolled: the body names nobody.
      (await enrolmentsControllerEnrol({ path: { sessionId }, body: {}, headers, throwOnError: true })).data,
    invalidates: [['training', 'sessions']],
    onSuccess: (answer) => setResult(answer),
  });
  const next = encodeURIComponent(`${location.pathname}${location.search}`);

  return (
    <section aria-labelledby="session-enrol">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} id="session-enrol">
            {t('session.enrol.title')}
          </Title>
          {result ? (
            <Alert
              color="teal"
              variant="outline"
              role="status"
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
              title={
                result.status === 'confirmed'
                  ? t('session.enrol.confirmed')
                  : t('session.enrol.waitingPosition', {
                      position: format.count(result.waitingPosition ?? 0),
                    })
              }
            >
              <Anchor component={Link} to={MY_LEARNING}>
                {t('session.enrol.mine')}
              </Anchor>
            </Alert>
          ) : !open ? (
            <Text>{t('session.enrol.notOpen')}</Text>
          ) : !actor ? (
            <Anchor component={Link} to={`/login?next=${next}`}>
              {t('session.enrol.signIn')}
            </Anchor>
          ) : !hasRole('trainee') ? (
            <Text>{t('session.enrol.notTrainee')}</Text>
          ) : (
            <>
              <CommandAlert command={enrol} />
              <Group>
                <Button loading={enrol.pending} onClick={() => void enrol.submit()}>
                  {t('session.enrol.submit')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
