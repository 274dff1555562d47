import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSSIER_LANGUAGES } from '@tadamon/audit';

export class VerificationProgressDto {
  @ApiProperty({ description: 'Global positions checked so far' })
  checked!: number;

  @ApiProperty({ description: "The log's head position when the verification began (what it checks)" })
  total!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  percent!: number;
}

export class VerificationChainsDto {
  @ApiProperty({ description: 'Streams whose hash chain was checked' })
  streams!: number;

  @ApiProperty({ description: "Every stream's hash chain holds (false: the first break is a chain's)" })
  ok!: boolean;
}

export class VerifiedSealDto {
  @ApiProperty({ description: 'Global position of the last event the seal covers' })
  position!: number;

  @ApiProperty({ description: 'Events in the log up to that position' })
  count!: number;

  @ApiProperty({ description: 'SHA-256 digest (hex) of the sealed segment, chained to the previous seal' })
  digest!: string;

  @ApiProperty({ format: 'date-time' })
  sealedAt!: string;

  @ApiProperty({ example: 'ed25519:0123456789abcdef' })
  keyId!: string;
}

export class VerificationSealsDto {
  @ApiProperty()
  checked!: boolean;

  @ApiProperty({ description: "Signatures checked with the platform's public key" })
  signaturesChecked!: boolean;

  @ApiProperty({ description: 'Seals verified' })
  count!: number;

  @ApiProperty({
    type: VerifiedSealDto,
    nullable: true,
    description: 'The last seal; null when the log has none',
  })
  last!: VerifiedSealDto | null;
}

export class UnsealedDto {
  @ApiProperty({ description: 'Events after the last seal: their removal would not be noticed' })
  count!: number;

  @ApiProperty({ type: Number, nullable: true })
  firstPosition!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  firstRecordedAt!: string | null;
}

export class LogBreakDto {
  @ApiProperty()
  streamId!: string;

  @ApiPropertyOptional()
  revision?: number;

  @ApiPropertyOptional({ description: 'Global position' })
  position?: number;

  @ApiPropertyOptional()
  eventId?: string;

  @ApiProperty({
    description:
      'hash-mismatch, broken-link, revision-gap, duplicate-revision, out-of-order, bad-genesis, unexpected-storage, seal-… (docs/audit.md)',
    example: 'hash-mismatch',
  })
  reason!: string;

  @ApiProperty({ description: 'One sentence for a person (English)' })
  detail!: string;
}

export class VerificationResultDto {
  @ApiProperty({ enum: ['ok', 'broken'] })
  verdict!: 'ok' | 'broken';

  @ApiProperty({ description: 'Events verified (all streams, seals included)' })
  events!: number;

  @ApiProperty({ description: 'The head position the verification stopped at' })
  head!: number;

  @ApiProperty({ type: VerificationChainsDto })
  chains!: VerificationChainsDto;

  @ApiProperty({ type: VerificationSealsDto })
  seals!: VerificationSealsDto;

  @ApiProperty({ type: UnsealedDto })
  unsealed!: UnsealedDto;

  @ApiProperty({ type: LogBreakDto, nullable: true, description: 'The first broken event in global order' })
  firstBreak!: LogBreakDto | null;

  @ApiProperty({ description: 'Worker threads that read and hashed the rows' })
  threads!: number;
}

export class LogVerificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['running', 'done', 'failed'] })
  status!: 'running' | 'done' | 'failed';

  @ApiProperty({ description: 'The user who started it' })
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finishedAt!: string | null;

  @ApiProperty({ type: VerificationProgressDto })
  progress!: VerificationProgressDto;

  @ApiProperty({ type: VerificationResultDto, nullable: true, description: 'Set when done' })
  result!: VerificationResultDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why a failed verification could not complete' })
  error!: string | null;
}

export class ActorDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];
}

export class FactDto {
  @ApiProperty({ description: "A key the dossier's labels translate", example: 'amount' })
  key!: string;

  @ApiProperty({ description: 'Language-neutral value' })
  value!: string;
}

export class TimelineEntryDto {
  @ApiProperty({ description: 'Global position' })
  position!: number;

  @ApiProperty()
  streamId!: string;

  @ApiProperty()
  revision!: number;

  @ApiProperty()
  eventId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the log recorded it: what asOf compares' })
  recordedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the domain says it happened',
  })
  occurredAt!: string | null;

  @ApiProperty({ example: 'GrantAwarded' })
  type!: string;

  @ApiProperty({ type: ActorDto, nullable: true })
  actor!: ActorDto | null;

  @ApiProperty({ type: [FactDto] })
  facts!: FactDto[];
}

export class DifferenceDto {
  @ApiProperty({ example: 'consensus' })
  field!: string;

  @ApiProperty({ description: 'Any JSON value' })
  recorded!: unknown;

  @ApiProperty({ description: 'Any JSON value' })
  recomputed!: unknown;

  @ApiPropertyOptional()
  note?: string;
}

export class RecomputationDto {
  @ApiProperty()
  position!: number;

  @ApiProperty()
  revision!: number;

  @ApiProperty()
  eventId!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ example: 'GrantAwarded' })
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  rulesVersion!: string | null;

  @ApiProperty({ description: 'The recomputation gives what was recorded' })
  same!: boolean;

  @ApiProperty({ type: [DifferenceDto] })
  differences!: DifferenceDto[];
}

export class MoneyFindingDto {
  @ApiProperty()
  check!: string;

  @ApiProperty({ enum: ['error', 'note'] })
  severity!: 'error' | 'note';

  @ApiProperty({ type: Number, nullable: true })
  position!: number | null;

  @ApiProperty({ type: String, nullable: true })
  type!: string | null;

  @ApiProperty()
  field!: string;

  @ApiProperty()
  note!: string;
}

export class MoneyFactsDto {
  @ApiProperty({ type: [String], description: 'What was checked, one line each' })
  checked!: string[];

  @ApiProperty({ type: [MoneyFindingDto] })
  findings!: MoneyFindingDto[];
}

export class StreamProofDto {
  @ApiProperty()
  streamId!: string;

  @ApiProperty()
  events!: number;

  @ApiProperty({ description: "The stream's hash chain holds" })
  ok!: boolean;

  @ApiProperty({ description: 'Events at or before asOf' })
  eventsAsOf!: number;
}

export class ReplayEventsDto {
  @ApiProperty({ description: "The application's events at or before asOf" })
  asOf!: number;

  @ApiProperty({ description: "The application's events in the log" })
  total!: number;
}

export class ReplayDto {
  @ApiProperty({
    enum: ['same', 'different', 'broken-chain'],
    description:
      'same: every recomputation gives what was recorded, no money finding is an error, every chain holds',
  })
  verdict!: 'same' | 'different' | 'broken-chain';

  @ApiProperty()
  applicationId!: string;

  @ApiProperty()
  streamId!: string;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: ReplayEventsDto })
  events!: ReplayEventsDto;

  @ApiProperty({ type: [StreamProofDto], description: 'Each stream read, its chain verified' })
  chains!: StreamProofDto[];

  @ApiProperty({
    type: [TimelineEntryDto],
    description: "The application's, its call's and envelopes' events, in the log's order",
  })
  timeline!: TimelineEntryDto[];

  @ApiProperty({
    type: [RecomputationDto],
    description: 'Each consensus, recommendation and decision recomputed',
  })
  recomputations!: RecomputationDto[];

  @ApiProperty({ type: MoneyFactsDto })
  money!: MoneyFactsDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The application, call and envelopes folded at asOf',
  })
  state!: object;
}

export const DOSSIER_LANGUAGE_VALUES = [...DOSSIER_LANGUAGES];
