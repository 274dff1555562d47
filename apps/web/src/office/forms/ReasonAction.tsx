import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Command } from '../../api/use-command';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from './CommandAlert';
import { STRINGS } from '../strings';
import { Notice } from './Notice';

/**
 * A destructive action that the platform records with its reason (closing an envelope, removing
 * an evaluator, withdrawing an application or a need): the button opens the reason and what it
 * will do, then the user confirms. Every area's reasoned action is this one.
 */
export function ReasonAction(props: {
  label: string;
  warning: string;
  reasonLabel: string;
  confirmLabel: string;
  command: Command<{ reason: string }, unknown>;
  /** Where the reason's field error comes (`/reason`). */
  pointer?: string;
  color?: string;
  maxLength?: number;
}) {
  const { t } = useStrings(STRINGS);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const pointer = props.pointer ?? '/reason';
  if (!open)
    return (
      <Button variant="outline" color={props.color ?? 'red.9'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
    );
  return (
    <Stack gap="xs" maw={560}>
      <Notice tone="danger">
        <Text size="sm">{props.warning}</Text>
      </Notice>
      <CommandAlert command={props.command} claimed={[pointer]} />
      <Textarea
        label={props.reasonLabel}
        required
        autosize
        minRows={2}
        maxLength={props.maxLength ?? 5000}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={props.command.fieldError(pointer)}
      />
      <Group gap="xs">
        <Button
          color={props.color ?? 'red.9'}
          loading={props.command.pending}
          onClick={async () => {
            const done = await props.command.submit({ reason: reason.trim() });
            if (done !== undefined) {
              setOpen(false);
              setReason('');
            }
          }}
        >
          {props.confirmLabel}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
