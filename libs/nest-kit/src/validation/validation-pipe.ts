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

function objectMemberKeys(value: unknown, parent = ''): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const pointer = `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const own = OBJECT_MEMBERS.has(key) ? [{ pointer, detail: `property ${key} should not exist` }] : [];
    return [...own, ...objectMemberKeys(child, pointer)];
  });
}

/**
 * Bodies nest a few levels (a list of objects with a geo code inside); far deeper JSON would overflow
 * the stack of the recursive code below and in class-transformer: a 500 for a client's error.
 */
export const MAX_BODY_DEPTH = 32;

/** The pointer to the first member nested deeper than `MAX_BODY_DEPTH`, found without recursion. */
function tooDeep(value: unknown): string | undefined {
  const pending: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_BODY_DEPTH) return next.pointer;
    for (const [key, child] of Object.entries(next.value)) {
      const pointer = `${next.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      pending.push({ value: child, pointer, depth: next.depth + 1 });
    }
  }
  return undefined;
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
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const deep = tooDeep(value);
      if (deep !== undefined)
        throw validationProblem([{ pointer: deep, detail: `nested deeper than ${MAX_BODY_DEPTH} levels` }]);
      // A DTO is an object: null (which ValidationPipe would read as {}), arrays and scalars are not.
      const dto = metadata.type === 'body' && !metadata.data && this.toValidate(metadata);
      if (dto && value !== undefined && !isPlainObject(value))
        throw validationProblem([{ pointer: '', detail: 'the body must be a JSON object' }]);
      const reserved = objectMemberKeys(value);
      if (reserved.length > 0) throw validationProblem(reserved);
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
