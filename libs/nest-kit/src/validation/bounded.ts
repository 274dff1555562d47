import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { plainTextPattern, textFault } from './text-characters';

/**
 * Text with no control character (tab, CR and LF allowed in `multiline` text only), no
 * bidirectional embedding, override or isolate, and no lone surrogate: see text-characters.ts.
 */
export function PlainText(options: { multiline?: boolean; each?: boolean } = {}) {
  const multiline = options.multiline ?? false;
  return ValidateBy(
    {
      name: multiline ? 'plainMultilineText' : 'plainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || textFault(value, multiline) === undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} must not hold ${
            typeof args?.value === 'string'
              ? textFault(args.value, multiline)
              : // An array's items (each: true): the first that is refused.
                (Array.isArray(args?.value) &&
                  (args.value as unknown[])
                    .map((item) => (typeof item === 'string' ? textFault(item, multiline) : undefined))
                    .find((fault) => fault !== undefined)) ||
                'control or bidirectional characters'
          }`,
      },
    },
    { each: options.each ?? false },
  );
}

/**
 * Every string member of a DTO carries @BoundedString and every array member @BoundedArray: the
 * body-size limit alone would let one field take the whole megabyte into an event. Its text is
 * plain (see PlainText): single-line unless `multiline` (descriptions, reasons, rationales).
 */
export function BoundedString(
  maxLength: number,
  options: { minLength?: number; each?: boolean; multiline?: boolean } = {},
) {
  const minLength = options.minLength ?? 0;
  const each = options.each ?? false;
  return applyDecorators(
    IsString({ each }),
    MaxLength(maxLength, { each }),
    ...(minLength > 0 ? [MinLength(minLength, { each })] : []),
    PlainText({ multiline: options.multiline, each }),
    ...(each
      ? []
      : [
          ApiProperty({
            type: String,
            maxLength,
            minLength,
            pattern: plainTextPattern(options.multiline ?? false),
          }),
        ]),
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

/**
 * A list of objects, each validated by its class (named with class-transformer's `@Type`).
 * ValidateNested alone takes an item that is itself a list and validates that list's items instead:
 * `[[]]` would pass.
 */
export const NestedObjects = () => applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }));

/**
 * A member that may be left out, but not sent as null: its validators are skipped only when it is
 * absent. class-validator's IsOptional skips null too, so `"needId": null` would pass as "absent".
 * Members that null clears keep IsOptional with their own ValidateIf.
 */
export const IsOptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
