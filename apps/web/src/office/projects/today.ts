import { isoToCasablancaLocal } from '../../format/casablanca-time';

/** Today in Casablanca (YYYY-MM-DD), the default day of what the officer records. */
export const todayInCasablanca = (now: Date = new Date()): string =>
  isoToCasablancaLocal(now.toISOString()).slice(0, 10);
