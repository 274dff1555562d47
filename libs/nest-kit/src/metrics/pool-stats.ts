/** What the pool gauges read of a pg Pool (structural: the kit does not depend on pg's data-access users). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options: { readonly max?: number };
}

/** pg's default when a pool is created without `max`. */
export const PG_DEFAULT_POOL_MAX = 10;
