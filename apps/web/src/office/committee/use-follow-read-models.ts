import { QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** When the read models have usually caught up with a command (they follow the log). */
export const READ_MODEL_FOLLOW_UP_MS = [300, 1500] as const;

/**
 * The board and the ranking are read models, a few milliseconds behind the log: refetched right
 * after a decision (useCommand's `invalidates`) they may not show it yet. This refetches them
 * again shortly after, so the page shows the decision without a reload.
 */
export function useFollowReadModels(): (keys: readonly QueryKey[]) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (keys) => {
      for (const delay of READ_MODEL_FOLLOW_UP_MS)
        setTimeout(() => {
          for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
        }, delay);
    },
    [queryClient],
  );
}
