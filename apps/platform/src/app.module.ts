import { DynamicModule, Module } from '@nestjs/common';
import { EmbeddedModule, EmbeddedOptions } from './embedded/embedded.module';
import { HealthController } from './health/health.controller';

/** The embedded profile: every context in one process. Contexts join here as they are built. */
@Module({})
export class AppModule {
  static create(options: EmbeddedOptions): DynamicModule {
    return { module: AppModule, imports: [EmbeddedModule.forRoot(options)], controllers: [HealthController] };
  }
}
