import { HttpException } from '@nestjs/common';
import {
  EventTooLarge,
  InvalidStreamName,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { localizeFieldDetail } from './field-details';
import { Language, message, MessageKey } from './messages';
import { isUnavailableDependency, RETRY_AFTER_UNAVAILABLE_SECONDS } from './unavailable-dependency';
import { PROBLEM_KINDS, ProblemDetails, ProblemException, ProblemKind, problemType } from './problem';

export interface ProblemContext {
  language: Language;
  /** The request path, as the problem's `instance`. */
  instance: string;
  /** Whether the client sent If-Match: a revision conflict is then 412, else 409. */
  ifMatchSent: boolean;
}

/** A context's own error to problem translation; undefined leaves the error to the kit. */
export type ProblemMapper = (error: unknown, context: ProblemContext) => ProblemException | undefined;

export interface MappedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** Unexpected: worth an error log with the stack (it never reaches the client). */
  unexpected: boolean;
}

const KIND_BY_STATUS: Record<number, ProblemKind> = {
  400: 'malformed-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  431: 'header-fields-too-large',
  503: 'not-ready',
};

const DEFAULT_MESSAGE: Partial<Record<ProblemKind, MessageKey>> = {
  'malformed-request': 'request.malformed',
  unauthorized: 'auth.missing',
  forbidden: 'auth.forbidden',
  'not-found': 'resource.notFound',
  conflict: 'revision.conflict',
  'precondition-failed': 'revision.preconditionFailed',
  'payload-too-large': 'payload.tooLarge',
  'request-timeout': 'request.timeout',
  'uri-too-long': 'uri.tooLong',
  'header-fields-too-large': 'headers.tooLarge',
  'unsupported-media-type': 'mediaType.unsupported',
  'idempotency-key-reused': 'idempotency.reused',
  'idempotency-key-in-use': 'idempotency.inFlight',
  internal: 'internal.error',
};

export function toProblem(
  error: unknown,
  context: ProblemContext,
  mappers: ProblemMapper[] = [],
): MappedProblem {
  for (const mapper of mappers) {
    const mapped = mapper(error, context);
    if (mapped) return render(mapped, context);
  }
  const [exception, unexpected] = classify(error, context);
  return render(exception, context, unexpected);
}

function classify(error: unknown, context: ProblemContext): [ProblemException, boolean] {
  if (error instanceof ProblemException) return [error, false];
  if (error instanceof WrongExpectedRevision)
    return [
      context.ifMatchSent
        ? new ProblemException('precondition-failed')
        : new ProblemException('conflict', undefined, {
            currentRevision: error.actual < 0 ? null : error.actual,
          }),
      false,
    ];
  // A malformed id in the path names a stream that cannot exist.
  if (error instanceof StreamNotFound || error instanceof InvalidStreamName)
    return [new ProblemException('not-found'), false];
  if (error instanceof EventTooLarge) return [new ProblemException('payload-too-large'), false];
  if (isUnavailableDependency(error))
    return [
      new ProblemException('not-ready', undefined, undefined, {
        'Retry-After': String(RETRY_AFTER_UNAVAILABLE_SECONDS),
      }),
      false,
    ];
  const status = error instanceof HttpException ? error.getStatus() : fastifyStatus(error);
  if (status !== undefined && status < 500 && KIND_BY_STATUS[status])
    return [new ProblemException(KIND_BY_STATUS[status]), false];
  if (status === 503) return [new ProblemException('not-ready'), false];
  return [new ProblemException('internal'), true];
}

/** Fastify's own client errors (bad JSON, body too large, unsupported media type) carry a statusCode. */
function fastifyStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return typeof statusCode === 'number' && typeof code === 'string' && code.startsWith('FST_')
    ? statusCode
    : undefined;
}

function render(exception: ProblemException, context: ProblemContext, unexpected = false): MappedProblem {
  const { status, title } = PROBLEM_KINDS[exception.kind];
  const problem: ProblemDetails = { type: problemType(exception.kind), title, status };
  const detail = localisedDetail(exception, context.language);
  if (detail !== undefined) problem.detail = detail;
  problem.instance = context.instance;
  Object.assign(problem, exception.extensions);
  if (Array.isArray(problem.errors))
    problem.errors = problem.errors.map((error) => ({
      ...error,
      detail: localizeFieldDetail(error.detail, context.language),
    }));
  return { problem, headers: exception.headers, unexpected };
}

function localisedDetail(exception: ProblemException, language: Language): string | undefined {
  const { detail } = exception;
  if (typeof detail === 'string') return detail;
  if (detail) return message(detail.message, language, detail.params);
  const key = DEFAULT_MESSAGE[exception.kind];
  return key && message(key, language);
}
