import { DoneNotice } from '../forms/DoneNotice';
import { Alert, Anchor, Badge, Group, List, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { callQuery } from '../../api/queries';
import {
  localizedField,
  moneyField,
  numberField,
  recordField,
  textField,
  textListField,
} from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { useSession } from '../../session/SessionProvider';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { AppealForm } from './AppealForm';
import { AwardForm, AwardOutcome } from './AwardForm';
import { ConsensusButton } from './ConsensusButton';
import { ConsensusSummary } from './ConsensusSummary';
import { EnvelopeRemaining } from './EnvelopeRemaining';
import { applicationQuery, envelopeQuery, rankingQuery } from './queries';
import { readRanking } from './ranking';
import { RecommendationForm } from './RecommendationForm';
import { RejectForm } from './RejectForm';
import { STRINGS } from './strings';

/**
 * One application before the committee, with the decision its state calls for: the consensus,
 * the recommendation, the award (with the envelope's remaining amount before and after) or the
 * rejection, and a pending appeal.
 */
export function ApplicationDecisionPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { actor } = useSession();
  const applicationId = useParams()['applicationId'] ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [awarded, setAwarded] = useState<AwardOutcome | null>(null);
  const application = useQuery(applicationQuery(applicationId));
  const callId = application.data ? (textField(application.data.record, 'callId') ?? '') : '';
  const call = useQuery({ ...callQuery(callId), enabled: callId !== '' });
  const ranking = useQuery({ ...rankingQuery(callId), enabled: callId !== '' });
  const envelopeId = call.data ? textField(call.data, 'envelopeId') : undefined;
  const envelope = useQuery({ ...envelopeQuery(envelopeId ?? ''), enabled: !!envelopeId });

  if (application.isPending) return <Loader aria-label={tOffice('form.loading')} />;
  if (application.isError)
    return (
      <Stack gap="sm">
        <Anchor component={Link} to="/office/committee" size="sm">
          {t('call.back')}
        </Anchor>
        <Title order={1}>{t('calls.title')}</Title>
        <Alert color="red" title={t('notFound')} />
      </Stack>
    );

  const { record, revision } = application.data;
  const proposal = recordField(record, 'proposal') ?? {};
  const title = localizedField(proposal, 'title', language) ?? applicationId;
  const status = textField(record, 'status') ?? '';
  const requested = moneyField(proposal, 'amountRequested');
  const consensus = recordField(record, 'consensus');
  const recommendation = recordField(record, 'recommendation');
  const decision = recordField(record, 'decision');
  const appeal = recordField(record, 'appeal');
  const line = ranking.data && readRanking(ranking.data).lines.find((l) => l.applicationId === applicationId);
  const envelopeRemaining = envelope.data ? moneyField(envelope.data, 'remaining') : undefined;
  const forms = { applicationId, callId, revision, onDone: () => setDone(null) };
  const said = (message: string) => () => setDone(message);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/office/committee/calls/${encodeURIComponent(callId)}`} size="sm">
          {t('application.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{title}</Title>
          <Badge variant="outline">{t(`status.${status}`, { defaultValue: status })}</Badge>
          {appeal && (
            <Badge color="red.9" variant="outline">
              {t(`appeal.status.${textField(appeal, 'status')}`, {
                defaultValue: textField(appeal, 'status'),
              })}
            </Badge>
          )}
        </Group>
      </div>
      <DoneNotice message={done} />
      <List spacing={2}>
        <List.Item>
          {t('labelled', { label: t('application.association'), value: textField(record, 'associationId') })}
        </List.Item>
        {requested && (
          <List.Item>
            {t('labelled', {
              label: t('application.requested'),
              value: format.money(requested.amountMinor, requested.currency),
            })}
          </List.Item>
        )}
        {line && (
          <List.Item>
            {t('labelled', {
              label: t('application.rank'),
              value: line.rank === null ? t('ranking.unranked') : format.count(line.rank),
            })}{' '}
            — {line.funded ? t('application.inFundedSet') : t('application.outsideFundedSet')}
          </List.Item>
        )}
        {recommendation && (
          <List.Item>
            {recommendation['recommended'] === true
              ? t('recommendation.recorded', {
                  rank: format.count(numberField(recommendation, 'rank') ?? 0),
                  rationale: textField(recommendation, 'rationale'),
                })
              : t('recommendation.recordedNo', { rationale: textField(recommendation, 'rationale') })}
          </List.Item>
        )}
        {decision && textField(decision, 'kind') === 'award' && (
          <List.Item>
            {t('decision.awarded', {
              amount: (() => {
                const amount = moneyField(decision, 'amount');
                return amount ? format.money(amount.amountMinor, amount.currency) : '—';
              })(),
              date: format.dateTime(textField(decision, 'decidedAt') ?? ''),
            })}
          </List.Item>
        )}
        {decision && textField(decision, 'kind') === 'rejection' && (
          <List.Item>
            {t('decision.rejected', {
              date: format.dateTime(textField(decision, 'decidedAt') ?? ''),
              deadline: format.dateTime(textField(decision, 'appealDeadline') ?? ''),
            })}{' '}
            {t('decision.reasons', { reasons: textListField(decision, 'reasons').join(' ; ') })}
          </List.Item>
        )}
      </List>

      {consensus && <ConsensusSummary consensus={consensus} application={record} />}
      {status === 'under-evaluation' && <ConsensusButton applicationId={applicationId} callId={callId} />}
      {status === 'scored' && <RecommendationForm {...forms} onDone={said(t('recommendation.done'))} />}
      {(status === 'recommended' || awarded) && envelopeId && (
        <EnvelopeRemaining
          envelopeId={envelopeId}
          before={awarded ? awarded.before : envelopeRemaining}
          after={awarded?.after}
        />
      )}
      {status === 'recommended' && requested && (
        <AwardForm
          {...forms}
          currency={requested.currency}
          envelopeRemaining={envelopeRemaining}
          outsideFundedSet={line ? !line.funded : false}
          callerId={actor?.id ?? ''}
          onAwarded={(outcome) => {
            setAwarded(outcome);
            setDone(t('award.done'));
          }}
        />
      )}
      {(status === 'recommended' || status === 'not-recommended') && (
        <RejectForm {...forms} onDone={said(t('reject.done'))} />
      )}
      {appeal && textField(appeal, 'status') === 'lodged' && (
        <AppealForm {...forms} grounds={textField(appeal, 'grounds')} onDone={said(t('appeal.done'))} />
      )}
    </Stack>
  );
}
