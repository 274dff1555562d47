import { Alert, Button, List, Stack } from '@mantine/core';
import type { Command } from '../../api/use-command';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from '../strings';

/**
 * What went wrong with a command, above its form: 412 offers to reload (`onReload` refetches the
 * record, and the form starts again from it); a validation problem lists the field errors that no
 * field of the form shows (`claimed`: the pointers it shows); other problems give the platform's
 * detail, in the reader's language.
 */
export function CommandAlert(props: {
  command: Command<never, unknown> | Command<any, unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any command
  claimed?: readonly string[];
  onReload?: () => void;
}) {
  const { t } = useStrings(STRINGS);
  const { problem, stale } = props.command;
  if (!problem) return null;
  if (stale)
    return (
      // The title in the text colour and a default button: yellow's tint and shade 9 are under 4.5:1 (axe).
      <Alert
        color="yellow"
        role="alert"
        title={t('form.stale')}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {props.onReload && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              props.command.reset();
              props.onReload?.();
            }}
          >
            {t('form.reload')}
          </Button>
        )}
      </Alert>
    );
  const others = props.command.otherFieldErrors(props.claimed ?? []);
  const message =
    problem.status === 0
      ? t('form.network')
      : problem.status === 403
        ? t('form.forbidden')
        : problem.status === 400 && problem.errors?.length
          ? t('form.invalid')
          : (problem.detail ?? problem.title);
  return (
    <Alert color="red" role="alert" title={message}>
      {others.length > 0 && (
        <Stack gap={4}>
          <List size="sm">
            {others.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Alert>
  );
}
