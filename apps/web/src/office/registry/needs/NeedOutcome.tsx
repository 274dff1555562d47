import { Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { regionalNeedsControllerAddressed, regionalNeedsControllerWithdraw } from '../../../api/generated';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { errorAt } from '../shared/field-errors';
import { DoneNotice } from '../../forms/DoneNotice';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

/**
 * How the need ends: addressed (once matched), with a note of how; or withdrawn, with the reason.
 * Both are sent with If-Match of the need as read.
 */
export function NeedOutcome(props: {
  needId: string;
  status: string | undefined;
  revision: number | undefined;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const path = { needId: props.needId };
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const addressed = useRegistryCommand({
    ifMatch: props.revision,
    run: (text: string, headers) =>
      regionalNeedsControllerAddressed({ path, body: { note: text }, headers, throwOnError: true }),
  });
  const withdraw = useRegistryCommand({
    ifMatch: props.revision,
    run: (text: string, headers) =>
      regionalNeedsControllerWithdraw({ path, body: { reason: text }, headers, throwOnError: true }),
  });
  if (props.status !== 'open' && props.status !== 'matched')
    return (
      <Stack gap="sm">
        <DoneNotice message={addressed.done && t('needs.addressedDone')} />
        <DoneNotice message={withdraw.done && t('needs.withdrawnDone')} />
      </Stack>
    );
  const submit = (command: typeof addressed, text: string) => (event: FormEvent) => {
    event.preventDefault();
    void command.submit(text);
  };
  return (
    <section aria-labelledby="need-outcome">
      <Stack gap="sm">
        <Title order={2} size="h3" id="need-outcome">
          {t('needs.outcome')}
        </Title>
        <Group align="flex-start" grow>
          {props.status === 'matched' && (
            <form noValidate onSubmit={submit(addressed, note)} aria-label={t('needs.markAddressed')}>
              <Stack gap="xs">
                <CommandAlert command={addressed} claimed={['/note']} onReload={props.onReload} />
                <Textarea
                  label={t('needs.note')}
                  required
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  error={errorAt(addressed.problem, '/note')}
                />
                <Group>
                  <Button type="submit" loading={addressed.pending}>
                    {t('needs.markAddressed')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          <form noValidate onSubmit={submit(withdraw, reason)} aria-label={t('needs.withdraw')}>
            <Stack gap="xs">
              <CommandAlert command={withdraw} claimed={['/reason']} onReload={props.onReload} />
              <Textarea
                label={t('needs.withdrawReason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={errorAt(withdraw.problem, '/reason')}
              />
              <Group>
                <Button type="submit" color="red.9" variant="outline" loading={withdraw.pending}>
                  {t('needs.withdraw')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Group>
      </Stack>
    </section>
  );
}
