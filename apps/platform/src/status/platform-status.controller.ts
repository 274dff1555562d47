import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore, LogSealer, LogSealerStatus } from '@tadamon/event-store';
import { ApiRecordResponse, Public } from '@tadamon/nest-kit';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { EMBEDDED_CONFIG, EVENT_STORE, LOG_SEALER } from '../embedded/embedded.module';
import { EmbeddedReadModels, ReadModelStatus } from '../embedded/embedded-read-models';
import { EmbeddedEventTransport } from '@tadamon/messaging';
import { EMBEDDED_CONSUMERS } from '../embedded/embedded-messaging.module';

export interface PlatformStatus {
  profile: 'embedded';
  eventStore: { kind: 'sqlite'; head: number };
  readModels: ReadModelStatus[];
  /** Each context's consumer of other contexts' integration events (the embedded transport). */
  consumers: { consumer: string; lag: Record<string, number>; processed: number; deadLettered: number }[];
  /**
   * The sealer (docs/audit.md): the position the last seal covers, and the events it cannot
   * account for, which stop the sealing until an operator acknowledges them. Null when not sealing.
   */
  logSeals: LogSealerStatus | null;
}

@ApiTags('platform')
@Controller('api/platform')
export class PlatformStatusController {
  constructor(
    @Inject(EMBEDDED_CONFIG) private readonly config: EmbeddedConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: EmbeddedReadModels,
    private readonly modules: ModuleRef,
    @Inject(LOG_SEALER) private readonly sealer: LogSealer | null,
  ) {}

  @Public()
  @Get('status')
  @ApiRecordResponse("The platform's status")
  @ApiOperation({
    summary:
      'The profile, the log head, each read model with its position and lag, each consumer with its lag, and what the log sealer has sealed (or cannot account for)',
  })
  async status(): Promise<PlatformStatus> {
    return {
      profile: 'embedded',
      eventStore: { kind: 'sqlite', head: await this.store.headPosition() },
      readModels: await this.readModels.status(),
      consumers: await Promise.all(
        EMBEDDED_CONSUMERS.map(async ({ consumer, transport }) => {
          const embedded = this.modules.get<EmbeddedEventTransport>(transport, { strict: false });
          return { consumer, lag: await embedded.lag(), ...embedded.metrics() };
        }),
      ),
      logSeals: this.sealer?.status() ?? null,
    };
  }
}
