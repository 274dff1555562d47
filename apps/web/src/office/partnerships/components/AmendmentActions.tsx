import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  agreementAmendmentsControllerPropose,
  agreementAmendmentsControllerRenew,
  agreementAmendmentsControllerWithdraw,
  type AgreementTermChangesDto,
} from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import {
  localizedBody,
  LocalizedTextInputs,
  localizedPointers,
  LocalizedTextValue,
} from '../../forms/LocalizedTextInputs';
import { ReasonAction } from '../../forms/ReasonAction';
import type { VersionColumn } from '../agreement-versions';
import { AGREEMENTS_KEY } from '../queries';
import { STRINGS } from '../strings';
import { ActionPanel } from './ActionPanel';

interface Common {
  agreementId: string;
  revision: number | undefined;
  onDone(message: string): void;
  onReload(): void;
}

/** A renewal: the end date alone, which every party signs again. */
export function RenewAction(props: Common) {
  const { t } = useStrings(STRINGS);
  const [newEndDate, setNewEndDate] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand({
    run: async (body: { newEndDate: string; reason: string }, headers) =>
      (
        await agreementAmendmentsControllerRenew({
          path: { agreementId: props.agreementId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () => props.onDone(t('actions.renewed')),
  });
  return (
    <ActionPanel
      label={t('actions.renew')}
      submitLabel={t('actions.renewSubmit')}
      command={command}
      claimed={['/newEndDate', '/reason']}
      onSubmit={() => command.submit({ newEndDate, reason: reason.trim() })}
      onReload={props.onReload}
    >
      <TextInput
        type="date"
        label={t('actions.newEndDate')}
        required
        value={newEndDate}
        onChange={(event) => setNewEndDate(event.currentTarget.value)}
        error={command.fieldError('/newEndDate')}
      />
      <Textarea
        label={t('actions.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={command.fieldError('/reason')}
      />
    </ActionPanel>
  );
}

/** An amendment of the object and/or the end date, with why; the platform lists what changed. */
export function AmendAction(props: Common) {
  const { t } = useStrings(STRINGS);
  const [object, setObject] = useState<LocalizedTextValue>({});
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand({
    run: async (body: { changes: AgreementTermChangesDto; reason: string }, headers) =>
      (
        await agreementAmendmentsControllerPropose({
          path: { agreementId: props.agreementId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () => props.onDone(t('actions.amended')),
  });
  const changes = (): AgreementTermChangesDto => ({
    ...(object.fr?.trim() && { object: localizedBody(object) }),
    ...(endDate && { endDate }),
  });
  return (
    <ActionPanel
      label={t('actions.amend')}
      submitLabel={t('actions.amendSubmit')}
      command={command}
      claimed={[...localizedPointers('/changes/object'), '/changes/endDate', '/reason']}
      onSubmit={() => command.submit({ changes: changes(), reason: reason.trim() })}
      onReload={props.onReload}
    >
      <LocalizedTextInputs
        legend={t('actions.amendObject')}
        value={object}
        onChange={setObject}
        error={command.fieldError}
        pointer="/changes/object"
        multiline
      />
      <TextInput
        type="date"
        label={t('actions.amendEndDate')}
        value={endDate}
        onChange={(event) => setEndDate(event.currentTarget.value)}
        error={command.fieldError('/changes/endDate')}
      />
      <Textarea
        label={t('actions.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={command.fieldError('/reason')}
      />
    </ActionPanel>
  );
}

/** Withdrawing the amendment or renewal that awaits signatures; the terms in force stay. */
export function WithdrawPendingAction(props: Common & { pending: VersionColumn }) {
  const { t } = useStrings(STRINGS);
  const amendmentId = props.pending.amendmentId ?? '';
  const command = useCommand({
    run: async (body: { reason: string }, headers) =>
      (
        await agreementAmendmentsControllerWithdraw({
          path: { agreementId: props.agreementId, amendmentId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () => props.onDone(t('actions.withdrawn')),
  });
  return (
    <ReasonAction
      label={t('actions.withdrawAmendment')}
      warning={t('actions.withdrawWarning')}
      reasonLabel={t('actions.reason')}
      confirmLabel={t('actions.withdrawConfirm')}
      command={command}
    />
  );
}
