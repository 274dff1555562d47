import { Alert, Anchor, Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { ApplicationActions } from '../components/ApplicationActions';
import { DoneNotice } from '../../forms/DoneNotice';
import { TrancheReports } from '../components/TrancheReports';
import { nextStep } from '../next-step';
import { callQuery } from '../../../api/queries';
import { applicationQuery } from '../queries';
import { STRINGS } from '../strings';

/** One of the association's applications: where it stands, what to do next, and the actions it allows. */
export function ApplicationPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const applicationId = useParams()['applicationId'] ?? '';
  const arrived = (useLocation().state as { done?: string } | null)?.done ?? null;
  const [done, setDone] = useState<string | null>(arrived);
  const application = useQuery(applicationQuery(applicationId));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/office/association" size="sm">
        {t('application.back')}
      </Anchor>
      {application.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {application.isError && (
        <>
          <Title order={1}>{applicationId}</Title>
          <Alert color="red" title={t('application.notFound')} />
        </>
      )}
      {application.data && (
        <>
          <DoneNotice message={done} />
          <ApplicationDetails record={application.data.record} />
          <ApplicationActions
            applicationId={applicationId}
            record={application.data.record}
            revision={application.data.revision}
            onDone={setDone}
          />
          <TrancheReports applicationId={applicationId} record={application.data.record} onDone={setDone} />
        </>
      )}
    </Stack>
  );
}

function ApplicationDetails({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const proposal = recordField(record, 'proposal') ?? {};
  const status = textField(record, 'status') ?? '';
  const decision = recordField(record, 'decision');
  const step = nextStep(record, new Date());
  const appealDeadline = decision ? textField(decision, 'appealDeadline') : undefined;
  const requested = moneyField(proposal, 'amountRequested');
  const coFinancing = moneyField(proposal, 'coFinancing');
  const awarded =
    decision && textField(decision, 'kind') === 'award' ? moneyField(decision, 'amount') : undefined;
  const reasons = decision ? textListField(decision, 'reasons') : [];
  const submittedAt = textField(record, 'submittedAt');
  const callId = textField(record, 'callId') ?? '';
  const call = useQuery({ ...callQuery(callId), enabled: callId !== '' });
  return (
    <>
      <Group gap="sm">
        <Title order={1}>
          {localizedField(proposal, 'title', language) ?? textField(record, 'applicationId')}
        </Title>
        <Badge>{t('application.status', { status: t(`status.${status}`, { defaultValue: status }) })}</Badge>
      </Group>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('application.next')}
        </Title>
        <Text>{t(`next.${step}`, { date: appealDeadline ? format.dateTime(appealDeadline) : '' })}</Text>
      </Card>
      <List spacing={4}>
        <List.Item>
          {t('application.call')}{' '}
          <Anchor component={Link} to={`/calls/${encodeURIComponent(callId)}`}>
            {(call.data && localizedField(call.data, 'title', language)) ?? callId}
          </Anchor>
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
        {submittedAt && (
          <List.Item>{t('application.submittedAt', { date: format.dateTime(submittedAt) })}</List.Item>
        )}
        {awarded && (
          <List.Item>
            {t('application.awarded', { amount: format.money(awarded.amountMinor, awarded.currency) })}
          </List.Item>
        )}
      </List>
      {reasons.length > 0 && (
        <section aria-labelledby="rejection-reasons">
          <Title order={2} size="h4" id="rejection-reasons">
            {t('application.rejectionReasons')}
          </Title>
          <List>
            {reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="application-documents">
        <Title order={2} size="h4" id="application-documents">
          {t('application.documents')}
        </Title>
        {recordListField(proposal, 'documents').length === 0 ? (
          <Text size="sm">{t('documents.none')}</Text>
        ) : (
          <List size="sm">
            {recordListField(proposal, 'documents').map((document) => (
              <List.Item key={textField(document, 'documentId')}>
                {textField(document, 'name')} — {t(`documents.kinds.${textField(document, 'kind')}`)} —{' '}
                <Text span ff="monospace" size="xs" dir="ltr">
                  {textField(document, 'sha256')}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {status === 'draft' && <Text size="sm">{t('application.submitHint')}</Text>}
    </>
  );
}
