import { Button, Checkbox, Fieldset, Group, Stack, Textarea } from '@mantine/core';
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
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const withdraw = useCommand({
    run: async (value: string, headers) =>
      (
        await applicationsControllerWithdraw({
          path: { applicationId: props.applicationId },
          body: { reason: value },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: INVALIDATES,
    onSuccess: () => props.onDone(t('application.withdraw.done')),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void withdraw.submit(reason.trim());
      }}
    >
      <Fieldset legend={t('application.withdraw.title')}>
        <Stack gap="xs">
          <CommandAlert command={withdraw} claimed={['/reason']} />
          <Textarea
            label={t('application.withdraw.reason')}
            required
            maxLength={5000}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={withdraw.fieldError('/reason')}
          />
          <Checkbox
            required
            label={t('application.withdraw.confirm')}
            checked={confirmed}
            onChange={(event) => setConfirmed(event.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" color="red" loading={withdraw.pending}>
              {t('application.withdraw.submit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
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
