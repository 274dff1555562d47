import { Button, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  agreementLifecycleControllerComplete,
  agreementLifecycleControllerResume,
  agreementLifecycleControllerSuspend,
  agreementLifecycleControllerTerminate,
  partnershipAgreementsControllerSubmit,
} from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { Notice } from '../../forms/Notice';
import { ReasonAction } from '../../forms/ReasonAction';
import { AGREEMENTS_KEY } from '../queries';
import { STRINGS } from '../strings';
import { ActionPanel, todayInCasablanca } from './ActionPanel';

interface Common {
  agreementId: string;
  revision: number | undefined;
  onDone(message: string): void;
  onReload(): void;
}

/** The commands of the agreement's lifecycle, each with the agreement as read (If-Match). */
function useLifecycle<V>(
  props: Common,
  call: (agreementId: string, body: V, headers: Record<string, string>) => Promise<unknown>,
  done: string,
) {
  return useCommand({
    run: (body: V, headers) => call(props.agreementId, body, headers),
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () => props.onDone(done),
  });
}

/** A one-click step (submitting the draft, resuming): the platform says whether it may be done. */
function StepButton(props: Common & { label: string; done: string; step: 'submit' | 'resume' }) {
  const command = useLifecycle<undefined>(
    props,
    async (agreementId, _body, headers) =>
      props.step === 'submit'
        ? (
            await partnershipAgreementsControllerSubmit({
              path: { agreementId },
              headers,
              throwOnError: true,
            })
          ).data
        : (await agreementLifecycleControllerResume({ path: { agreementId }, headers, throwOnError: true }))
            .data,
    props.done,
  );
  return (
    <>
      <CommandAlert command={command} onReload={props.onReload} />
      <Button loading={command.pending} onClick={() => void command.submit(undefined)}>
        {props.label}
      </Button>
    </>
  );
}

export function SubmitAction(props: Common) {
  const { t } = useStrings(STRINGS);
  return <StepButton {...props} step="submit" label={t('actions.submit')} done={t('actions.submitted')} />;
}

export function ResumeAction(props: Common) {
  const { t } = useStrings(STRINGS);
  return <StepButton {...props} step="resume" label={t('actions.resume')} done={t('actions.resumed')} />;
}

export function SuspendAction(props: Common) {
  const { t } = useStrings(STRINGS);
  const command = useLifecycle<{ reason: string }>(
    props,
    async (agreementId, body, headers) =>
      (
        await agreementLifecycleControllerSuspend({
          path: { agreementId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    t('actions.suspended'),
  );
  return (
    <ReasonAction
      label={t('actions.suspend')}
      warning={t('actions.suspendWarning')}
      reasonLabel={t('actions.reason')}
      confirmLabel={t('actions.suspendConfirm')}
      command={command}
    />
  );
}

export function TerminateAction(props: Common) {
  const { t } = useStrings(STRINGS);
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(todayInCasablanca);
  const command = useLifecycle<{ reason: string; effectiveOn: string }>(
    props,
    async (agreementId, body, headers) =>
      (
        await agreementLifecycleControllerTerminate({
          path: { agreementId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    t('actions.terminated'),
  );
  return (
    <ActionPanel
      label={t('actions.terminate')}
      submitLabel={t('actions.terminateConfirm')}
      command={command}
      claimed={['/reason', '/effectiveOn']}
      onSubmit={() => command.submit({ reason: reason.trim(), effectiveOn })}
      onReload={props.onReload}
      color="red.9"
    >
      <Notice tone="danger">
        <Text size="sm">{t('actions.terminateWarning')}</Text>
      </Notice>
      <Textarea
        label={t('actions.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={command.fieldError('/reason')}
      />
      <TextInput
        type="date"
        label={t('actions.effectiveOn')}
        required
        value={effectiveOn}
        onChange={(event) => setEffectiveOn(event.currentTarget.value)}
        error={command.fieldError('/effectiveOn')}
      />
    </ActionPanel>
  );
}

export function CompleteAction(props: Common) {
  const { t } = useStrings(STRINGS);
  const [note, setNote] = useState('');
  const command = useLifecycle<{ note?: string }>(
    props,
    async (agreementId, body, headers) =>
      (
        await agreementLifecycleControllerComplete({
          path: { agreementId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    t('actions.completed'),
  );
  return (
    <ActionPanel
      label={t('actions.complete')}
      submitLabel={t('actions.completeConfirm')}
      command={command}
      claimed={['/note']}
      onSubmit={() => command.submit(note.trim() ? { note: note.trim() } : {})}
      onReload={props.onReload}
    >
      <Textarea
        label={t('actions.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={command.fieldError('/note')}
      />
    </ActionPanel>
  );
}
