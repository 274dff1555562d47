import { Controller, Get, Inject } from '@nestjs/common';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { EMBEDDED_CONFIG } from '../embedded/embedded.module';
import { EmbeddedReadModels, ReadModelStatus } from '../embedded/embedded-read-models';

export interface HealthReport {
  status: 'ok';
  service: string;
  profile: string;
  uptimeSeconds: number;
  eventStore: { kind: 'sqlite'; file: string };
  readModels: ReadModelStatus[];
}

@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(EMBEDDED_CONFIG) private readonly config: EmbeddedConfig,
    private readonly readModels: EmbeddedReadModels,
  ) {}

  @Get()
  async health(): Promise<HealthReport> {
    return {
      status: 'ok',
      service: 'platform',
      profile: 'embedded',
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      eventStore: { kind: 'sqlite', file: this.config.eventStoreFile },
      readModels: await this.readModels.status(),
    };
  }
}
