import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@tadamon/nest-kit';
import {
  CURRENCY_CODES,
  CURRENT_REGIONS,
  HOST_COUNTRY_CODES,
  PROVINCES,
  SECTORS,
} from '@tadamon/reference-data';
import { ReferenceDataDto } from './dto/reference-data.dto';

const names = (n: { ar: string; fr: string; en: string }) => ({ ar: n.ar, fr: n.fr, en: n.en });

// Built once: the reference data is part of the code and changes only with a release.
const REFERENCE_DATA: ReferenceDataDto = {
  regions: CURRENT_REGIONS.map((r) => ({ code: r.code, names: names(r.names) })),
  provinces: PROVINCES.map((p) => ({ code: p.code, kind: p.kind, region: p.region, names: names(p.names) })),
  sectors: SECTORS.map((s) => ({ code: s.code, category: s.category, names: names(s.names) })),
  hostCountries: [...HOST_COUNTRY_CODES],
  currencies: [...CURRENCY_CODES],
};

@ApiTags('registry: reference data')
@Controller('api/registry/reference-data')
export class ReferenceDataController {
  @Get()
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({
    summary:
      'The codes the platform accepts, named in ar/fr/en: regions and provinces (2015 scheme), OECD DAC sectors, host countries, currencies',
  })
  @ApiOkResponse({ type: ReferenceDataDto })
  @ApiProblems(429)
  get(): ReferenceDataDto {
    return REFERENCE_DATA;
  }
}
