import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from '../problems';
import { cacheValidationMetadata } from './metadata-cache';

/** Flattens class-validator's tree into JSON Pointers to the offending members. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${String(error.property).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ pointer, detail }));
    return [...own, ...fieldErrors(error.children ?? [], pointer)];
  });
}

// class-validator's whitelist looks members up in a plain object, so `valueOf`, `constructor`
// and the like pass as "declared" (found by the fast-check property of the e2e spec); and
// ValidationPipe silently deletes `prototype` (like `__proto__`), so it would pass as absent.
const OBJECT_MEMBERS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Bodies nest a few levels (a list of objects with a geo code inside); far deeper JSON would overflow
 * the stack of class-transformer and class-validator: a 500 for a client's error.
 */
export const MAX_BODY_DEPTH = 32;

const pointerTo = (parent: string, key: string) =>
  `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

interface Pending {
  value: unknown;
  parent: string;
  key: string;
  depth: number;
}

type Structure = { tooDeep: FieldError } | { reserved: FieldError[] };

/**
 * One walk of the parsed value in document order, without recursion: the first member nested
 * deeper than MAX_BODY_DEPTH if any, else every member named like an Object.prototype member.
 */
function structureOf(value: unknown): Structure {
  const reserved: FieldError[] = [];
  const pending: Pending[] = [{ value, parent: '', key: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const isRoot = next.depth === 0;
    if (!isRoot && OBJECT_MEMBERS.has(next.key))
      reserved.push({
        pointer: pointerTo(next.parent, next.key),
        detail: `property ${next.key} should not exist`,
      });
    if (typeof next.value !== 'object' || next.value === null) continue;
    const pointer = isRoot ? '' : pointerTo(next.parent, next.key);
    if (next.depth >= MAX_BODY_DEPTH)
      return { tooDeep: { pointer, detail: `nested deeper than ${MAX_BODY_DEPTH} levels` } };
    const keys = Object.keys(next.value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      pending.push({
        value: (next.value as Record<string, unknown>)[key],
        parent: pointer,
        key,
        depth: next.depth + 1,
      });
    }
  }
  return { reserved };
}

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const validationProblem = (errors: FieldError[]) =>
  new ProblemException(
    'validation',
    { message: 'validation.failed', params: { count: errors.length } },
    { errors },
  );

class KitValidationPipe extends ValidationPipe {
  // What this pipe validates is parsed JSON (bodies, events) or parsed query strings: neither can
  // hold a binary value or a sparse array, so Nest's walks of the whole value looking for them
  // (on every request) are skipped.
  protected override findNestedBinaryValues(): ValidationError[] {
    return [];
  }

  protected override closeArrayGaps(): void {
    return;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const structure = structureOf(value);
      if ('tooDeep' in structure) throw validationProblem([structure.tooDeep]);
      // A DTO is an object: null (which ValidationPipe would read as {}), arrays and scalars are not.
      const dto = metadata.type === 'body' && !metadata.data && this.toValidate(metadata);
      if (dto && value !== undefined && !isPlainObject(value))
        throw validationProblem([{ pointer: '', detail: 'the body must be a JSON object' }]);
      if (structure.reserved.length > 0) throw validationProblem(structure.reserved);
    }
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted + transform; failures become one 400 validation problem. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new KitValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // No implicit conversion: a number sent as "3" is a wrong type, not a number.
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(fieldErrors(errors)),
  });
}
