import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, PROBLEM_KINDS, ProblemKind, problemType } from '../problems/problem';
import { ProblemDetailsSchema } from './problem-details.schema';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 429 | 500 | 503;

export function problemResponse(status: number) {
  const kinds = (Object.keys(PROBLEM_KINDS) as ProblemKind[]).filter(
    (k) => PROBLEM_KINDS[k].status === status,
  );
  return {
    status,
    description: kinds.map((k) => `${PROBLEM_KINDS[k].title} (${problemType(k)})`).join('; '),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
  };
}

/** Documents the problem responses of an endpoint, e.g. `@ApiProblems(400, 404, 409, 412)`. */
export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsSchema),
    ...statuses.map((s) => ApiResponse(problemResponse(s))),
  );
