import { Button, Fieldset, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  applicationsControllerAppeal,
  applicationsControllerSubmit,
  applicationsControllerWithdraw,
} from '../../../api/generated';
import { ApiRecord, recordField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { ReasonAction } from '../../forms/ReasonAction';
import { FINAL_STATUSES } from '../next-step';
import { STRINGS } from '../strings';

const INVALIDATES = [['funding', 'applications']];

/**
 * What the association may do with its application, by status: edit and submit a draft, withdraw
 * (with a reason, confirmed), appeal a rejection (with grounds). The platform decides (deadline,
 * appeal window); its answer shows here.
 */
export function ApplicationActions(props: {
  applicationId: string;
  record: ApiRecord;
  revision?: number;
  /** Tells the page the command went through (the form goes away with the status it was for). */
  onDone(message: string): void;
}) {
  const status = textField(props.record, 'status') ?? '';
  return (
    <Stack gap="md">
      {status === 'draft' && <SubmitDraft {...props} />}
      {status === 'rejected' && !recordField(props.record, 'appeal') && <Appeal {...props} />}
      {!FINAL_STATUSES.includes(status) && <Withdraw {...props} />}
    </Stack>
  );
}

function SubmitDraft(props: { applicationId: string; revision?: number; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const submit = useCommand({
    run: async (_: null, headers) =>
      (
        await applicationsControllerSubmit({
          path: { applicationId: props.applicationId },
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: INVALIDATES,
    onSuccess: () => props.onDone(t('application.submitted')),
  });
  return (
    <Stack gap="xs">
      <CommandAlert command={submit} />
      <Group>
        <Button
          component={Link}
          to={`/office/association/applications/${encodeURIComponent(props.applicationId)}/edit`}
          variant="default"
        >
          {t('application.edit')}
        </Button>
        <Button loading={submit.pending} onClick={() => void submit.submit(null)}>
          {t('application.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function Withdraw(props: { applicationId: string; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const withdraw = useCommand({
    run: async ({ reason }: { reason: string }, headers) =>
      (
        await applicationsControllerWithdraw({
          path: { applicationId: props.applicationId },
          body: { reason },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: INVALIDATES,
    onSuccess: () => props.onDone(t('application.withdraw.done')),
  });
  return (
    <ReasonAction
      label={t('application.withdraw.title')}
      warning={t('application.withdraw.confirm')}
      reasonLabel={t('application.withdraw.reason')}
      confirmLabel={t('application.withdraw.submit')}
      command={withdraw}
    />
  );
}

function Appeal(props: { applicationId: string; record: ApiRecord; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const [grounds, setGrounds] = useState('');
  const decision = recordField(props.record, 'decision');
  const deadline = decision ? textField(decision, 'appealDeadline') : undefined;
  const appeal = useCommand({
    run: async (value: string, headers) =>
      (
        await applicationsControllerAppeal({
          path: { applicationId: props.applicationId },
          body: { grounds: value },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: INVALIDATES,
    onSuccess: () => props.onDone(t('application.appeal.done')),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void appeal.submit(grounds.trim());
      }}
    >
      <Fieldset legend={t('application.appeal.title')}>
        <Stack gap="xs">
          {deadline && t('application.appeal.deadline', { date: format.dateTime(deadline) })}
          <CommandAlert command={appeal} claimed={['/grounds']} />
          <Textarea
            label={t('application.appeal.grounds')}
            required
            maxLength={5000}
            autosize
            minRows={3}
            value={grounds}
            onChange={(event) => setGrounds(event.currentTarget.value)}
            error={appeal.fieldError('/grounds')}
          />
          <Group>
            <Button type="submit" loading={appeal.pending}>
              {t('application.appeal.submit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
