import { ForbiddenException, NotFoundException } from '@nestjs/common';
import {
  EventTooLarge,
  InvalidStreamName,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { negotiateLanguage } from './messages';
import { ProblemException } from './problem';
import { ProblemContext, toProblem } from './problem-mapping';

const context: ProblemContext = { language: 'en', instance: '/api/notes/1', ifMatchSent: false };

describe('errors as problem details', () => {
  it('answers a revision conflict without If-Match with 409 and the current revision', () => {
    const { problem } = toProblem(new WrongExpectedRevision('note-1', 2, 5), context);
    expect(problem).toEqual({
      type: 'urn:tadamon:problem:conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The resource was changed by someone else; reload it and try again.',
      instance: '/api/notes/1',
      currentRevision: 5,
    });
  });

  it('answers a revision conflict after If-Match with 412', () => {
    const { problem } = toProblem(new WrongExpectedRevision('note-1', 2, 5), {
      ...context,
      ifMatchSent: true,
    });
    expect(problem).toMatchObject({ type: 'urn:tadamon:problem:precondition-failed', status: 412 });
  });

  it.each([
    [new StreamNotFound('note-1'), 404, 'not-found'],
    [new InvalidStreamName('x', 'bad'), 404, 'not-found'],
    [new EventTooLarge('e', 2, 1), 413, 'payload-too-large'],
    [new NotFoundException(), 404, 'not-found'],
    [new ForbiddenException(), 403, 'forbidden'],
    [
      Object.assign(new Error('Unexpected token'), {
        statusCode: 400,
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      }),
      400,
      'malformed-request',
    ],
    [
      Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
      413,
      'payload-too-large',
    ],
    [new ProblemException('idempotency-key-reused'), 422, 'idempotency-key-reused'],
  ])('maps %p to %i', (error, status, kind) => {
    const { problem, unexpected } = toProblem(error, context);
    expect(problem).toMatchObject({ status, type: `urn:tadamon:problem:${kind}` });
    expect(unexpected).toBe(false);
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a server shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a connection lost', new Error('Connection terminated unexpectedly')],
    ['a pool with no client in time', new Error('timeout exceeded when trying to connect')],
    [
      'a broken client still in use',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'the database restarting',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
  ])('answers %s with 503 and Retry-After, not 500', (_, error) => {
    const { problem, headers, unexpected } = toProblem(error, context);
    expect(problem).toMatchObject({ type: 'urn:tadamon:problem:not-ready', status: 503 });
    expect(headers).toEqual({ 'Retry-After': '2' });
    expect(unexpected).toBe(false);
  });

  it('answers 500 without leaking the error message, and flags it for the log', () => {
    const { problem, unexpected } = toProblem(new Error('password=hunter2 at db.ts:12'), context);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem).toMatchObject({ status: 500, type: 'urn:tadamon:problem:internal' });
    expect(unexpected).toBe(true);
  });

  it('does not trust a statusCode on an arbitrary error', () => {
    expect(toProblem(Object.assign(new Error('x'), { statusCode: 404 }), context).problem.status).toBe(500);
  });

  it('writes the kit detail in the negotiated language, the title always in English', () => {
    const fr = toProblem(new StreamNotFound('n'), { ...context, language: 'fr' }).problem;
    const ar = toProblem(new StreamNotFound('n'), { ...context, language: 'ar' }).problem;
    expect(fr).toMatchObject({ title: 'Not found', detail: "La ressource n'existe pas." });
    expect(ar).toMatchObject({ title: 'Not found', detail: 'المورد غير موجود.' });
  });

  it('lets a context map its own errors first', () => {
    class InvalidTransition extends Error {}
    const { problem } = toProblem(new InvalidTransition(), context, [
      (error) =>
        error instanceof InvalidTransition
          ? new ProblemException('conflict', 'Already submitted')
          : undefined,
    ]);
    expect(problem).toMatchObject({ status: 409, detail: 'Already submitted' });
  });
});

describe('Accept-Language negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['fr-MA,fr;q=0.9,en;q=0.8', 'fr'],
    ['ar-MA', 'ar'],
    ['de, en;q=0.5, ar;q=0.7', 'ar'],
    ['es', 'en'],
    ['fr;q=0, en', 'en'],
  ])('%p -> %p', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});
