import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { callQuery } from '../../api/queries';
import { localizedField, textField } from '../../api/record-fields';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { BudgetSummary } from './BudgetSummary';
import { CallBoard } from './CallBoard';
import { boardQuery, rankingQuery } from './queries';
import { readRanking } from './ranking';
import { RankingTable } from './RankingTable';
import { STRINGS } from './strings';

/** One call for the committee: its budget, its ranking within the budget, its applications. */
export function CallDecisionsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const callId = useParams()['callId'] ?? '';
  const [page, setPage] = useState(1);
  const call = useQuery(callQuery(callId));
  const ranking = useQuery(rankingQuery(callId));
  const board = useQuery(boardQuery(callId, page));
  const titles = useMemo(
    () =>
      new Map(
        (board.data?.items ?? []).map((item) => [
          textField(item, 'applicationId') ?? '',
          localizedField(item, 'title', language) ?? '',
        ]),
      ),
    [board.data, language],
  );

  const back = (
    <Anchor component={Link} to="/office/committee" size="sm">
      {t('call.back')}
    </Anchor>
  );
  if (call.isPending) return <Loader aria-label={tOffice('form.loading')} />;
  if (call.isError)
    return (
      <Stack gap="sm">
        {back}
        <Title order={1}>{t('calls.title')}</Title>
        <Alert color="red" title={t('notFound')} />
      </Stack>
    );
  return (
    <Stack gap="lg">
      <div>
        {back}
        <Title order={1}>{localizedField(call.data, 'title', language) ?? callId}</Title>
      </div>
      {ranking.isPending ? (
        <Loader aria-label={tOffice('form.loading')} />
      ) : ranking.isError ? (
        <Alert color="red" title={tOffice('form.loadError')} />
      ) : (
        <>
          <BudgetSummary
            ranking={readRanking(ranking.data)}
            envelopeId={textField(call.data, 'envelopeId')}
          />
          <RankingTable ranking={readRanking(ranking.data)} titles={titles} />
        </>
      )}
      {board.isPending ? (
        <Loader aria-label={tOffice('form.loading')} />
      ) : board.isError ? (
        <Alert color="red" title={tOffice('form.loadError')} />
      ) : (
        <CallBoard
          callId={callId}
          items={board.data.items}
          total={board.data.total}
          pageSize={board.data.pageSize}
          page={page}
          onPage={setPage}
        />
      )}
    </Stack>
  );
}
