import { DynamicModule, Module } from '@nestjs/common';
import { fundingProblems, FundingModule } from '@tadamon/funding';
import { NestKitModule, ServiceLogLevel } from '@tadamon/nest-kit';
import { FundingInfrastructure } from './infrastructure/funding-infrastructure';
import {
  APPEND_LISTENER,
  DOCUMENT_STORE,
  EVENT_STORE,
  fundingInfrastructureModule,
  REGISTRY_FACTS,
} from './infrastructure/funding-infrastructure.module';

export interface AppModuleOptions {
  infrastructure: FundingInfrastructure;
  logLevel: ServiceLogLevel;
}

/** The Funding service: the Funding context alone, on the distributed profile's infrastructure. */
@Module({})
export class AppModule {
  static create({ infrastructure, logLevel }: AppModuleOptions): DynamicModule {
    const { config } = infrastructure;
    return {
      module: AppModule,
      imports: [
        NestKitModule.forRoot({
          appName: 'funding',
          // Tokens are issued elsewhere (an OIDC provider, or the issuer sharing the HS256 secret).
          auth: config.auth,
          logging: { level: logLevel },
          rateLimit: { limit: config.http.rateLimitPerMinute, ttlMs: 60_000 },
          problemMappers: [fundingProblems],
        }),
        fundingInfrastructureModule(infrastructure),
        // No evaluator affiliations: this service has no user directory (see docs/funding-service.md).
        FundingModule.forRoot({
          eventStore: EVENT_STORE,
          readModels: DOCUMENT_STORE,
          registryFacts: REGISTRY_FACTS,
          appendListener: APPEND_LISTENER,
        }),
      ],
    };
  }
}
