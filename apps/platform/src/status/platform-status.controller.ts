import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@tadamon/event-store';
import { Public } from '@tadamon/nest-kit';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { EMBEDDED_CONFIG, EVENT_STORE } from '../embedded/embedded.module';
import { EmbeddedReadModels, ReadModelStatus } from '../embedded/embedded-read-models';

export interface PlatformStatus {
  profile: 'embedded';
  eventStore: { kind: 'sqlite'; head: number };
  readModels: ReadModelStatus[];
}

@ApiTags('platform')
@Controller('api/platform')
export class PlatformStatusController {
  constructor(
    @Inject(EMBEDDED_CONFIG) private readonly config: EmbeddedConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: EmbeddedReadModels,
  ) {}

  @Public()
  @Get('status')
  @ApiOperation({ summary: 'The profile, the log head and each read model with its position and lag' })
  async status(): Promise<PlatformStatus> {
    return {
      profile: 'embedded',
      eventStore: { kind: 'sqlite', head: await this.store.headPosition() },
      readModels: await this.readModels.status(),
    };
  }
}
