import { DynamicModule, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry, KitMetrics } from '@tadamon/nest-kit';
import { DistributedInfrastructure } from './distributed-infrastructure';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
export const APPEND_LISTENER = Symbol('APPEND_LISTENER');

/** The distributed profile's infrastructure as providers, started with the app and closed after it. */
@Module({})
export class DistributedModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly infrastructure: DistributedInfrastructure,
    private readonly health: HealthRegistry,
    private readonly metrics: KitMetrics,
  ) {}

  static forRoot(infrastructure: DistributedInfrastructure): DynamicModule {
    return {
      module: DistributedModule,
      global: true,
      providers: [
        { provide: DistributedInfrastructure, useValue: infrastructure },
        { provide: EVENT_STORE, useValue: infrastructure.eventStore },
        { provide: DOCUMENT_STORE, useValue: infrastructure.documents },
        { provide: PERSONAL_DATA, useValue: infrastructure.personalData },
        { provide: APPEND_LISTENER, useValue: infrastructure.appendListener },
      ],
      exports: [DistributedInfrastructure, EVENT_STORE, DOCUMENT_STORE, PERSONAL_DATA, APPEND_LISTENER],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, check] of Object.entries(this.infrastructure.healthChecks()))
      this.health.register(name, check);
    await this.infrastructure.start(this.metrics);
  }

  // Nest closes the HTTP server before this hook: no request is in flight when the stores close.
  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.close();
  }
}
