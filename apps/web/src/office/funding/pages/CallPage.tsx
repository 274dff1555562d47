import { Anchor, Badge, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { callsControllerClose, callsControllerExtend, callsControllerPublish } from '../../../api/generated';
import {
  ApiRecord,
  localizedField,
  moneyField,
  numberField,
  recordField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { casablancaLocalToIso, isoToCasablancaLocal } from '../../../format/casablanca-time';
import { DoneNotice } from '../../forms/DoneNotice';
import { Notice } from '../../forms/Notice';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { CALLS_KEYS, officerCallQuery } from '../queries';
import { STRINGS } from '../strings';

/** One call as the officer runs it: its terms, and the next step for its status. */
export function CallPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const callId = useParams()['callId'] ?? '';
  const location = useLocation();
  const call = useQuery(officerCallQuery(callId));
  const [done, setDone] = useState<string | null>(() => {
    const state = location.state as { drafted?: boolean; revised?: boolean } | null;
    return state?.drafted ? t('call.drafted') : state?.revised ? t('call.revised') : null;
  });
  const revision = call.data?.revision;
  const publish = useCommand({
    run: async (_: void, headers) =>
      (await callsControllerPublish({ path: { callId }, headers, throwOnError: true })).data,
    ifMatch: revision,
    invalidates: CALLS_KEYS,
    onSuccess: () => setDone(t('call.published')),
  });
  const close = useCommand({
    run: async (_: void, headers) =>
      (await callsControllerClose({ path: { callId }, headers, throwOnError: true })).data,
    ifMatch: revision,
    invalidates: CALLS_KEYS,
    onSuccess: () => setDone(t('call.closed')),
  });

  if (!call.data)
    return (
      <Stack gap="md">
        <FundingNav />
        <QueryState query={call} />
      </Stack>
    );
  const record = call.data.record;
  const status = textField(record, 'status') ?? '';
  const budget = moneyField(record, 'budget');
  const deadline = textField(record, 'deadline');
  const base = `/office/funding/calls/${encodeURIComponent(callId)}`;
  return (
    <Stack gap="md">
      <FundingNav />
      <div>
        <Anchor component={Link} to="/office/funding/calls" size="sm">
          {t('call.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'title', language) ?? callId}</Title>
          <Badge>{t(`callStatus.${status}`, { defaultValue: status })}</Badge>
        </Group>
      </div>
      <DoneNotice message={done} />
      <Text>{localizedField(record, 'summary', language)}</Text>
      <List spacing={4}>
        <List.Item>
          {t('call.envelope')}{' '}
          <Anchor
            component={Link}
            to={`/office/funding/envelopes/${encodeURIComponent(textField(record, 'envelopeId') ?? '')}`}
          >
            {textField(record, 'envelopeId')}
          </Anchor>
        </List.Item>
        {budget && (
          <List.Item>
            {t('call.budget', { amount: format.money(budget.amountMinor, budget.currency) })}
          </List.Item>
        )}
        {deadline && <List.Item>{t('call.deadline', { date: format.dateTime(deadline) })}</List.Item>}
        <List.Item>
          {t('call.evaluatorsPerProposal', { count: numberField(record, 'evaluatorsPerProposal') ?? 0 })}
        </List.Item>
      </List>
      <Eligibility call={record} />
      <Criteria call={record} />

      {status === 'draft' && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('call.nextStep')}
          </Title>
          <Text size="sm">{t('call.draftHint')}</Text>
          <CommandAlert command={publish} onReload={() => void call.refetch()} />
          <Group>
            <Button component={Link} to={`${base}/edit`} variant="outline">
              {t('call.edit')}
            </Button>
            <Button loading={publish.pending} onClick={() => void publish.submit()}>
              {t('call.publish')}
            </Button>
          </Group>
        </Stack>
      )}
      {status === 'published' && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('call.nextStep')}
          </Title>
          <ExtendDeadline
            callId={callId}
            deadline={deadline}
            revision={revision}
            onDone={() => setDone(t('call.extended'))}
          />
          <Stack gap="xs">
            <Text size="sm">{t('call.closeHint')}</Text>
            {close.problem?.['code'] === 'CALL_STILL_OPEN' ? (
              <Notice tone="danger" role="alert" title={t('call.stillOpen')}>
                {deadline && t('call.stillOpenDetail', { date: format.dateTime(deadline) })}
              </Notice>
            ) : (
              <CommandAlert command={close} onReload={() => void call.refetch()} />
            )}
            <Group>
              <Button color="red.9" loading={close.pending} onClick={() => void close.submit()}>
                {t('call.close')}
              </Button>
            </Group>
          </Stack>
        </Stack>
      )}
      {status !== 'draft' && (
        <Group>
          <Button component={Link} to={`${base}/applications`}>
            {t('call.board')}
          </Button>
          <Anchor component={Link} to={`/calls/${encodeURIComponent(callId)}`}>
            {t('call.publicPage')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

function ExtendDeadline(props: { callId: string; deadline?: string; revision?: number; onDone(): void }) {
  const { t } = useStrings(STRINGS);
  const [local, setLocal] = useState(() => (props.deadline ? isoToCasablancaLocal(props.deadline) : ''));
  const extend = useCommand({
    run: async (body: { deadline: string }, headers) =>
      (await callsControllerExtend({ path: { callId: props.callId }, body, headers, throwOnError: true }))
        .data,
    ifMatch: props.revision,
    invalidates: CALLS_KEYS,
    onSuccess: props.onDone,
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void extend.submit({ deadline: casablancaLocalToIso(local) ?? local });
      }}
    >
      <Stack gap="xs" maw={420}>
        <CommandAlert command={extend} claimed={['/deadline']} />
        <TextInput
          type="datetime-local"
          label={t('call.newDeadline')}
          description={t('callForm.deadlineHint')}
          required
          value={local}
          onChange={(event) => setLocal(event.currentTarget.value)}
          error={extend.fieldError('/deadline')}
        />
        <Group>
          <Button type="submit" variant="outline" loading={extend.pending}>
            {t('call.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Eligibility({ call }: { call: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const rules = recordField(call, 'eligibility') ?? {};
  const regions = Array.isArray(rules['originRegions'])
    ? rules['originRegions'].filter((r): r is ApiRecord => r !== null && typeof r === 'object')
    : [];
  const any = t('call.any');
  return (
    <section aria-labelledby="call-eligibility">
      <Title order={2} size="h3" id="call-eligibility" mb="xs">
        {t('call.eligibility')}
      </Title>
      <List spacing={4}>
        <List.Item>
          {t('call.hostCountries', {
            list: textListField(rules, 'hostCountries').map(format.country).join(', ') || any,
          })}
        </List.Item>
        <List.Item>
          {t('call.originRegions', { list: regions.map((r) => textField(r, 'code')).join(', ') || any })}
        </List.Item>
        <List.Item>
          {t('call.sectors', { list: textListField(rules, 'sectors').join(', ') || any })}
        </List.Item>
        <List.Item>
          {t('call.minCoFinancing', {
            percent: format.percent(numberField(rules, 'minCoFinancingPercent') ?? 0),
          })}
        </List.Item>
      </List>
    </section>
  );
}

function Criteria({ call }: { call: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const award = recordField(call, 'awardCriteria') ?? {};
  const criteria = Array.isArray(award['criteria'])
    ? award['criteria'].filter((c): c is ApiRecord => c !== null && typeof c === 'object')
    : [];
  return (
    <section aria-labelledby="call-criteria">
      <Title order={2} size="h3" id="call-criteria" mb="xs">
        {t('call.criteria')}
      </Title>
      <List spacing={4}>
        {criteria.map((criterion) => (
          <List.Item key={textField(criterion, 'criterionId')}>
            {t('call.criterion', {
              name: localizedField(criterion, 'name', language) ?? textField(criterion, 'criterionId'),
              weight: format.percent(numberField(criterion, 'weight') ?? 0),
              threshold: format.count(numberField(criterion, 'threshold') ?? 0),
            })}
          </List.Item>
        ))}
        <List.Item>
          {t('call.overallThreshold', { points: format.count(numberField(award, 'overallThreshold') ?? 0) })}
        </List.Item>
      </List>
    </section>
  );
}
