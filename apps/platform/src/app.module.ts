import { DynamicModule, Module } from '@nestjs/common';
import { NestKitModule, SqliteIdempotencyStore } from '@tadamon/nest-kit';
import { EmbeddedConfig } from './embedded/embedded-config';
import { EmbeddedModule, EmbeddedOptions } from './embedded/embedded.module';
import { IdentityModule } from './identity/identity.module';
import { PLATFORM_TOKEN_ISSUER } from './identity/identity.service';
import { PlatformStatusController } from './status/platform-status.controller';

export interface AppModuleOptions extends EmbeddedOptions {
  config: EmbeddedConfig;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** The embedded profile: every context in one process. Contexts join here as they are built. */
@Module({})
export class AppModule {
  static create(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        NestKitModule.forRoot({
          appName: 'platform',
          auth: {
            verification: { kind: 'hs256', secret: options.config.jwtSecret },
            issuer: PLATFORM_TOKEN_ISSUER,
          },
          idempotency: { store: new SqliteIdempotencyStore(options.config.idempotencyFile) },
          logging: { level: options.logLevel ?? 'info' },
        }),
        EmbeddedModule.forRoot(options),
        IdentityModule.forRoot({ config: options.config }),
      ],
      controllers: [PlatformStatusController],
    };
  }
}
