import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ScheduledLogSeals, SealWitnessView } from '@tadamon/event-store';
import { ApiRecordResponse, Public } from '@tadamon/nest-kit';
import { LOG_SEALS } from './distributed.module';

/** The log's seal digests for witnesses outside it (docs/audit.md): public, as a newspaper is. */
@ApiTags('audit')
@Controller('api/audit')
export class SealWitnessController {
  constructor(@Inject(LOG_SEALS) private readonly seals: ScheduledLogSeals) {}

  @Public()
  @Get('witness')
  @ApiOperation({
    summary:
      "The log's latest seal (digest, count, position, signature) and each day's latest seal, for auditors to keep outside the log and pass to `verify --known-seals`",
  })
  @ApiRecordResponse(
    "`latest`: the last seal (null before the first); `days`: the witness file's last lines, oldest first (each: day, digest, position, count, sealedAt, keyId, signature)",
  )
  witnessView(): Promise<SealWitnessView> {
    return this.seals.witnessView();
  }
}
