/** Waits until `condition` holds (polled every 50 ms); past `timeoutMs` it fails naming `what`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a hook set up, for a test to use: throws naming it when the hook failed to. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not set up (see the beforeAll hook's error)`);
  return value;
}
