import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { callsControllerRevise, type CallTermsChangesDto } from '../../../api/generated';
import { ApiRecord } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { callTermsBody, callTermsForm, CallTermsForm } from '../call-terms-form';
import { callTermsPointers, CallTermsFields } from '../components/CallTermsFields';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { CALLS_KEYS, officerCallQuery } from '../queries';
import { STRINGS } from '../strings';

/** Revising a draft call: the terms as read, sent back with the revision read (If-Match). */
export function EditCallPage() {
  const callId = useParams()['callId'] ?? '';
  const call = useQuery(officerCallQuery(callId));
  if (!call.data)
    return (
      <Stack gap="md">
        <FundingNav />
        <QueryState query={call} />
      </Stack>
    );
  // Keyed by revision: a reload after a 412 starts the form again from what is stored now.
  return (
    <EditCallForm
      key={call.data.revision ?? 'none'}
      callId={callId}
      call={call.data.record}
      revision={call.data.revision}
      reload={() => void call.refetch()}
    />
  );
}

function EditCallForm(props: { callId: string; call: ApiRecord; revision?: number; reload(): void }) {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [terms, setTerms] = useState<CallTermsForm>(() => callTermsForm(props.call));
  const base = `/office/funding/calls/${encodeURIComponent(props.callId)}`;
  const revise = useCommand({
    run: async (body: CallTermsChangesDto, headers) =>
      (await callsControllerRevise({ path: { callId: props.callId }, body, headers, throwOnError: true }))
        .data,
    idempotent: false,
    ifMatch: props.revision,
    invalidates: CALLS_KEYS,
    onSuccess: () => navigate(base, { state: { revised: true } }),
  });
  return (
    <Stack gap="md" maw={900}>
      <FundingNav />
      <div>
        <Anchor component={Link} to={base} size="sm">
          {t('call.back')}
        </Anchor>
        <Title order={1}>{t('callForm.editTitle')}</Title>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void revise.submit(callTermsBody(terms));
        }}
      >
        <Stack gap="sm">
          <CommandAlert
            command={revise}
            claimed={callTermsPointers('', terms.criteria.length)}
            onReload={props.reload}
          />
          <CallTermsFields value={terms} onChange={setTerms} error={revise.fieldError} prefix="" />
          <Group>
            <Button type="submit" loading={revise.pending}>
              {t('callForm.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
