import { enrolmentsControllerCancel } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { EnrolmentLine } from '../learning';
import { TRAINING_KEY } from '../queries';

/**
 * Cancels an enrolment (the trainee's own, or one of an association's people: the platform decides
 * who may); the area's lists, read models a moment behind the log, are refetched shortly after.
 */
export function useCancelEnrolment(line: EnrolmentLine, onDone: () => void) {
  const follow = useFollowReadModels();
  return useCommand({
    run: async ({ reason }: { reason: string }, headers) =>
      (
        await enrolmentsControllerCancel({
          path: { sessionId: line.sessionId, traineeId: line.traineeId },
          body: { reason },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...TRAINING_KEY]],
    onSuccess: () => {
      onDone();
      follow([[...TRAINING_KEY]]);
    },
  });
}
