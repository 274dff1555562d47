import { Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { regionalNeedsControllerAddressed, regionalNeedsControllerWithdraw } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { ReasonAction } from '../../forms/ReasonAction';
import { STRINGS } from '../strings';

/**
 * Closing a need: addressed (once matched; a note on how) or withdrawn (a reason, confirmed). The
 * platform refuses what the need's status does not allow; its answer shows here.
 */
export function NeedClosing(props: { needId: string; status: string; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  if (props.status === 'addressed' || props.status === 'withdrawn')
    return <Text>{t(`closing.closed.${props.status}`)}</Text>;
  return (
    <Stack gap="md">
      {props.status === 'matched' && <Addressed {...props} />}
      <Withdraw {...props} />
    </Stack>
  );
}

function Addressed(props: { needId: string; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const [note, setNote] = useState('');
  const addressed = useCommand({
    run: async (value: string, headers) =>
      (
        await regionalNeedsControllerAddressed({
          path: { needId: props.needId },
          body: { note: value },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [['registry', 'needs']],
    onSuccess: () => props.onDone(t('closing.addressed.done')),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void addressed.submit(note.trim());
      }}
    >
      <Fieldset legend={t('closing.addressed.title')}>
        <Stack gap="xs">
          <CommandAlert command={addressed} claimed={['/note']} />
          <Textarea
            label={t('closing.addressed.note')}
            required
            maxLength={2000}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={addressed.fieldError('/note')}
          />
          <Group>
            <Button type="submit" loading={addressed.pending}>
              {t('closing.addressed.submit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}

function Withdraw(props: { needId: string; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const withdraw = useCommand({
    run: async ({ reason }: { reason: string }, headers) =>
      (
        await regionalNeedsControllerWithdraw({
          path: { needId: props.needId },
          body: { reason },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [['registry', 'needs']],
    onSuccess: () => props.onDone(t('closing.withdraw.done')),
  });
  return (
    <ReasonAction
      label={t('closing.withdraw.title')}
      warning={t('closing.withdraw.confirm')}
      reasonLabel={t('closing.withdraw.reason')}
      confirmLabel={t('closing.withdraw.submit')}
      command={withdraw}
      maxLength={2000}
    />
  );
}
