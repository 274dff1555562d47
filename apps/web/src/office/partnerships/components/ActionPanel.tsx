import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { FormEvent, ReactNode, useState } from 'react';
import type { Command } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS } from '../strings';

/**
 * An action that needs a few fields: its button opens the form, the form's submit runs it and
 * closes on success. `claimed`: the pointers the fields show (the rest go to CommandAlert).
 */
export function ActionPanel(props: {
  label: string;
  submitLabel: string;
  command: Command<any, unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any command
  claimed: readonly string[];
  onSubmit(): Promise<unknown>;
  onReload(): void;
  color?: string;
  children: ReactNode;
}) {
  const { t } = useStrings(STRINGS);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button variant="outline" color={props.color ?? 'blue.9'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await props.onSubmit()) !== undefined) setOpen(false);
  };
  return (
    <Paper withBorder p="sm" w="100%" maw={640}>
      <Stack gap="xs" component="form" onSubmit={(event) => void submit(event)}>
        <Title order={3} size="h4">
          {props.label}
        </Title>
        <CommandAlert command={props.command} claimed={props.claimed} onReload={props.onReload} />
        {props.children}
        <Group gap="xs">
          <Button type="submit" color={props.color ?? 'blue.9'} loading={props.command.pending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Today in Casablanca as YYYY-MM-DD: the default date of a signature. */
export const todayInCasablanca = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
