import { QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { asProblem, fieldErrors, Problem, problemKind } from './problem';

/** Headers a command sends: `Idempotency-Key` on POST, `If-Match` when it edits what was read. */
export type CommandHeaders = Record<string, string>;

export interface CommandOptions<V, R> {
  /** One call of the generated client with `throwOnError: true`, passing `headers` on. */
  run(variables: V, headers: CommandHeaders): Promise<R>;
  /** POST commands carry an Idempotency-Key (the default); PATCH is guarded by If-Match instead. */
  idempotent?: boolean;
  /** The revision the user read, sent as If-Match: a change made meanwhile answers 412. */
  ifMatch?: number | string;
  /** Queries to refetch once the command is done (lists, the record itself). */
  invalidates?: QueryKey[];
  onSuccess?(result: R, variables: V): void;
}

export interface Command<V, R> {
  submit(variables: V): Promise<R | undefined>;
  pending: boolean;
  problem: Problem | null;
  /** The field error at a JSON Pointer, in the reader's language when the platform has it. */
  fieldError(pointer: string): string | undefined;
  /** Field errors no field of the form claimed (`claimed`: the pointers the form shows). */
  otherFieldErrors(claimed: readonly string[]): string[];
  /** 412: the record changed since it was read; the form offers to reload. */
  stale: boolean;
  reset(): void;
}

const KEY_IN_USE_RETRIES = 3;
const KEY_IN_USE_WAIT_MS = 1000;

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; an officer on http://<lan-ip> still gets 128 random bits.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * A command of the back office. A double click never acts twice: while a submission is pending,
 * another returns the same promise; every POST carries an Idempotency-Key, the same one for a
 * retry of the same values (the platform then answers the first response again instead of acting);
 * a 409 "key in use" (the first still running) is waited out. Problems are kept for the form:
 * field errors by pointer, 412 as `stale`.
 */
export function useCommand<V, R>(options: CommandOptions<V, R>): Command<V, R> {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const inFlight = useRef<Promise<R | undefined> | null>(null);
  const intent = useRef<{ values: string; key: string } | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const submit = useCallback(
    (variables: V) => {
      if (inFlight.current) return inFlight.current;
      const { run, idempotent = true, ifMatch, invalidates = [], onSuccess } = latest.current;
      const values = JSON.stringify(variables) ?? '';
      if (!intent.current || intent.current.values !== values) intent.current = { values, key: newKey() };
      const headers: CommandHeaders = {};
      if (idempotent) headers['Idempotency-Key'] = intent.current.key;
      if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;

      const attempt = async (retries: number): Promise<R> => {
        try {
          return await run(variables, headers);
        } catch (error) {
          const answered = asProblem(error);
          if (retries > 0 && problemKind(answered) === 'idempotency-key-in-use') {
            await new Promise((resolve) => setTimeout(resolve, KEY_IN_USE_WAIT_MS));
            return attempt(retries - 1);
          }
          throw answered;
        }
      };

      setPending(true);
      setProblem(null);
      const done = attempt(KEY_IN_USE_RETRIES).then(
        async (result) => {
          intent.current = null;
          await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          onSuccess?.(result, variables);
          return result;
        },
        (answered: Problem) => {
          // A refused command released its key on the platform; a lost answer keeps it for the retry.
          if (answered.status !== 0 && answered.status < 500) intent.current = null;
          setProblem(answered);
          return undefined;
        },
      );
      inFlight.current = done;
      void done.finally(() => {
        inFlight.current = null;
        setPending(false);
      });
      return done;
    },
    [queryClient],
  );

  return useMemo(() => {
    const errors = fieldErrors(problem);
    return {
      submit,
      pending,
      problem,
      fieldError: (pointer: string) => errors.get(pointer),
      otherFieldErrors: (claimed: readonly string[]) =>
        [...errors].filter(([pointer]) => !claimed.includes(pointer)).map(([p, d]) => `${p}: ${d}`),
      stale: problem?.status === 412,
      reset: () => setProblem(null),
    };
  }, [submit, pending, problem]);
}
