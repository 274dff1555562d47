import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
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

export interface NestKitOptions {
  /** Names the app in metrics (`app` label) and logs. */
  appName: string;
  auth: AuthOptions;
  idempotency?: { store?: IdempotencyStore; ttlMs?: number };
  /** Requests per client IP per window, on every route without @SkipThrottle (default 300 per minute). */
  rateLimit?: { limit: number; ttlMs: number };
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
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', limit: rateLimit.limit, ttl: rateLimit.ttlMs }],
          // The default key is a SHA-256 of this same text, computed on every request: the text
          // itself (route and client address) is as good a key for the in-memory counters.
          generateKey: (context, tracker, name) =>
            `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`,
        }),
      ],
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
        { provide: KitMetrics, useValue: new KitMetrics({ app: options.appName }) },
        { provide: HealthRegistry, useValue: new HealthRegistry(options.health?.timeoutMs) },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
        // Guards run in this order: the rate limit first, so floods never reach token checks; the
        // idempotency claim last, scoped by the actor the auth guard found. No interceptor: ETags and
        // stored idempotent answers are Fastify hooks (see bootstrapHttpApp).
        { provide: APP_GUARD, useClass: ThrottlerGuard },
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
