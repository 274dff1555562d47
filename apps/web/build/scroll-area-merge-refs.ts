import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * What Mantine's ScrollArea takes from `@floating-ui/react` (its only import from it), given by
 * Mantine's own hook instead: see `scrollAreaWithoutFloatingUi` in vite.config.mts for why.
 */
export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>) {
  return useMergedRef<T>(...refs);
}
