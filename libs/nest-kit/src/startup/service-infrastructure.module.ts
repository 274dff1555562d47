import { IdempotencyStore } from '../idempotency/idempotency-store';
import { RateLimitStore } from '../rate-limit/rate-limit-store';
import {
  DynamicModule,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  ValueProvider,
} from '@nestjs/common';
import { HealthCheck, HealthRegistry, ProgressCheck } from '../health/health-registry';
import { KitMetrics } from '../metrics/kit-metrics';

/** What a service opened before its app was built: readiness checks, background work, shutdown. */
export interface ServiceInfrastructure {
  /** Where Idempotency-Key claims are kept (default: in memory, lost on restart, per instance). */
  readonly idempotency?: IdempotencyStore;
  /** Where request counts are kept (default: in memory, per instance; PostgresRateLimitStore shares them). */
  readonly rateLimit?: RateLimitStore;
  /** One readiness check per dependency, registered in the order given. */
  healthChecks(): Record<string, HealthCheck>;
  /** Liveness: one check per piece of background work that could hang (see ProgressCheck). */
  progressChecks?(): Record<string, ProgressCheck>;
  /** Starts the background work (relay, runners, lag gauges) when the app starts. */
  start(metrics: KitMetrics): Promise<void>;
  /** Stops the background work, then closes every connection. */
  close(): Promise<void>;
}

const SERVICE_INFRASTRUCTURE = Symbol('SERVICE_INFRASTRUCTURE');

/**
 * A service's infrastructure as global providers (the infrastructure itself under its class, and
 * the values the contexts' modules inject), started with the app and closed after it.
 */
@Module({})
export class ServiceInfrastructureModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly health: HealthRegistry,
    private readonly metrics: KitMetrics,
  ) {}

  static forRoot(infrastructure: ServiceInfrastructure, providers: ValueProvider[]): DynamicModule {
    const own: ValueProvider[] = [
      { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
      { provide: infrastructure.constructor, useValue: infrastructure },
    ];
    return {
      module: ServiceInfrastructureModule,
      global: true,
      providers: [...own, ...providers],
      exports: [...own, ...providers].map((provider) => provider.provide),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, check] of Object.entries(this.infrastructure.healthChecks()))
      this.health.register(name, check);
    for (const [name, check] of Object.entries(this.infrastructure.progressChecks?.() ?? {}))
      this.health.registerProgress(name, check);
    await this.infrastructure.start(this.metrics);
  }

  // Nest closes the HTTP server (and connected microservices) before this hook: no request or
  // delivery is in flight when the stores close.
  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.close();
  }
}
