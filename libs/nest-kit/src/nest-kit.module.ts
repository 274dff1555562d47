import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AUTH_OPTIONS, AuthGuard, AuthOptions } from './auth';
import { HealthController, HealthRegistry } from './health';
import {
  IDEMPOTENCY_OPTIONS,
  IDEMPOTENCY_STORE,
  IdempotencyGuard,
  IdempotencyStore,
  InMemoryIdempotencyStore,
} from './idempotency';
import { KitMetrics, MetricsController } from './metrics';
import { PROBLEM_MAPPERS, ProblemFilter, ProblemMapper } from './problems';
import { createKitLogger, KIT_LOGGER, KitNestLogger, LogLevel } from './logging';
import { createValidationPipe } from './validation';
import {
  InMemoryRateLimitStore,
  RATE_LIMIT_OPTIONS,
  RATE_LIMIT_STORE,
  RateLimitGuard,
  RateLimitStore,
} from './rate-limit';

export interface NestKitOptions {
  /** Names the app in metrics (`app` label) and logs. */
  appName: string;
  auth: AuthOptions;
  idempotency?: { store?: IdempotencyStore; ttlMs?: number };
  /**
   * Requests per client IP per window, counted across every route without @SkipRateLimit (default
   * 300 per minute); the counters live in `store` (default: in this process's memory).
   */
  rateLimit?: { limit: number; ttlMs: number; store?: RateLimitStore };
  logging?: { level?: LogLevel };
  health?: { timeoutMs?: number };
  /** A context's own errors turned into problems before the kit's mapping. */
  problemMappers?: ProblemMapper[];
}

@Global()
@Module({})
export class NestKitModule {
  static forRoot(options: NestKitOptions): DynamicModule {
    const rateLimit = options.rateLimit ?? { limit: 300, ttlMs: 60_000 };
    return {
      module: NestKitModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: KIT_LOGGER, useValue: createKitLogger(options.appName, options.logging?.level) },
        { provide: KitNestLogger, inject: [KIT_LOGGER], useFactory: (logger) => new KitNestLogger(logger) },
        { provide: AUTH_OPTIONS, useValue: options.auth },
        { provide: PROBLEM_MAPPERS, useValue: options.problemMappers ?? [] },
        {
          provide: IDEMPOTENCY_STORE,
          useValue: options.idempotency?.store ?? new InMemoryIdempotencyStore(),
        },
        { provide: IDEMPOTENCY_OPTIONS, useValue: { ttlMs: options.idempotency?.ttlMs ?? 24 * 3_600_000 } },
        { provide: KitMetrics, useValue: new KitMetrics({ app: options.appName, processMetrics: true }) },
        { provide: HealthRegistry, useValue: new HealthRegistry(options.health?.timeoutMs) },
        { provide: RATE_LIMIT_OPTIONS, useValue: { limit: rateLimit.limit, windowMs: rateLimit.ttlMs } },
        { provide: RATE_LIMIT_STORE, useFactory: () => rateLimit.store ?? new InMemoryRateLimitStore() },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
        // Guards run in this order: the rate limit first, so floods never reach token checks; the
        // idempotency claim last, scoped by the actor the auth guard found. No interceptor: ETags and
        // stored idempotent answers are Fastify hooks (see bootstrapHttpApp).
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: IdempotencyGuard },
      ],
      exports: [
        KitMetrics,
        HealthRegistry,
        IDEMPOTENCY_STORE,
        IDEMPOTENCY_OPTIONS,
        AUTH_OPTIONS,
        KIT_LOGGER,
        KitNestLogger,
      ],
    };
  }
}
