import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Loader,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Card,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ApiRecord, localizedField, numberField, textField, textListField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { withFilter } from '../shared/search-params';
import {
  allOpenSessionsQuery,
  modulesQuery,
  openSessionsQuery,
  pathsQuery,
  SESSIONS_PAGE_SIZE,
} from './queries';
import { STRINGS } from './strings';
import {
  readTrainingSearch,
  TRAINING_LANGUAGES,
  TrainingSearch,
  writeTrainingSearch,
} from './training-filters';
import { competencesIn, formatDays, formatHours, formatLanguage, placeOf } from './training-format';

/** The public training catalogue: the sessions open for enrolment (filtered), the modules, the paths. */
export function TrainingCataloguePage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const [params, setParams] = useSearchParams();
  const search = readTrainingSearch(params);
  const go = (next: TrainingSearch) => setParams(writeTrainingSearch(next));
  const modules = useQuery(modulesQuery);
  const paths = useQuery(pathsQuery);
  const sessions = useQuery({ ...openSessionsQuery(search, search.page), placeholderData: keepPreviousData });
  const moduleItems = (modules.data?.items ?? []) as ApiRecord[];
  const titleOf = (moduleId: string) => {
    const module = moduleItems.find((m) => textField(m, 'moduleId') === moduleId);
    return (module && localizedField(module, 'title', language)) ?? moduleId;
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('catalogue.title')}</Title>
        <Text c="dimmed">{t('catalogue.intro')}</Text>
      </div>
      {(modules.isError || paths.isError || sessions.isError) && (
        <Alert color="red" role="alert" title={t('catalogue.error')} />
      )}
      <section aria-labelledby="training-sessions">
        <Stack gap="sm">
          <Title order={2} id="training-sessions">
            {t('catalogue.sessions')}
          </Title>
          <Filters search={search} onChange={go} modules={moduleItems} />
          {sessions.isPending && <Loader aria-label={t('catalogue.loading')} />}
          {sessions.data && (
            <Sessions
              items={sessions.data.items as ApiRecord[]}
              total={sessions.data.total}
              page={search.page}
              onPage={(page) => go({ ...search, page })}
              titleOf={titleOf}
            />
          )}
        </Stack>
      </section>
      <Modules items={moduleItems} pending={modules.isPending} />
      <Paths items={(paths.data?.items ?? []) as ApiRecord[]} titleOf={titleOf} />
    </Stack>
  );
}

function Filters(props: {
  search: TrainingSearch;
  onChange(next: TrainingSearch): void;
  modules: ApiRecord[];
}) {
  const { t } = useStrings(STRINGS);
  const { language, locale } = usePreferences();
  const format = useFormatters();
  const all = useQuery(allOpenSessionsQuery);
  const { search, onChange } = props;
  const countries = [
    ...new Set(
      ((all.data?.items ?? []) as ApiRecord[])
        .map((s) => placeOf(s))
        .flatMap((p) => (!p.online && p.country ? [p.country] : [])),
    ),
  ];
  // A country typed in the address still filters and shows, even when no open session is there.
  if (search.country && !countries.includes(search.country)) countries.push(search.country);
  const any = { value: '', label: t('catalogue.any') };
  const moduleOptions = props.modules.map((m) => ({
    value: textField(m, 'moduleId') ?? '',
    label: localizedField(m, 'title', language) ?? textField(m, 'moduleId') ?? '',
  }));
  if (search.module && !moduleOptions.some((o) => o.value === search.module))
    moduleOptions.push({ value: search.module, label: search.module });
  return (
    <form role="search" aria-label={t('catalogue.filters')} onSubmit={(event) => event.preventDefault()}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('catalogue.module')}
          data={[any, ...moduleOptions]}
          value={search.module ?? ''}
          onChange={(event) => onChange(withFilter(search, 'module', event.currentTarget.value || undefined))}
        />
        <NativeSelect
          label={t('catalogue.country')}
          data={[
            any,
            ...countries
              .map((code) => ({ value: code, label: format.country(code) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale)),
          ]}
          value={search.country ?? ''}
          onChange={(event) =>
            onChange(withFilter(search, 'country', event.currentTarget.value || undefined))
          }
        />
        <NativeSelect
          label={t('catalogue.language')}
          data={[
            any,
            ...TRAINING_LANGUAGES.map((code) => ({ value: code, label: formatLanguage(code, locale) })),
          ]}
          value={search.language ?? ''}
          onChange={(event) =>
            onChange(withFilter(search, 'language', event.currentTarget.value || undefined))
          }
        />
      </Group>
    </form>
  );
}

export function SeatsText({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const seats = numberField(record, 'seatsFree') ?? 0;
  const waiting = numberField(record, 'waiting') ?? 0;
  return (
    <>
      {seats > 0
        ? t('catalogue.seatsFree', { seats: format.count(seats) })
        : t('catalogue.full', { waiting: format.count(waiting) })}
    </>
  );
}

/** A session's place as the reader reads it: "Paris, France", or online. */
export function usePlaceLabel(): (record: ApiRecord) => string {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  return (record) => {
    const place = placeOf(record);
    if (place.online) return t('catalogue.online');
    return [place.city, place.country && format.country(place.country)].filter(Boolean).join(', ');
  };
}

function Sessions(props: {
  items: ApiRecord[];
  total: number;
  page: number;
  onPage(page: number): void;
  titleOf(moduleId: string): string;
}) {
  const { t } = useStrings(STRINGS);
  const { locale } = usePreferences();
  const placeLabel = usePlaceLabel();
  if (props.items.length === 0) return <Text>{t('catalogue.none')}</Text>;
  const pages = Math.ceil(props.total / SESSIONS_PAGE_SIZE);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.module')}</Table.Th>
              <Table.Th>{t('catalogue.dates')}</Table.Th>
              <Table.Th>{t('catalogue.place')}</Table.Th>
              <Table.Th>{t('catalogue.language')}</Table.Th>
              <Table.Th>{t('catalogue.seats')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((session) => {
              const sessionId = textField(session, 'sessionId') ?? '';
              const startsAt = textField(session, 'startsAt');
              const endsAt = textField(session, 'endsAt');
              const language = textField(session, 'language');
              return (
                <Table.Tr key={sessionId} data-session={sessionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/training/sessions/${encodeURIComponent(sessionId)}`}>
                      {props.titleOf(textField(session, 'moduleId') ?? '')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {startsAt && endsAt
                      ? formatDays(startsAt, endsAt, textField(session, 'timezone'), locale)
                      : '—'}
                  </Table.Td>
                  <Table.Td>{placeLabel(session)}</Table.Td>
                  <Table.Td>{language ? formatLanguage(language, locale) : '—'}</Table.Td>
                  <Table.Td>
                    <SeatsText record={session} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={props.page} onChange={props.onPage} />}
    </>
  );
}

function Modules({ items, pending }: { items: ApiRecord[]; pending: boolean }) {
  const { t } = useStrings(STRINGS);
  const { language, locale } = usePreferences();
  return (
    <section aria-labelledby="training-modules">
      <Stack gap="sm">
        <Title order={2} id="training-modules">
          {t('catalogue.modules')}
        </Title>
        {pending && <Loader aria-label={t('catalogue.loading')} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items.map((module) => {
            const minutes = numberField(module, 'durationMinutes');
            const competences = competencesIn(module, language);
            return (
              <Card withBorder key={textField(module, 'moduleId')} padding="md">
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Title order={3} size="h4">
                    {localizedField(module, 'title', language) ?? textField(module, 'moduleId')}
                  </Title>
                  {textField(module, 'code') && (
                    <Badge variant="outline" color="gray.9">
                      {textField(module, 'code')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{localizedField(module, 'description', language)}</Text>
                {minutes !== undefined && (
                  <Text size="sm">{t('catalogue.duration', { duration: formatHours(minutes, locale) })}</Text>
                )}
                {competences.length > 0 && (
                  <Text size="sm">
                    {t('catalogue.competences', { competences: competences.join(' · ') })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {textListField(module, 'languages')
                    .map((code) => formatLanguage(code, locale))
                    .join(' · ')}
                </Text>
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>
    </section>
  );
}

function Paths({ items, titleOf }: { items: ApiRecord[]; titleOf(moduleId: string): string }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="training-paths">
      <Stack gap="sm">
        <Title order={2} id="training-paths">
          {t('catalogue.paths')}
        </Title>
        {items.map((path) => (
          <Card withBorder key={textField(path, 'pathId')} padding="md">
            <Title order={3} size="h4">
              {localizedField(path, 'title', language) ?? textField(path, 'pathId')}
            </Title>
            <Text size="sm">{t('catalogue.pathModules')}</Text>
            <List type="ordered" size="sm">
              {textListField(path, 'moduleIds').map((moduleId) => (
                <List.Item key={moduleId}>{titleOf(moduleId)}</List.Item>
              ))}
            </List>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
