import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import {
  associationsControllerDissolve,
  associationsControllerReinstate,
  associationsControllerReject,
  associationsControllerSuspend,
  associationsControllerVerify,
} from '../../../api/generated';
import type { CommandHeaders } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { errorAt } from '../shared/field-errors';
import { DoneNotice } from '../../forms/DoneNotice';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

type Path = { associationId: string };
type WithReason = 'reject' | 'suspend' | 'dissolve';
type WithoutReason = 'verify' | 'reinstate';

const WITH_REASON: Record<WithReason, typeof associationsControllerReject> = {
  reject: associationsControllerReject,
  suspend: associationsControllerSuspend,
  dissolve: associationsControllerDissolve,
};
const WITHOUT_REASON: Record<WithoutReason, typeof associationsControllerVerify> = {
  verify: associationsControllerVerify,
  reinstate: associationsControllerReinstate,
};

/** The next steps of an association's life for its status; the platform has the last word. */
const ACTIONS_OF: Record<string, readonly (WithReason | WithoutReason)[]> = {
  submitted: ['verify', 'reject'],
  verified: ['suspend', 'dissolve'],
  suspended: ['reinstate', 'dissolve'],
};

/**
 * Verify, reject, suspend, reinstate or dissolve the association as the officer read it (If-Match:
 * its revision). Rejection, suspension and dissolution ask for the reason the platform keeps.
 */
export function StatusActions(props: {
  associationId: string;
  status: string | undefined;
  revision: number | undefined;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [done, setDone] = useState<string | null>(null);
  const actions = ACTIONS_OF[props.status ?? ''] ?? [];
  return (
    <section aria-labelledby="association-status">
      <Title order={2} size="h3" id="association-status" mb="sm">
        {t('association.statusTitle')}
      </Title>
      <DoneNotice message={done !== null && done ? t(`actions.done.${done}`) : ''} />
      {actions.length === 0 ? (
        <Text size="sm">{t('association.noAction')}</Text>
      ) : (
        <Group align="flex-start" gap="lg">
          {actions.map((action) =>
            action === 'verify' || action === 'reinstate' ? (
              <PlainAction key={action} action={action} {...props} onDone={setDone} />
            ) : (
              <ReasonAction key={action} action={action} {...props} onDone={setDone} />
            ),
          )}
        </Group>
      )}
    </section>
  );
}

interface ActionProps {
  associationId: string;
  revision: number | undefined;
  onReload(): void;
  onDone(action: string): void;
}

function PlainAction(props: ActionProps & { action: WithoutReason }) {
  const { t } = useStrings(STRINGS);
  const command = useRegistryCommand({
    ifMatch: props.revision,
    run: (path: Path, headers: CommandHeaders) =>
      WITHOUT_REASON[props.action]({ path, headers, throwOnError: true }),
    onSuccess: () => props.onDone(props.action),
  });
  return (
    <Stack gap="xs">
      <Button
        loading={command.pending}
        onClick={() => void command.submit({ associationId: props.associationId })}
      >
        {t(`actions.${props.action}`)}
      </Button>
      <CommandAlert command={command} onReload={props.onReload} />
    </Stack>
  );
}

function ReasonAction(props: ActionProps & { action: WithReason }) {
  const { t } = useStrings(STRINGS);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const command = useRegistryCommand({
    ifMatch: props.revision,
    run: (variables: { path: Path; reason: string }, headers: CommandHeaders) =>
      WITH_REASON[props.action]({
        path: variables.path,
        body: { reason: variables.reason },
        headers,
        throwOnError: true,
      }),
    onSuccess: () => {
      setOpen(false);
      props.onDone(props.action);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void command.submit({ path: { associationId: props.associationId }, reason });
  };
  if (!open)
    return (
      <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>
        {t(`actions.${props.action}`)}
      </Button>
    );
  return (
    <form noValidate onSubmit={submit} aria-label={t(`actions.${props.action}`)} style={{ minWidth: 320 }}>
      <Stack gap="xs">
        <Text size="sm">{t(`actions.confirm.${props.action}`)}</Text>
        <CommandAlert command={command} claimed={['/reason']} onReload={props.onReload} />
        <Textarea
          label={t('actions.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errorAt(command.problem, '/reason')}
        />
        <Group gap="xs">
          <Button type="submit" color="red.9" loading={command.pending}>
            {t(`actions.submit.${props.action}`)}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
