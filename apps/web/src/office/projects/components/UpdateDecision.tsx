import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { Notice } from '../../forms/Notice';
import { approveUpdate, returnUpdate } from '../project-commands';
import { resultsQuery } from '../queries';
import { STRINGS } from '../strings';

const FOUR_EYES = 'FOUR_EYES_REQUIRED';

/**
 * An officer approves a pending update, or returns it with what to correct; the framework's
 * revision goes as If-Match. The officer who entered it is refused by the platform (four eyes):
 * the page says another officer must decide, rather than a bare "forbidden".
 */
export function UpdateDecision(props: {
  projectId: string;
  updateId: string;
  revision?: number;
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const invalidates = [resultsQuery(props.projectId).queryKey, ['partnerships', 'indicator-updates']];
  const approve = useCommand({
    run: (_: null, headers) => approveUpdate(props.projectId, props.updateId, headers),
    ifMatch: props.revision,
    invalidates,
    onSuccess: () => props.onDone(t('decision.approved', { update: props.updateId })),
  });
  const giveBack = useCommand({
    run: (text: string, headers) => returnUpdate(props.projectId, props.updateId, text, headers),
    ifMatch: props.revision,
    invalidates,
    onSuccess: () => props.onDone(t('decision.returned', { update: props.updateId })),
  });
  const fourEyes = [approve.problem, giveBack.problem].some((p) => p?.code === FOUR_EYES);
  const reload = () => {
    approve.reset();
    giveBack.reset();
  };
  return (
    <Stack gap="xs">
      {fourEyes ? (
        <Notice tone="danger" role="alert" title={t('decision.fourEyesTitle')}>
          <Text size="sm">{t('decision.fourEyes')}</Text>
        </Notice>
      ) : (
        <>
          <CommandAlert command={approve} onReload={reload} />
          <CommandAlert command={giveBack} claimed={['/reason']} onReload={reload} />
        </>
      )}
      {returning ? (
        <Stack gap="xs" maw={420}>
          <Textarea
            label={t('decision.reason', { update: props.updateId })}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={giveBack.fieldError('/reason')}
          />
          <Group gap="xs">
            <Button
              size="xs"
              color="red.9"
              loading={giveBack.pending}
              onClick={() => giveBack.submit(reason.trim())}
            >
              {t('decision.confirmReturn')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setReturning(false)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="xs">
          <Button
            size="xs"
            loading={approve.pending}
            aria-label={t('decision.approveOne', { update: props.updateId })}
            onClick={() => approve.submit(null)}
          >
            {t('decision.approve')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            aria-label={t('decision.returnOne', { update: props.updateId })}
            onClick={() => setReturning(true)}
          >
            {t('decision.return')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
