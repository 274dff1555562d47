import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorSchema {
  @ApiProperty({ example: '/title', description: 'JSON Pointer to the offending member' })
  pointer!: string;
  @ApiProperty({ example: 'title must be shorter than or equal to 200 characters' })
  detail!: string;
}

/** RFC 9457 problem details, as documented in OpenAPI. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:tadamon:problem:validation', description: 'Stable per kind of problem' })
  type!: string;
  @ApiProperty({ example: 'Validation failed', description: 'In English, the same for every occurrence' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiPropertyOptional({
    description: 'In the language of Accept-Language (ar, fr or en) when the kit wrote it',
  })
  detail?: string;
  @ApiPropertyOptional({ example: '/api/registry/associations' })
  instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Validation problems only' })
  errors?: FieldErrorSchema[];
}
