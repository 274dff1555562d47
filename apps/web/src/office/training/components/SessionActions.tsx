import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  sessionCompletionControllerClose,
  sessionCompletionControllerHeld,
  sessionsControllerCancel,
  sessionsControllerCapacity,
  sessionsControllerCloseEnrolment,
  sessionsControllerOpenEnrolment,
} from '../../../api/generated';
import type { ApiRecord } from '../../../api/record-fields';
import { useCommand, type CommandHeaders } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { ReasonAction } from '../../forms/ReasonAction';
import { CERTIFICATES_KEY, SESSIONS_KEY } from '../queries';
import { certificatesIssued, promotionsOf } from '../session-views';
import { STRINGS } from '../strings';

const RUNNING = ['enrolment-open', 'enrolment-closed', 'held'];

/**
 * What can be done with the session as read, each with the session's revision as If-Match (a change
 * made meanwhile answers 412 and offers to reload): held and closed (its trainer or an officer);
 * enrolment opened or closed, the capacity changed, the session cancelled (an officer).
 */
export function SessionActions(props: {
  sessionId: string;
  status: string;
  capacity: number;
  confirmed: number;
  revision: number | undefined;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { hasRole } = useSession();
  const follow = useFollowReadModels();
  const [done, setDone] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<number | string>(props.capacity);
  const { sessionId, status } = props;
  const keys = [[...SESSIONS_KEY], [...CERTIFICATES_KEY]];
  const path = { sessionId };
  const common = <V, R>(run: (v: V, headers: CommandHeaders) => Promise<R>, message: (r: R) => string) =>
    ({
      run,
      ifMatch: props.revision,
      invalidates: keys,
      onSuccess: (result: R) => {
        setDone(message(result));
        follow(keys);
      },
    }) as const;

  const held = useCommand(
    common(
      async (_: void, headers) =>
        (await sessionCompletionControllerHeld({ path, headers, throwOnError: true })).data,
      () => t('actions.heldDone'),
    ),
  );
  const close = useCommand(
    common(
      async (_: void, headers) =>
        (await sessionCompletionControllerClose({ path, headers, throwOnError: true })).data as ApiRecord,
      (result) => {
        const issued = certificatesIssued(result);
        return issued === null
          ? t('actions.closedLater')
          : t('actions.closedDone', { issued: format.count(issued) });
      },
    ),
  );
  const openEnrolment = useCommand(
    common(
      async (_: void, headers) =>
        (await sessionsControllerOpenEnrolment({ path, headers, throwOnError: true })).data,
      () => t('actions.enrolmentOpened'),
    ),
  );
  const closeEnrolment = useCommand(
    common(
      async (_: void, headers) =>
        (await sessionsControllerCloseEnrolment({ path, headers, throwOnError: true })).data,
      () => t('actions.enrolmentClosed'),
    ),
  );
  const changeCapacity = useCommand({
    ...common(
      async (v: { capacity: number }, headers) =>
        (await sessionsControllerCapacity({ path, body: v, headers, throwOnError: true })).data,
      (result) => {
        const promoted = promotionsOf(result.events);
        return t('actions.capacityDone', { promoted: format.count(promoted) });
      },
    ),
    idempotent: false,
  });
  const cancel = useCommand(
    common(
      async (v: { reason: string }, headers) =>
        (await sessionsControllerCancel({ path, body: v, headers, throwOnError: true })).data,
      () => t('actions.cancelled'),
    ),
  );

  const officer = hasRole('officer');
  const running = RUNNING.includes(status);
  const commands = [held, close, openEnrolment, closeEnrolment, changeCapacity];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('actions.title')}</Title>
      <DoneNotice message={done} />
      {commands.map((command, i) => (
        <CommandAlert key={i} command={command} onReload={props.onReload} claimed={['/capacity']} />
      ))}
      <Group gap="xs">
        {running && status !== 'held' && (
          <Button variant="default" loading={held.pending} onClick={() => void held.submit()}>
            {t('actions.held')}
          </Button>
        )}
        {running && (
          <Button loading={close.pending} onClick={() => void close.submit()}>
            {t('actions.close')}
          </Button>
        )}
        {officer && (status === 'scheduled' || status === 'enrolment-closed') && (
          <Button
            variant="default"
            loading={openEnrolment.pending}
            onClick={() => void openEnrolment.submit()}
          >
            {t('actions.openEnrolment')}
          </Button>
        )}
        {officer && status === 'enrolment-open' && (
          <Button
            variant="default"
            loading={closeEnrolment.pending}
            onClick={() => void closeEnrolment.submit()}
          >
            {t('actions.closeEnrolment')}
          </Button>
        )}
      </Group>
      {running && <Text size="sm">{t('actions.closeHelp')}</Text>}
      {officer && (status === 'scheduled' || running) && (
        <Group align="end" gap="xs">
          <NumberInput
            label={t('actions.capacity')}
            description={t('actions.capacityHelp', { confirmed: format.count(props.confirmed) })}
            min={1}
            allowDecimal={false}
            w={260}
            value={capacity}
            onChange={setCapacity}
            error={changeCapacity.fieldError('/capacity')}
          />
          <Button
            variant="default"
            loading={changeCapacity.pending}
            onClick={() => void changeCapacity.submit({ capacity: Number(capacity) })}
          >
            {t('actions.changeCapacity')}
          </Button>
        </Group>
      )}
      {officer &&
        (status === 'scheduled' || status === 'enrolment-open' || status === 'enrolment-closed') && (
          <ReasonAction
            label={t('actions.cancel')}
            warning={t('actions.cancelWarning')}
            reasonLabel={t('actions.cancelReason')}
            confirmLabel={t('actions.cancelConfirm')}
            command={cancel}
          />
        )}
    </Stack>
  );
}
