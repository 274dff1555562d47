import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { AgreementForm } from '../components/AgreementForm';
import { DoneNotice } from '../../forms/DoneNotice';
import { EvaluatorsSection } from '../components/EvaluatorsSection';
import { Notice } from '../../forms/Notice';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { ScreeningSection } from '../components/ScreeningSection';
import { TranchesTable } from '../components/TranchesTable';
import { applicationQuery, envelopeQuery, FUNDING_KEY } from '../queries';
import { STRINGS } from '../strings';

/** The ministry's actor in the Registry: a party to every grant agreement. */
const MINISTRY = 'actor-ministry';

const records = (value: unknown): ApiRecord[] =>
  Array.isArray(value) ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object') : [];

/** One application as the officer handles it: screening, evaluators, then agreement and tranches. */
export function ApplicationPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const applicationId = useParams()['applicationId'] ?? '';
  const application = useQuery(applicationQuery(applicationId));
  const [done, setDone] = useState<string | null>(null);

  if (!application.data)
    return (
      <Stack gap="md">
        <FundingNav />
        <QueryState query={application} />
      </Stack>
    );
  const record = application.data.record;
  const revision = application.data.revision;
  const proposal = recordField(record, 'proposal') ?? {};
  const status = textField(record, 'status') ?? '';
  const callId = textField(record, 'callId') ?? '';
  const flag = recordField(record, 'flag');
  const requested = moneyField(proposal, 'amountRequested');
  const coFinancing = moneyField(proposal, 'coFinancing');
  const region = recordField(proposal, 'region');
  const invalidates = [
    [...FUNDING_KEY, 'applications', applicationId],
    [...FUNDING_KEY, 'calls', callId, 'board'],
    [...FUNDING_KEY, 'envelopes'],
  ];
  const sectionProps = { application: record, revision, invalidates, onDone: setDone };
  return (
    <Stack gap="lg">
      <FundingNav />
      <div>
        <Anchor
          component={Link}
          to={`/office/funding/calls/${encodeURIComponent(callId)}/applications`}
          size="sm"
        >
          {t('application.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(proposal, 'title', language) ?? applicationId}</Title>
          <Badge>{t(`applicationStatus.${status}`, { defaultValue: status })}</Badge>
        </Group>
      </div>
      <DoneNotice message={done} />
      {flag && (
        <Notice tone="danger" title={t('application.flagged')}>
          {textField(flag, 'reason')}
        </Notice>
      )}
      <Text>{localizedField(proposal, 'summary', language)}</Text>
      <List spacing={4}>
        <List.Item>
          {t('application.association', { id: textField(record, 'associationId') ?? '—' })}
        </List.Item>
        {requested && (
          <List.Item>
            {t('application.requested', { amount: format.money(requested.amountMinor, requested.currency) })}
          </List.Item>
        )}
        {coFinancing && (
          <List.Item>
            {t('application.coFinancing', {
              amount: format.money(coFinancing.amountMinor, coFinancing.currency),
            })}
          </List.Item>
        )}
        {region && (
          <List.Item>{t('application.region', { name: nameOf(textField(region, 'code') ?? '') })}</List.Item>
        )}
        <List.Item>
          {t('application.sectors', { list: textListField(proposal, 'sectors').join(', ') || '—' })}
        </List.Item>
        {textField(record, 'submittedAt') && (
          <List.Item>
            {t('application.submittedAt', { date: format.dateTime(textField(record, 'submittedAt') ?? '') })}
          </List.Item>
        )}
      </List>
      <ScreeningSection {...sectionProps} />
      <EvaluatorsSection {...sectionProps} />
      <Agreement {...sectionProps} />
    </Stack>
  );
}

function Agreement(props: {
  application: ApiRecord;
  revision?: number;
  invalidates: unknown[][];
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const decision = recordField(props.application, 'decision');
  const award =
    decision && textField(decision, 'kind') === 'award' ? moneyField(decision, 'amount') : undefined;
  const envelopeId = decision ? textField(decision, 'envelopeId') : undefined;
  const envelope = useQuery({ ...envelopeQuery(envelopeId ?? ''), enabled: envelopeId !== undefined });
  const agreement = recordField(props.application, 'agreement');
  if (!decision || !award) return null;
  const applicationId = textField(props.application, 'applicationId') ?? '';
  const associationId = textField(props.application, 'associationId') ?? '';
  const funderId = envelope.data ? textField(envelope.data.record, 'funderId') : undefined;
  return (
    <section aria-labelledby="application-agreement">
      <Title order={2} size="h3" id="application-agreement" mb="xs">
        {t('agreement.title')}
      </Title>
      <Stack gap="sm">
        <Text>{t('agreement.award', { amount: format.money(award.amountMinor, award.currency) })}</Text>
        {agreement ? (
          <>
            <List spacing={4}>
              <List.Item>
                {t('agreement.signedOnValue', { date: format.date(textField(agreement, 'signedOn') ?? '') })}
              </List.Item>
              <List.Item>
                {t('agreement.signatoriesValue', {
                  list: textListField(agreement, 'signatories').join(', '),
                })}
              </List.Item>
            </List>
            <TranchesTable
              applicationId={applicationId}
              tranches={records(agreement['tranches'])}
              revision={props.revision}
              invalidates={props.invalidates}
              onDone={props.onDone}
            />
          </>
        ) : envelope.isPending && envelopeId ? null : (
          <AgreementForm
            applicationId={applicationId}
            award={award}
            signatories={[associationId, ...(funderId ? [funderId] : []), MINISTRY].filter(
              (id, i, all) => id !== '' && all.indexOf(id) === i,
            )}
            revision={props.revision}
            invalidates={props.invalidates}
            onDone={props.onDone}
          />
        )}
      </Stack>
    </section>
  );
}
