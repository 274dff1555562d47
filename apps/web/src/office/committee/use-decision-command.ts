import { CommandHeaders, useCommand } from '../../api/use-command';
import { decisionInvalidates } from './queries';
import { useFollowReadModels } from './use-follow-read-models';

/**
 * A committee decision on an application (recommend, award, reject, decide an appeal): sent with
 * If-Match of the revision read; once done, the application, its call's board and ranking and the
 * envelopes are refetched, and again while the read models catch up.
 */
export function useDecisionCommand<V, R>(
  target: { applicationId: string; callId: string; revision: number | undefined },
  run: (variables: V, headers: CommandHeaders) => Promise<R>,
  onDone: (result: R) => void,
) {
  const follow = useFollowReadModels();
  const affected = decisionInvalidates(target.applicationId, target.callId);
  return useCommand({
    run,
    ifMatch: target.revision,
    invalidates: affected,
    onSuccess: (result: R) => {
      follow(affected);
      onDone(result);
    },
  });
}
