/** Where a session's routes are, for every controller that serves some of them. */
export const SESSIONS_PATH = 'api/training/sessions';
