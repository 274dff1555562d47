import { DynamicModule, Module } from '@nestjs/common';
import { NestKitModule } from '@tadamon/nest-kit';
import { registryProblems, RegistryModule } from '@tadamon/registry';
import { LogLevel } from './config';
import { DistributedInfrastructure } from './infrastructure/distributed-infrastructure';
import {
  APPEND_LISTENER,
  distributedModule,
  DOCUMENT_STORE,
  EVENT_STORE,
  PERSONAL_DATA,
} from './infrastructure/distributed.module';

export interface AppModuleOptions {
  infrastructure: DistributedInfrastructure;
  logLevel: LogLevel;
}

/** The Registry service: the Registry context alone, on the distributed profile's infrastructure. */
@Module({})
export class AppModule {
  static create({ infrastructure, logLevel }: AppModuleOptions): DynamicModule {
    const { config } = infrastructure;
    return {
      module: AppModule,
      imports: [
        NestKitModule.forRoot({
          appName: 'registry',
          // Tokens are issued elsewhere (an OIDC provider, or the issuer sharing the HS256 secret).
          auth: config.auth,
          logging: { level: logLevel },
          rateLimit: { limit: config.http.rateLimitPerMinute, ttlMs: 60_000 },
          problemMappers: [registryProblems],
        }),
        distributedModule(infrastructure),
        RegistryModule.forRoot({
          eventStore: EVENT_STORE,
          readModels: DOCUMENT_STORE,
          personalData: PERSONAL_DATA,
          appendListener: APPEND_LISTENER,
        }),
      ],
    };
  }
}
