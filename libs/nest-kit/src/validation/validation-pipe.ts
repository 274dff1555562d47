import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from '../problems';

/** Flattens class-validator's tree into JSON Pointers to the offending members. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${String(error.property).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ pointer, detail }));
    return [...own, ...fieldErrors(error.children ?? [], pointer)];
  });
}

// class-validator's whitelist looks members up in a plain object, so `valueOf`, `constructor`
// and the like pass as "declared" (found by the fast-check property of the e2e spec).
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

function objectMemberKeys(value: unknown, parent = ''): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const pointer = `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const own = OBJECT_MEMBERS.has(key) ? [{ pointer, detail: `property ${key} should not exist` }] : [];
    return [...own, ...objectMemberKeys(child, pointer)];
  });
}

export const validationProblem = (errors: FieldError[]) =>
  new ProblemException(
    'validation',
    { message: 'validation.failed', params: { count: errors.length } },
    { errors },
  );

class KitValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const reserved = objectMemberKeys(value);
      if (reserved.length > 0) throw validationProblem(reserved);
    }
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted + transform; failures become one 400 validation problem. */
export function createValidationPipe(): ValidationPipe {
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
