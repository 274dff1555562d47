import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth';
import { ApiRecordResponse } from '../openapi';

/** Where a host's seal witness comes from: its sealer, or its log and witness file. */
export const SEAL_WITNESS_VIEW = Symbol('SEAL_WITNESS_VIEW');

export interface SealWitnessSource {
  witnessView(): Promise<object>;
}

/** The log's seal digests for witnesses outside it (docs/audit.md): public, as a newspaper is. */
@ApiTags('audit')
@Controller('api/audit')
export class SealWitnessController {
  constructor(@Inject(SEAL_WITNESS_VIEW) private readonly source: SealWitnessSource) {}

  @Public()
  @Get('witness')
  @ApiOperation({
    summary:
      "The log's latest seal (digest, count, position, signature) and each day's latest seal, for auditors to keep outside the log and pass to `verify --known-seals`",
  })
  @ApiRecordResponse(
    "`latest`: the last seal (null before the first); `days`: the witness file's last lines, oldest first (each: day, digest, position, count, sealedAt, keyId, signature)",
  )
  witnessView(): Promise<object> {
    return this.source.witnessView();
  }
}
