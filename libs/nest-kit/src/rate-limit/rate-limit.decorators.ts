import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT_KEY = 'tadamon:skip-rate-limit';
export const OWN_RATE_LIMIT_KEY = 'tadamon:own-rate-limit';

/** A limit of a route of its own, counted per client IP on top of the client's limit across routes. */
export interface OwnRateLimit {
  /** Names the counter (several routes may share one). */
  name: string;
  limit: number;
  windowMs: number;
}

/** Not counted at all (health and metrics probes). */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT_KEY, true);

/** A stricter limit for this route (e.g. the token endpoint against password guessing). */
export const RateLimit = (own: OwnRateLimit) => SetMetadata(OWN_RATE_LIMIT_KEY, own);
