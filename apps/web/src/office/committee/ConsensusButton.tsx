import { Button, Stack } from '@mantine/core';
import { evaluationsControllerConsensus } from '../../api/generated';
import { useCommand } from '../../api/use-command';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { decisionInvalidates } from './queries';
import { STRINGS } from './strings';
import { useFollowReadModels } from './use-follow-read-models';

/** Combines the evaluators' scores into the consensus (the call's scoring rules version). */
export function ConsensusButton(props: { applicationId: string; callId: string; label?: string }) {
  const { t } = useStrings(STRINGS);
  const follow = useFollowReadModels();
  const consensus = useCommand({
    run: async (_: null, headers) =>
      (
        await evaluationsControllerConsensus({
          path: { applicationId: props.applicationId },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: decisionInvalidates(props.applicationId, props.callId),
    onSuccess: () => follow(decisionInvalidates(props.applicationId, props.callId)),
  });
  return (
    <Stack gap={4} align="flex-start">
      <CommandAlert command={consensus} />
      <Button
        size="xs"
        onClick={() => void consensus.submit(null)}
        loading={consensus.pending}
        aria-label={props.label}
      >
        {t('consensus.submit')}
      </Button>
    </Stack>
  );
}
