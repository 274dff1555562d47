import { Alert, Anchor, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  localizedField,
  numberField,
  recordField,
  textField,
  type ApiRecord,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { StatusBadge } from '../components/StatusBadge';
import { TrainingNav } from '../components/TrainingNav';
import {
  modulesQuery,
  SESSION_STATUSES,
  SESSIONS_PAGE_SIZE,
  sessionsQuery,
  type SessionStatus,
} from '../queries';
import { sessionsFor } from '../session-views';
import { STRINGS } from '../strings';

/** A session's module, named in the reader's language when the catalogue has it. */
export function useModuleTitle() {
  const { language } = usePreferences();
  const modules = useQuery(modulesQuery);
  return (moduleId: string) => {
    const module = modules.data?.find((m) => textField(m, 'moduleId') === moduleId);
    return (module && localizedField(module, 'title', language)) ?? moduleId;
  };
}

/** Where: the city and country, or online. */
export function usePlace() {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  return (session: ApiRecord) => {
    const place = recordField(session, 'place');
    if (!place || textField(place, 'mode') === 'online') return t('session.online');
    const country = textField(place, 'country');
    return [textField(place, 'city'), country && format.country(country)].filter(Boolean).join(', ');
  };
}

/** A trainer's sessions (those they train), every session for an officer, soonest first. */
export function SessionsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { actor } = useSession();
  const format = useFormatters();
  const moduleTitle = useModuleTitle();
  const placeOf = usePlace();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<SessionStatus | undefined>(undefined);
  const sessions = useQuery(sessionsQuery({ page, pageSize: SESSIONS_PAGE_SIZE, ...(status && { status }) }));
  const officer = actor?.roles.includes('officer') ?? false;
  const items = sessions.data && actor ? sessionsFor(sessions.data.items, actor) : [];
  return (
    <Stack gap="md">
      <TrainingNav />
      <Title order={1}>{t(officer ? 'sessions.titleOfficer' : 'sessions.titleTrainer')}</Title>
      <Text>{t(officer ? 'sessions.introOfficer' : 'sessions.introTrainer')}</Text>
      <NativeSelect
        label={t('sessions.filterStatus')}
        w={260}
        data={[
          { value: '', label: t('sessions.all') },
          ...SESSION_STATUSES.map((s) => ({ value: s, label: t(`sessionStatus.${s}`) })),
        ]}
        value={status ?? ''}
        onChange={(event) => {
          setPage(1);
          setStatus(SESSION_STATUSES.find((s) => s === event.currentTarget.value));
        }}
      />
      {sessions.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {sessions.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {sessions.data && items.length === 0 && <Text>{t('sessions.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.columns.module')}</Table.Th>
                <Table.Th>{t('sessions.columns.place')}</Table.Th>
                <Table.Th>{t('sessions.columns.dates')}</Table.Th>
                <Table.Th>{t('sessions.columns.seats')}</Table.Th>
                <Table.Th>{t('sessions.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const id = textField(item, 'sessionId') ?? '';
                const startsAt = textField(item, 'startsAt');
                const endsAt = textField(item, 'endsAt');
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/office/training/sessions/${encodeURIComponent(id)}`}>
                        {moduleTitle(textField(item, 'moduleId') ?? '')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{placeOf(item)}</Table.Td>
                    <Table.Td>
                      {startsAt && <time dateTime={startsAt}>{format.dateTime(startsAt)}</time>}
                      {endsAt && (
                        <>
                          {' – '}
                          <time dateTime={endsAt}>{format.dateTime(endsAt)}</time>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t('sessions.seats', {
                        confirmed: format.count(numberField(item, 'confirmed') ?? 0),
                        capacity: format.count(numberField(item, 'capacity') ?? 0),
                        waiting: format.count(numberField(item, 'waiting') ?? 0),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge kind="session" status={textField(item, 'status') ?? ''} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.data && <Pager page={sessions.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
