import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  BoundedArray,
  BoundedString,
  IsOptionalNotNull,
  LocalizedLongTextDto,
  LocalizedTextDto,
  PageQueryDto,
  StableId,
} from '@tadamon/nest-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import {
  MAX_COMPETENCES,
  MAX_MODULE_MINUTES,
  MODULE_THEMES,
  ModuleTheme,
  TRAINING_LANGUAGES,
  TrainingLanguage,
} from '../../domain/module/module-details';
import { MAX_PATH_MODULES } from '../../domain/path/path-details';

const competences: ApiPropertyOptions = {
  type: 'array',
  items: {
    oneOf: [{ type: 'string', example: 'PM-PLAN' }, { $ref: '#/components/schemas/LocalizedTextDto' }],
  },
  description: `Up to ${MAX_COMPETENCES}: a short code of the ministry's framework or a label in words`,
};

/** Every detail optional: a revision carries only what changes, each whole. */
export class ModuleChangesDto {
  @ApiPropertyOptional({ example: 'GP-101', description: '1 to 20 capital letters, digits or . _ -' })
  @IsOptionalNotNull()
  @BoundedString(20, { minLength: 1 })
  code?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiPropertyOptional({ example: 600, description: `Whole minutes, 1 to ${MAX_MODULE_MINUTES}` })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_MODULE_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional(competences)
  @IsOptionalNotNull()
  @BoundedArray(MAX_COMPETENCES)
  competences?: unknown[];

  @ApiPropertyOptional({ enum: TRAINING_LANGUAGES, isArray: true, example: ['fr', 'ar'] })
  @IsOptionalNotNull()
  @BoundedArray(TRAINING_LANGUAGES.length, { minItems: 1 })
  @IsIn(TRAINING_LANGUAGES, { each: true })
  languages?: TrainingLanguage[];

  @ApiPropertyOptional({ enum: MODULE_THEMES })
  @IsOptionalNotNull()
  @IsIn(MODULE_THEMES)
  theme?: ModuleTheme;
}

export class DefineModuleDto {
  @ApiPropertyOptional({ description: 'Default: a new module-<uuid>', example: 'gp-101' })
  @IsOptionalNotNull()
  @StableId()
  moduleId?: string;

  @ApiProperty({ example: 'GP-101', description: '1 to 20 capital letters, digits or . _ -' })
  @BoundedString(20, { minLength: 1 })
  code!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description!: LocalizedLongTextDto;

  @ApiProperty({ example: 600, description: `Whole minutes, 1 to ${MAX_MODULE_MINUTES}` })
  @IsInt()
  @Min(1)
  @Max(MAX_MODULE_MINUTES)
  durationMinutes!: number;

  @ApiProperty(competences)
  @BoundedArray(MAX_COMPETENCES)
  competences!: unknown[];

  @ApiProperty({ enum: TRAINING_LANGUAGES, isArray: true, example: ['fr', 'ar'] })
  @BoundedArray(TRAINING_LANGUAGES.length, { minItems: 1 })
  @IsIn(TRAINING_LANGUAGES, { each: true })
  languages!: TrainingLanguage[];

  @ApiProperty({ enum: MODULE_THEMES })
  @IsIn(MODULE_THEMES)
  theme!: ModuleTheme;
}

export class ReviseModuleDto {
  @ApiProperty({ type: ModuleChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ModuleChangesDto)
  changes!: ModuleChangesDto;
}

export class RetireDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @BoundedString(5000, { minLength: 1, multiline: true })
  reason?: string;
}

export class PathChangesDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @ApiPropertyOptional({
    type: [String],
    description: `2 to ${MAX_PATH_MODULES} module ids, in the order taken`,
  })
  @IsOptionalNotNull()
  @BoundedArray(MAX_PATH_MODULES, { minItems: 2 })
  @StableId({ each: true })
  moduleIds?: string[];
}

export class DefinePathDto {
  @ApiPropertyOptional({ description: 'Default: a new path-<uuid>', example: 'porteur-codev' })
  @IsOptionalNotNull()
  @StableId()
  pathId?: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ type: [String], description: `2 to ${MAX_PATH_MODULES} module ids, in the order taken` })
  @BoundedArray(MAX_PATH_MODULES, { minItems: 2 })
  @StableId({ each: true })
  moduleIds!: string[];
}

export class RevisePathDto {
  @ApiProperty({ type: PathChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PathChangesDto)
  changes!: PathChangesDto;
}

export class CatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptionalNotNull()
  @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';

  @ApiPropertyOptional({ enum: MODULE_THEMES, description: 'Modules of this theme' })
  @IsOptionalNotNull()
  @IsIn(MODULE_THEMES)
  theme?: ModuleTheme;

  @ApiPropertyOptional({ description: 'Paths containing this module' })
  @IsOptionalNotNull()
  @StableId()
  moduleId?: string;
}
