import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CommandHeaders, useCommand } from './use-command';

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
);

const problem = (status: number, kind: string, extra: object = {}) => ({
  type: `urn:tadamon:problem:${kind}`,
  title: kind,
  status,
  ...extra,
});

describe('useCommand', () => {
  it('acts once on a double click: the second submission gets the first one’s promise', async () => {
    let finish: (value: string) => void = () => undefined;
    const run = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const { result } = renderHook(() => useCommand({ run }), { wrapper });
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = result.current.submit({ a: 1 });
      second = result.current.submit({ a: 1 });
    });
    expect(second).toBe(first);
    await act(async () => finish('done'));
    expect(await first).toBe('done');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('sends the same Idempotency-Key when the same values are retried after a lost answer, a new one after success', async () => {
    const keys: string[] = [];
    let fail = true;
    const run = vi.fn(async (_values: object, headers: CommandHeaders) => {
      keys.push(headers['Idempotency-Key']);
      if (fail) throw new TypeError('Failed to fetch');
      return 'ok';
    });
    const { result } = renderHook(() => useCommand({ run }), { wrapper });
    await act(async () => void (await result.current.submit({ a: 1 })));
    expect(result.current.problem?.status).toBe(0);
    fail = false;
    await act(async () => void (await result.current.submit({ a: 1 })));
    await act(async () => void (await result.current.submit({ a: 1 })));
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('takes a new key when the values change, and after a refusal (the platform released the key)', async () => {
    const keys: string[] = [];
    const run = vi.fn(async (_values: object, headers: CommandHeaders) => {
      keys.push(headers['Idempotency-Key']);
      throw problem(409, 'conflict');
    });
    const { result } = renderHook(() => useCommand({ run }), { wrapper });
    await act(async () => void (await result.current.submit({ a: 1 })));
    await act(async () => void (await result.current.submit({ a: 1 })));
    await act(async () => void (await result.current.submit({ a: 2 })));
    expect(new Set(keys).size).toBe(3);
  });

  it('waits out a 409 "key in use" (the first request still running) and retries with the same key', async () => {
    vi.useFakeTimers();
    try {
      const keys: string[] = [];
      const run = vi.fn(async (_values: object, headers: CommandHeaders) => {
        keys.push(headers['Idempotency-Key']);
        if (keys.length === 1) throw problem(409, 'idempotency-key-in-use');
        return 'replayed';
      });
      const { result } = renderHook(() => useCommand({ run }), { wrapper });
      let done: Promise<string | undefined> = Promise.resolve(undefined);
      act(() => {
        done = result.current.submit({ a: 1 });
      });
      await act(async () => vi.advanceTimersByTimeAsync(1000));
      expect(await done).toBe('replayed');
      expect(keys).toEqual([keys[0], keys[0]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends If-Match from the revision read and reports 412 as stale; field errors by pointer', async () => {
    const seen: CommandHeaders[] = [];
    let answer: object = problem(412, 'precondition-failed');
    const run = vi.fn(async (_values: object, headers: CommandHeaders) => {
      seen.push(headers);
      throw answer;
    });
    const { result } = renderHook(() => useCommand({ run, ifMatch: 3, idempotent: false }), { wrapper });
    await act(async () => void (await result.current.submit({})));
    expect(seen[0]).toEqual({ 'If-Match': '"3"' });
    expect(result.current.stale).toBe(true);

    answer = problem(400, 'validation', {
      errors: [
        { pointer: '/names/fr', detail: 'ne doit pas être vide' },
        { pointer: '/membersCount', detail: 'doit être positif' },
      ],
    });
    await act(async () => void (await result.current.submit({})));
    expect(result.current.stale).toBe(false);
    expect(result.current.fieldError('/names/fr')).toBe('ne doit pas être vide');
    expect(result.current.otherFieldErrors(['/names/fr'])).toEqual(['/membersCount: doit être positif']);
  });
});
