import { Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';

/** The embedded profile: every context in one process. Contexts join here as they are built. */
@Module({ controllers: [HealthController] })
export class AppModule {}
