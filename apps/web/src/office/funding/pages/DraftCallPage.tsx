import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { callsControllerDraft, type DraftCallDto } from '../../../api/generated';
import { moneyField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { callTermsBody, CallTermsForm, emptyCallTerms } from '../call-terms-form';
import { callTermsPointers, CallTermsFields } from '../components/CallTermsFields';
import { FundingNav } from '../components/FundingNav';
import { CALLS_KEYS, envelopeQuery } from '../queries';
import { STRINGS } from '../strings';

/** Drafting a call for proposals, on the envelope it was opened from (`?envelopeId=`). */
export function DraftCallPage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const envelopeId = useSearchParams()[0].get('envelopeId') ?? '';
  const envelope = useQuery({ ...envelopeQuery(envelopeId), enabled: envelopeId !== '' });
  const [callId, setCallId] = useState('');
  // Chosen once, so that a retry of the same form drafts the same call (never a second one).
  const [generatedId] = useState(() => `call-${Date.now().toString(36)}`);
  const [terms, setTerms] = useState<CallTermsForm>(() => emptyCallTerms());
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    const record = envelope.data?.record;
    if (!record || prefilled) return;
    setPrefilled(true);
    setTerms((current) => ({
      ...current,
      programmeId: textField(record, 'programmeId') ?? '',
      envelopeId,
      budget: {
        ...current.budget,
        currency: moneyField(record, 'amount')?.currency ?? current.budget.currency,
      },
    }));
  }, [envelope.data, envelopeId, prefilled]);

  const draft = useCommand({
    run: async (body: DraftCallDto, headers) =>
      (await callsControllerDraft({ body, headers, throwOnError: true })).data,
    invalidates: CALLS_KEYS,
    onSuccess: (_result, body) =>
      navigate(`/office/funding/calls/${encodeURIComponent(body.callId ?? '')}`, {
        state: { drafted: true },
      }),
  });
  return (
    <Stack gap="md" maw={900}>
      <FundingNav />
      <Title order={1}>{t('callForm.draftTitle')}</Title>
      <Text>{t('callForm.draftIntro')}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void draft.submit({ callId: callId.trim() || generatedId, terms: callTermsBody(terms) });
        }}
      >
        <Stack gap="sm">
          <CommandAlert
            command={draft}
            claimed={['/callId', ...callTermsPointers('/terms', terms.criteria.length)]}
          />
          <TextInput
            label={t('callForm.callId')}
            description={t('callForm.callIdHint')}
            value={callId}
            onChange={(event) => setCallId(event.currentTarget.value)}
            error={draft.fieldError('/callId')}
          />
          <CallTermsFields value={terms} onChange={setTerms} error={draft.fieldError} prefix="/terms" />
          <Group>
            <Button type="submit" loading={draft.pending}>
              {t('callForm.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
