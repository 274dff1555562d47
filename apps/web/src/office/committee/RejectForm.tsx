import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { decisionsControllerReject } from '../../api/generated';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { lines } from './decision-bodies';
import { STRINGS } from './strings';
import { useDecisionCommand } from './use-decision-command';

/** A rejection with its reasons, confirmed first: the association is told and may appeal. */
export function RejectForm(props: {
  applicationId: string;
  callId: string;
  revision: number | undefined;
  onDone(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [reasons, setReasons] = useState('');
  const [confirming, setConfirming] = useState(false);
  const reject = useDecisionCommand(
    props,
    async (body: { reasons: string[] }, headers) =>
      (
        await decisionsControllerReject({
          path: { applicationId: props.applicationId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    () => {
      props.onDone();
    },
  );
  const reasonError = reject.fieldError('/reasons') ?? reject.fieldError('/reasons/0');
  return (
    <section aria-labelledby="reject-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirming) setConfirming(true);
          else void reject.submit({ reasons: lines(reasons) }).then(() => setConfirming(false));
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="reject-title">
            {t('reject.title')}
          </Title>
          <CommandAlert command={reject} claimed={['/reasons', '/reasons/0']} />
          <Textarea
            label={t('reject.reasons')}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={reasons}
            onChange={(event) => setReasons(event.currentTarget.value)}
            error={reasonError}
          />
          {confirming && <Alert variant="filled" color="red.9" role="alert" title={t('reject.confirm')} />}
          <Group gap="sm">
            <Button type="submit" color="red.9" loading={reject.pending}>
              {confirming ? t('reject.confirmSubmit') : t('reject.submit')}
            </Button>
            {confirming && (
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('reject.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </section>
  );
}
