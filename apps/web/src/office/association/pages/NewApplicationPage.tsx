import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { applicationsControllerDraft } from '../../../api/generated';
import { localizedField, moneyField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { ProposalFields } from '../components/ProposalFields';
import { emptyProposal, proposalBody, ProposalForm, proposalPointers } from '../proposal-form';
import { publishedCallsQuery } from '../queries';
import { STRINGS } from '../strings';

const newApplicationId = () =>
  `application-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A new application to a published call, saved as a draft (POST /api/funding/applications). */
export function NewApplicationPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const calls = useQuery(publishedCallsQuery);
  const [applicationId] = useState(newApplicationId);
  const [callId, setCallId] = useState(search.get('callId') ?? '');
  const [form, setForm] = useState<ProposalForm>(emptyProposal());
  const draft = useCommand({
    run: async (body: { callId: string; form: ProposalForm }, headers) =>
      (
        await applicationsControllerDraft({
          body: { applicationId, callId: body.callId, proposal: proposalBody(body.form) },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [['funding', 'applications']],
    onSuccess: () =>
      navigate(`/office/association/applications/${encodeURIComponent(applicationId)}`, {
        state: { done: t('form.created') },
      }),
  });

  const call = calls.data?.find((c) => textField(c, 'callId') === callId);
  const budget = call ? moneyField(call, 'budget') : undefined;
  const deadline = call ? textField(call, 'deadline') : undefined;
  const chooseCall = (id: string) => {
    setCallId(id);
    const currency = calls.data?.find((c) => textField(c, 'callId') === id);
    const code = currency ? moneyField(currency, 'budget')?.currency : undefined;
    if (code)
      setForm((current) => ({
        ...current,
        amountRequested: { ...current.amountRequested, currency: code },
        coFinancing: { ...current.coFinancing, currency: code },
      }));
  };
  // One open call: it is the one (a link from a call's page names it in ?callId=).
  const onlyCall = calls.data?.length === 1 ? textField(calls.data[0], 'callId') : undefined;
  useEffect(() => {
    if (onlyCall && !callId) chooseCall(onlyCall);
  }, [onlyCall]);

  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void draft.submit({ callId, form });
      }}
    >
      <Title order={1}>{t('new.title')}</Title>
      <Text>{t('new.intro')}</Text>
      {calls.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {calls.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {calls.data && calls.data.length === 0 && <Alert color="yellow" title={t('form.noOpenCall')} />}
      <CommandAlert
        command={draft}
        claimed={['/callId', ...proposalPointers('/proposal', form.documents.length)]}
      />
      <NativeSelect
        label={t('form.call')}
        required
        data={[
          { value: '', label: t('form.callNone') },
          ...(calls.data ?? []).map((c) => ({
            value: textField(c, 'callId') ?? '',
            label: localizedField(c, 'title', language) ?? textField(c, 'callId') ?? '',
          })),
        ]}
        value={callId}
        onChange={(event) => chooseCall(event.currentTarget.value)}
        error={draft.fieldError('/callId')}
      />
      {budget && deadline && (
        <Text size="sm">
          {t('form.callTerms', {
            budget: format.money(budget.amountMinor, budget.currency),
            deadline: format.dateTime(deadline),
          })}
        </Text>
      )}
      <ProposalFields value={form} onChange={setForm} error={draft.fieldError} prefix="/proposal" />
      <Group>
        <Button type="submit" loading={draft.pending}>
          {t('form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
