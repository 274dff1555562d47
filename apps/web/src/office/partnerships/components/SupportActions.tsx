import { Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  supportRequestsControllerAnswer,
  supportRequestsControllerAssign,
  supportRequestsControllerClose,
  supportRequestsControllerWithdraw,
  type SupportAnswerDto,
} from '../../../api/generated';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import { nameIn, registryNamesQuery, SUPPORT_KEY } from '../queries';
import { STRINGS } from '../strings';
import { ActionPanel } from './ActionPanel';

interface Common {
  requestId: string;
  revision: number | undefined;
  onDone(message: string): void;
  onReload(): void;
}

const ANSWER_KINDS: readonly SupportAnswerDto['kind'][] = ['advice', 'introduction', 'referral'];

function useSupportCommand<V>(
  props: Common,
  call: (requestId: string, body: V, headers: Record<string, string>) => Promise<unknown>,
  done: string,
) {
  return useCommand({
    run: (body: V, headers) => call(props.requestId, body, headers),
    ifMatch: props.revision,
    invalidates: [[...SUPPORT_KEY]],
    onSuccess: () => props.onDone(done),
  });
}

/** The officer takes the request (or hands it to another officer by user id). */
function AssignActions(props: Common & { officerId: string | undefined }) {
  const { t } = useStrings(STRINGS);
  const me = useSession().actor?.id;
  const [officerId, setOfficerId] = useState('');
  const assign = useSupportCommand<{ officerId?: string }>(
    props,
    async (requestId, body, headers) =>
      (await supportRequestsControllerAssign({ path: { requestId }, body, headers, throwOnError: true }))
        .data,
    t('supportActions.assigned'),
  );
  return (
    <>
      {props.officerId !== me && (
        <Stack gap="xs">
          <CommandAlert command={assign} onReload={props.onReload} />
          <Group>
            <Button loading={assign.pending} onClick={() => void assign.submit({})}>
              {t('supportActions.assignMe')}
            </Button>
          </Group>
        </Stack>
      )}
      {props.officerId && (
        <ActionPanel
          label={t('supportActions.reassign')}
          submitLabel={t('supportActions.reassign')}
          command={assign}
          claimed={['/officerId']}
          onSubmit={() => assign.submit({ officerId: officerId.trim() })}
          onReload={props.onReload}
        >
          <TextInput
            label={t('supportActions.officerId')}
            required
            dir="ltr"
            value={officerId}
            onChange={(event) => setOfficerId(event.currentTarget.value)}
            error={assign.fieldError('/officerId')}
          />
        </ActionPanel>
      )}
    </>
  );
}

/** Advice, an introduction to an actor of the Registry, or a referral to a call. */
function AnswerForm(props: Common) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const names = useQuery(registryNamesQuery);
  const nameOf = nameIn(names.data, language);
  const actors = (names.data ?? []).map((r) => textField(r, 'actorId')).filter((id): id is string => !!id);
  const [answer, setAnswer] = useState<SupportAnswerDto>({ kind: 'advice' });
  const command = useSupportCommand<{ answer: SupportAnswerDto }>(
    props,
    async (requestId, body, headers) =>
      (await supportRequestsControllerAnswer({ path: { requestId }, body, headers, throwOnError: true }))
        .data,
    t('supportActions.answered'),
  );
  const set = (change: Partial<SupportAnswerDto>) => setAnswer({ ...answer, ...change });
  const body = (): SupportAnswerDto =>
    answer.kind === 'advice'
      ? { kind: 'advice', text: answer.text?.trim() ?? '' }
      : answer.kind === 'introduction'
        ? {
            kind: 'introduction',
            actorId: answer.actorId ?? actors[0] ?? '',
            ...(answer.note?.trim() && { note: answer.note.trim() }),
          }
        : {
            kind: 'referral',
            callId: answer.callId?.trim() ?? '',
            ...(answer.note?.trim() && { note: answer.note.trim() }),
          };
  return (
    <ActionPanel
      label={t('supportActions.answerTitle')}
      submitLabel={t('supportActions.answerSubmit')}
      command={command}
      claimed={['/answer/kind', '/answer/text', '/answer/actorId', '/answer/callId', '/answer/note']}
      onSubmit={() => command.submit({ answer: body() })}
      onReload={props.onReload}
    >
      <NativeSelect
        label={t('supportActions.answerKind')}
        data={ANSWER_KINDS.map((k) => ({ value: k, label: t(`answerKind.${k}`) }))}
        value={answer.kind}
        onChange={(event) =>
          set({ kind: ANSWER_KINDS.find((k) => k === event.currentTarget.value) ?? 'advice' })
        }
        error={command.fieldError('/answer/kind')}
      />
      {answer.kind === 'advice' && (
        <Textarea
          label={t('supportActions.text')}
          required
          autosize
          minRows={3}
          value={answer.text ?? ''}
          onChange={(event) => set({ text: event.currentTarget.value })}
          error={command.fieldError('/answer/text')}
        />
      )}
      {answer.kind === 'introduction' && (
        <NativeSelect
          label={t('supportActions.actorId')}
          required
          data={actors.map((id) => ({ value: id, label: nameOf(id) }))}
          value={answer.actorId ?? actors[0] ?? ''}
          onChange={(event) => set({ actorId: event.currentTarget.value })}
          error={command.fieldError('/answer/actorId')}
        />
      )}
      {answer.kind === 'referral' && (
        <TextInput
          label={t('supportActions.callId')}
          required
          dir="ltr"
          value={answer.callId ?? ''}
          onChange={(event) => set({ callId: event.currentTarget.value })}
          error={command.fieldError('/answer/callId')}
        />
      )}
      {answer.kind !== 'advice' && (
        <Textarea
          label={t('supportActions.note')}
          autosize
          minRows={2}
          value={answer.note ?? ''}
          onChange={(event) => set({ note: event.currentTarget.value })}
          error={command.fieldError('/answer/note')}
        />
      )}
    </ActionPanel>
  );
}

function CloseForm(props: Common) {
  const { t } = useStrings(STRINGS);
  const [note, setNote] = useState('');
  const command = useSupportCommand<{ note?: string }>(
    props,
    async (requestId, body, headers) =>
      (await supportRequestsControllerClose({ path: { requestId }, body, headers, throwOnError: true })).data,
    t('supportActions.closed'),
  );
  return (
    <ActionPanel
      label={t('supportActions.close')}
      submitLabel={t('supportActions.close')}
      command={command}
      claimed={['/note']}
      onSubmit={() => command.submit(note.trim() ? { note: note.trim() } : {})}
      onReload={props.onReload}
    >
      <Textarea
        label={t('supportActions.closeNote')}
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={command.fieldError('/note')}
      />
    </ActionPanel>
  );
}

function WithdrawForm(props: Common) {
  const { t } = useStrings(STRINGS);
  const [reason, setReason] = useState('');
  const command = useSupportCommand<{ reason?: string }>(
    props,
    async (requestId, body, headers) =>
      (await supportRequestsControllerWithdraw({ path: { requestId }, body, headers, throwOnError: true }))
        .data,
    t('supportActions.withdrawn'),
  );
  return (
    <ActionPanel
      label={t('supportActions.withdraw')}
      submitLabel={t('supportActions.withdrawConfirm')}
      command={command}
      claimed={['/reason']}
      onSubmit={() => command.submit(reason.trim() ? { reason: reason.trim() } : {})}
      onReload={props.onReload}
      color="red.9"
    >
      <Textarea
        label={t('supportActions.withdrawReason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={command.fieldError('/reason')}
      />
    </ActionPanel>
  );
}

/** The next steps of a request for the reader: the officer assigns, answers, closes; the requester withdraws or closes. */
export function SupportActions(props: Common & { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const status = textField(props.record, 'status') ?? '';
  const officer = session.hasRole('officer');
  const requester = session.actor?.organisationId === textField(props.record, 'requesterId');
  const waiting = status === 'received' || status === 'assigned';
  if (!officer && !requester) return null;
  if (status === 'closed' || status === 'withdrawn') return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('actions.title')}
      </Title>
      <Group gap="xs" align="start">
        {officer && waiting && <AssignActions {...props} officerId={textField(props.record, 'officerId')} />}
        {officer && status === 'assigned' && <AnswerForm {...props} />}
        {status === 'answered' && <CloseForm {...props} />}
        {requester && waiting && <WithdrawForm {...props} />}
      </Group>
    </Stack>
  );
}
