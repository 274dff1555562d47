import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Every string member of a DTO carries @BoundedString and every array member @BoundedArray: the
 * body-size limit alone would let one field take the whole megabyte into an event.
 */
export function BoundedString(maxLength: number, options: { minLength?: number; each?: boolean } = {}) {
  const minLength = options.minLength ?? 0;
  const each = options.each ?? false;
  return applyDecorators(
    IsString({ each }),
    MaxLength(maxLength, { each }),
    ...(minLength > 0 ? [MinLength(minLength, { each })] : []),
    ...(each ? [] : [ApiProperty({ type: String, maxLength, minLength })]),
  );
}

/** An array of at most `maxItems`; its items are validated by their own decorators (`each: true`). */
export function BoundedArray(maxItems: number, options: { minItems?: number } = {}) {
  const minItems = options.minItems ?? 0;
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(maxItems),
    ...(minItems > 0 ? [ArrayMinSize(minItems)] : []),
  );
}
