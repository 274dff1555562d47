import { Alert, Button, Group, Loader, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { asProblem } from '../../api/problem';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { AuditNav } from './AuditNav';
import { casablancaLocalToIso, isoToCasablancaLocal } from '../../format/casablanca-time';
import { DossierDownloads } from './DossierDownloads';
import { replayQuery } from './queries';
import { Recomputations } from './Recomputations';
import { STRINGS } from './strings';
import { Timeline } from './Timeline';

/** One application as of a moment (`?asOf=`, an ISO instant; none: now), and its dossier. */
export function ReplayPage() {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const applicationId = useParams()['applicationId'] ?? '';
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const replay = useQuery(replayQuery(applicationId, asOf));
  const [input, setInput] = useState(asOf ? isoToCasablancaLocal(asOf, 'second') : '');
  const [inputError, setInputError] = useState<string | undefined>();

  const replayAsOf = (instant: string | undefined) => {
    setInput(instant ? isoToCasablancaLocal(instant, 'second') : '');
    setInputError(undefined);
    setParams(instant ? { asOf: instant } : {});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (input.trim() === '') return replayAsOf(undefined);
    const instant = casablancaLocalToIso(input);
    if (!instant) return setInputError(t('replay.badAsOf', { detail: input }));
    replayAsOf(instant);
  };

  const problem = replay.isError ? asProblem(replay.error) : undefined;
  const data = replay.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('replay.title', { applicationId })}</Title>
      <AuditNav />
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="datetime-local"
            step={1}
            label={t('replay.asOf')}
            description={t('replay.asOfHelp')}
            value={input}
            onChange={(event) => setInput(event.currentTarget.value)}
            error={inputError}
            dir="ltr"
          />
          <Button type="submit">{t('replay.apply')}</Button>
          <Button variant="default" onClick={() => replayAsOf(undefined)}>
            {t('replay.now')}
          </Button>
        </Group>
      </form>
      {replay.isPending ? (
        <Loader aria-label={t('replay.loading')} />
      ) : problem || !data ? (
        <Alert color="red" role="alert">
          {problem?.status === 404
            ? t('replay.notFound')
            : problem?.status === 400
              ? t('replay.badAsOf', { detail: problem.detail ?? '' })
              : t('replay.error', { detail: problem?.detail ?? problem?.title ?? '' })}
        </Alert>
      ) : (
        <>
          <Alert
            variant="filled"
            color={data.verdict === 'same' ? 'teal.9' : 'red.9'}
            role="status"
            title={t(`replay.${data.verdict}`)}
          >
            {t('replay.shownAsOf', {
              date: format.dateTime(data.asOf),
              asOf: format.count(data.events.asOf),
              total: format.count(data.events.total),
            })}
          </Alert>
          <Timeline replay={data} onReplayAsOf={replayAsOf} />
          <Recomputations replay={data} />
          <DossierDownloads applicationId={applicationId} asOf={asOf} />
        </>
      )}
    </Stack>
  );
}
