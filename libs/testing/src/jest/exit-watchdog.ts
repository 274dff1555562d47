/** How long jest may stay up once every test and the global teardown have finished. */
export const EXIT_GRACE_MS = 30_000;

/**
 * Once the run is over, a process that does not exit is held by something a test left open (a
 * server, a socket, a timer). Rather than wait until CI's limit, it says what kinds of resources
 * still hold it and ends with a failure, so the leak is found and fixed, not hidden: the timer is
 * unref'd, so a run that closed everything exits normally and never sees it.
 */
export function armExitWatchdog(
  graceMs = EXIT_GRACE_MS,
  exit: (code: number) => void = (code) => process.exit(code),
): NodeJS.Timeout {
  const timer = setTimeout(() => {
    const open = process
      .getActiveResourcesInfo()
      .filter((kind) => kind !== 'TTYWrap' && kind !== 'PipeWrap' && kind !== 'Timeout');
    console.error(
      `\n!!! jest has not exited ${graceMs / 1000} s after the run ended: something a test started is ` +
        `still open (${open.join(', ') || 'unknown'}). Run the suspect files with --detectOpenHandles. Failing the run.`,
    );
    exit(1);
  }, graceMs);
  timer.unref();
  return timer;
}
