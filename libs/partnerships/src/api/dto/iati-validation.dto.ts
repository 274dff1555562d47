import { CommandResultDto } from '@tadamon/nest-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IatiSchemaErrorDto {
  @ApiProperty({ description: "libxml2's message against iati-activities-schema.xsd (2.03)" })
  message!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The line in the one-activity file' })
  line!: number | null;
}

export class IatiFindingDto {
  @ApiProperty({
    description: "The IATI validator's rule id (standard.json), or codelist:<Name>",
    example: '2.1.2',
  })
  ruleId!: string;

  @ApiProperty({ enum: ['error', 'warning', 'info'] })
  severity!: 'error' | 'warning' | 'info';

  @ApiProperty({ example: 'financial' })
  category!: string;

  @ApiProperty({ description: "The rule's message (English, as the IATI validator words it)" })
  message!: string;

  @ApiProperty({ example: '/iati-activities/iati-activity[1]/sector[1]' })
  path!: string;

  @ApiProperty({ description: 'What the check saw', example: 'the sum is 90, 100 expected' })
  detail!: string;
}

/** GET /api/partnerships/projects/:projectId/iati */
export class IatiValidationDto {
  @ApiProperty({ example: 'p.1' })
  projectId!: string;

  @ApiProperty({ description: 'The IATI identifier the project has (reporting organisation, "-", id)' })
  identifier!: string;

  @ApiProperty({ description: 'Whether the project is in the public IATI file (published)' })
  published!: boolean;

  @ApiProperty({ description: 'No schema error and no rule or codelist error (warnings allowed)' })
  valid!: boolean;

  @ApiPropertyOptional({
    description: 'Missing before the project can be mapped at all (dates, budget lines): no check ran',
    type: [String],
  })
  missing?: string[];

  @ApiProperty({ type: [IatiSchemaErrorDto] })
  schemaErrors!: IatiSchemaErrorDto[];

  @ApiProperty({ type: [IatiFindingDto], description: 'Errors first, then warnings, then information' })
  findings!: IatiFindingDto[];
}

/** What the IATI rules say of a project right after a command changed it. */
export class ProjectIatiCheckDto {
  @ApiProperty({ description: 'No schema error and no rule or codelist error (warnings allowed)' })
  valid!: boolean;

  @ApiPropertyOptional({
    description: 'Details the project needs before it can be mapped or published (dates, budget lines…)',
    type: [String],
  })
  missing?: string[];

  @ApiProperty({ description: 'Errors against the 2.03 XSD' })
  schemaErrors!: number;

  @ApiProperty({
    type: [IatiFindingDto],
    description: 'The rules’ and codelists’ errors and warnings, with their ids (information left out)',
  })
  findings!: IatiFindingDto[];
}

/** A project command's answer: its outcome, and the IATI rules' verdict on the project as saved. */
export class ProjectCommandResultDto extends CommandResultDto {
  @ApiProperty({ type: ProjectIatiCheckDto })
  iati!: ProjectIatiCheckDto;
}
