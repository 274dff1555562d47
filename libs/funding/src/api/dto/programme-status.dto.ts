import { ApiProperty } from '@nestjs/swagger';
import { MoneyTotalDto } from '@tadamon/nest-kit';
import { LocalizedTextDto, MoneyDto, MoneyOrZeroDto } from './common.dto';
import { EnvelopePeriodDto } from './envelope.dto';

/** A programme's envelopes summed in one currency (amounts of different currencies are never added). */
export class ProgrammeTotalDto {
  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ type: MoneyTotalDto, description: 'What the envelopes hold' })
  amount!: MoneyTotalDto;

  @ApiProperty({ type: MoneyTotalDto, description: 'Committed to awards (paid included)' })
  committed!: MoneyTotalDto;

  @ApiProperty({ type: MoneyTotalDto })
  disbursed!: MoneyTotalDto;

  @ApiProperty({ type: MoneyTotalDto })
  remaining!: MoneyTotalDto;
}

/** One envelope's status. Its figures never exceed its own amount, so they stay plain numbers. */
export class EnvelopeStatusDto {
  @ApiProperty() envelopeId!: string;
  @ApiProperty() programmeId!: string;
  @ApiProperty() funderId!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
  @ApiProperty({ type: EnvelopePeriodDto }) period!: EnvelopePeriodDto;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: MoneyOrZeroDto }) committed!: MoneyOrZeroDto;
  @ApiProperty({ type: MoneyOrZeroDto }) disbursed!: MoneyOrZeroDto;
  @ApiProperty({ type: MoneyOrZeroDto }) remaining!: MoneyOrZeroDto;
  @ApiProperty({ minimum: 0, description: 'Applications with an active commitment' }) commitments!: number;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
}

/** GET /api/funding/programmes/:programmeId */
export class ProgrammeStatusDto {
  @ApiProperty() programmeId!: string;
  @ApiProperty({ type: [ProgrammeTotalDto], description: 'Sums per currency, exact at any size' })
  totals!: ProgrammeTotalDto[];
  @ApiProperty({ type: [EnvelopeStatusDto] }) envelopes!: EnvelopeStatusDto[];
}
