import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldError, ProblemException } from '../problems';
import { malformedMembers } from '../validation/text-characters';
import { decodeUtf8, decodeUtf8Marking, percentDecodedBytes } from '../validation/utf8';

const NOT_UTF8 = 'holds bytes that are not UTF-8';
const LONE_SURROGATE = 'holds a lone UTF-16 surrogate, which has no UTF-8 form';

/** The 400 validation problem for malformed text, its members named in ar/fr/en and as pointers. */
export const malformedTextProblem = (errors: FieldError[]) =>
  new ProblemException(
    'validation',
    { message: 'text.malformed', params: { fields: errors.map((e) => e.pointer || '/').join(', ') } },
    { errors },
  );

// A lone surrogate in a body can only come from an escape (decoded UTF-8 holds none): bodies
// without `\uD8..`-`\uDF..` escapes, nearly all, are never walked.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Where the invalid bytes of a body are: decoded with each invalid sequence marked by a lone
 * surrogate, the members holding one are named; bytes outside any string leave no JSON to name.
 */
function invalidUtf8Problem(bytes: Buffer): ProblemException {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8Marking(bytes));
  } catch {
    return malformedTextProblem([{ pointer: '', detail: NOT_UTF8 }]);
  }
  const members = malformedMembers(parsed, NOT_UTF8);
  return malformedTextProblem(members.length > 0 ? members : [{ pointer: '', detail: NOT_UTF8 }]);
}

/** The parameters of a raw query string whose name or value is not UTF-8 once percent-decoded. */
export function invalidQueryParameters(query: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    const nameBytes = percentDecodedBytes(name);
    const decodedName = decodeUtf8(nameBytes);
    if (decodedName !== undefined && decodeUtf8(percentDecodedBytes(value)) !== undefined) continue;
    const shown = decodedName ?? new TextDecoder().decode(nameBytes);
    errors.push({ pointer: `/${shown.replace(/~/g, '~0').replace(/\//g, '~1')}`, detail: NOT_UTF8 });
  }
  return errors;
}

const queryOf = (request: FastifyRequest): string => {
  const url = request.raw.url ?? '';
  const mark = url.indexOf('?');
  return mark < 0 ? '' : url.slice(mark + 1);
};

/**
 * Text the API takes is well-formed Unicode, refused at the edge before any handler, guard or
 * store sees it: a JSON body must be UTF-8 (Fastify's own parser would read invalid bytes as
 * U+FFFD and store them so) and hold no lone surrogate (valid JSON, but no event can hash it);
 * a query parameter must percent-decode to UTF-8 (Fastify keeps `%FF` as the text "%FF").
 * A path that does not decode is refused by Fastify's router, answered by `answerFrameworkError`
 * (problems/framework-errors.ts).
 */
export function installWellFormedInput(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser(
    fastify.initialConfig.onProtoPoisoning ?? 'error',
    fastify.initialConfig.onConstructorPoisoning ?? 'error',
  );
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      done(invalidUtf8Problem(bytes), undefined);
      return;
    }
    parseJson(request, text, (error: Error | null, parsed?: unknown) => {
      if (error || !SURROGATE_ESCAPE.test(text)) return done(error, parsed);
      const members = malformedMembers(parsed, LONE_SURROGATE);
      if (members.length > 0) done(malformedTextProblem(members), undefined);
      else done(null, parsed);
    });
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    const query = queryOf(request);
    // Only escapes and raw non-ASCII can spell bytes that are not UTF-8.
    if (!/[%\u0080-\uffff]/.test(query)) return done();
    const errors = invalidQueryParameters(query);
    done(errors.length > 0 ? malformedTextProblem(errors) : undefined);
  });
}
