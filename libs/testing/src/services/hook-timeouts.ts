/**
 * Explicit timeouts for hooks that start or stop an app or a server. On a busy 2-core machine a
 * start that takes 3 s alone can take 30 s; jest's project default (20 s) is for the tests.
 */
export const APP_START_TIMEOUT_MS = 120_000;
export const APP_STOP_TIMEOUT_MS = 60_000;
