import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_MODEL_FOLLOW_UP_MS, useFollowReadModels } from './use-follow-read-models';

describe('following the read models after a decision', () => {
  afterEach(() => vi.useRealTimers());

  it('refetches the board and the ranking again shortly after, when the read models have caught up', () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useFollowReadModels(), { wrapper });
    result.current([
      ['funding', 'calls', 'call-1'],
      ['funding', 'envelopes'],
    ]);
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(READ_MODEL_FOLLOW_UP_MS[0]);
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['funding', 'calls', 'call-1'],
      ['funding', 'envelopes'],
    ]);
    vi.advanceTimersByTime(READ_MODEL_FOLLOW_UP_MS[1]);
    expect(invalidate).toHaveBeenCalledTimes(4);
  });
});
