import { armExitWatchdog } from './exit-watchdog';

type Cleanup = () => Promise<void> | void;

/** Stops what the global setup started, newest first; servers that were already running stay up. */
export default async function globalTeardown(): Promise<void> {
  const cleanups = (globalThis as Record<string, unknown>).__tadamonServerCleanups as Cleanup[] | undefined;
  (globalThis as Record<string, unknown>).__tadamonServerCleanups = undefined;
  for (const cleanup of (cleanups ?? []).reverse()) await cleanup();
  armExitWatchdog();
}
