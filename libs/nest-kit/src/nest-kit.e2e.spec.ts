import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Post, Put, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiCreatedResponse } from '@nestjs/swagger';
import {
  ExpectedRevision,
  revisionMatches,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import fc from 'fast-check';
import { connect } from 'node:net';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  ApiProblems,
  assertCanAccess,
  Authorize,
  BoundedArray,
  BoundedString,
  bootstrapHttpApp,
  CorrelationId,
  CurrentActor,
  decodeUtf8,
  ExpectedRevisionHeader,
  HealthRegistry,
  NestKitModule,
  Public,
  RateLimit,
  RequestContext,
  revisioned,
  Roles,
  TokenIssuer,
} from './index';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';

class NoteDto {
  @BoundedString(200, { minLength: 1 })
  title!: string;

  @BoundedArray(5)
  @BoundedString(20, { each: true })
  tags!: string[];

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  priority?: number;
}

interface Note {
  id: string;
  organisationId: string;
  title: string;
  tags: string[];
  revision: number;
  correlationId?: string;
}

/** A stand-in for an event-sourced store: revisions and optimistic concurrency only. */
class Notes {
  readonly byId = new Map<string, Note>();
  handlerCalls = 0;
  concurrentWriterOnce = false;
  /** When set, creating a note waits for it (a request still running). */
  gate: Promise<void> | undefined;

  update(id: string, expected: ExpectedRevision, change: Partial<Note>): Note {
    const note = this.byId.get(id);
    if (!note) throw new Error(`no note ${id}`);
    if (this.concurrentWriterOnce) {
      this.concurrentWriterOnce = false;
      note.revision += 1;
    }
    if (!revisionMatches(expected, note.revision))
      throw new WrongExpectedRevision(id, expected, note.revision);
    Object.assign(note, change, { revision: note.revision + 1 });
    return note;
  }
}
const notes = new Notes();

@Controller('api/notes')
class NotesController {
  @Post()
  @Roles('association')
  @ApiCreatedResponse({ description: 'The note is created' })
  @ApiProblems(400, 409, 422)
  async create(
    @Body() dto: NoteDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (notes.gate) await notes.gate;
    notes.handlerCalls += 1;
    const id = `note-${notes.byId.size + 1}`;
    const note = {
      id,
      organisationId: actor.organisationId ?? '',
      title: dto.title,
      tags: dto.tags,
      revision: 0,
    };
    notes.byId.set(id, { ...note, correlationId: RequestContext.commandMetadata().correlationId });
    reply.header('location', `/api/notes/${id}`);
    return revisioned({ id, revision: 0, calls: notes.handlerCalls }, 0);
  }

  @Get(':id')
  @Roles('association', 'officer', 'auditor')
  @ApiProblems(404)
  read(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const note = notes.byId.get(id);
    assertCanAccess(actor, note ?? {}, { readAll: note ? ['officer', 'auditor'] : [] });
    if (!note) throw new StreamNotFound(id);
    const { revision, ...body } = note;
    return revisioned(body, revision);
  }

  @Put(':id')
  @Roles('association')
  @ApiProblems(400, 404, 409, 412)
  rename(
    @Param('id') id: string,
    @Body() dto: NoteDto,
    @CurrentActor() actor: Actor,
    @ExpectedRevisionHeader() expected: ExpectedRevision | undefined,
  ) {
    const note = notes.byId.get(id);
    assertCanAccess(actor, note ?? {});
    if (!note) throw new StreamNotFound(id);
    notes.handlerCalls += 1;
    // Without If-Match the handler expects the revision it just read; a concurrent writer still conflicts.
    const updated = notes.update(id, expected ?? note.revision, { title: dto.title, tags: dto.tags });
    return revisioned({ id, title: updated.title }, updated.revision);
  }

  @Get('of/:organisationId')
  @Roles('association', 'officer')
  @Authorize((actor, request) => {
    const { organisationId } = request.params as { organisationId: string };
    return actor.roles.includes('officer') || actor.organisationId === organisationId;
  })
  ofOrganisation(@Param('organisationId') organisationId: string) {
    return [...notes.byId.values()].filter((n) => n.organisationId === organisationId).map((n) => n.id);
  }

  @Post('feedback')
  @Public()
  @RateLimit({ name: 'feedback', limit: 3, windowMs: 60_000 })
  @ApiProblems(429)
  feedback(@CorrelationId() correlationId: string) {
    return { received: true, correlationId };
  }
}

const issuer = TokenIssuer.hs256('a-test-secret-that-is-long-enough-0123456789');
let eventStoreUp = true;
let relayStuck: string | undefined;

@Module({
  imports: [
    NestKitModule.forRoot({
      appName: 'notes',
      auth: { verification: issuer.verification },
      // Every test of this file comes from one address: the limit across routes is tested on its own.
      rateLimit: { limit: 1_000_000, ttlMs: 60_000 },
      logging: { level: 'silent' },
    }),
  ],
  controllers: [NotesController],
})
class NotesApp {}

describe('the service kit over HTTP', () => {
  let app: NestFastifyApplication;
  let url: string;
  const tokens: Record<'assocA' | 'assocB' | 'officer' | 'partner', string> = {} as never;

  beforeAll(async () => {
    app = await bootstrapHttpApp(NotesApp, { openApi: { title: 'Notes' }, bodyLimit: 16 * 1024 });
    app.get(HealthRegistry).registerProgress('relay', () => relayStuck);
    app.get(HealthRegistry).register('event-store', () => {
      if (!eventStoreUp) throw new Error('SQLITE_CANTOPEN');
    });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    tokens.assocA = await issuer.issue({ id: 'user-a', roles: ['association'], organisationId: 'org-a' });
    tokens.assocB = await issuer.issue({ id: 'user-b', roles: ['association'], organisationId: 'org-b' });
    tokens.officer = await issuer.issue({ id: 'officer-1', roles: ['officer'] });
    tokens.partner = await issuer.issue({ id: 'partner-1', roles: ['partner'], organisationId: 'org-p' });
  }, APP_START_TIMEOUT_MS);
  afterAll(() => app?.close(), APP_STOP_TIMEOUT_MS);

  const call = (
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
      raw?: string | Uint8Array;
    } = {},
  ) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined || options.raw !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });

  const createNote = async (token = tokens.assocA) => {
    const response = await call('POST', '/api/notes', { token, body: { title: 'Hello', tags: ['a'] } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  async function expectProblem(response: Response, status: number, kind: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
    const problem: any = await response.json();
    expect(problem).toMatchObject({ status, type: `urn:tadamon:problem:${kind}` });
    return problem;
  }

  describe('validation', () => {
    it.each([
      ['an unknown field', { title: 'x', tags: [], admin: true }, '/admin'],
      ['a member named like an Object.prototype one', { title: 'x', tags: [], valueOf: {} }, '/valueOf'],
      ['a too-long string', { title: 'x'.repeat(201), tags: [] }, '/title'],
      ['a wrong type', { title: 42, tags: [] }, '/title'],
      ['too many items', { title: 'x', tags: ['1', '2', '3', '4', '5', '6'] }, '/tags'],
      ['a too-long item', { title: 'x', tags: ['y'.repeat(21)] }, '/tags'],
      ['a number sent as text', { title: 'x', tags: [], priority: '3' }, '/priority'],
    ])('answers 400 to %s, naming the member, without calling the handler', async (_case, body, pointer) => {
      const before = notes.handlerCalls;
      const problem = await expectProblem(
        await call('POST', '/api/notes', { token: tokens.assocA, body }),
        400,
        'validation',
      );
      expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(notes.handlerCalls).toBe(before);
    });

    it.each([
      ['a lone surrogate', { title: 'ok \uD800', tags: [] }, '/title', 'text.malformed'],
      ['a lone surrogate in an item', { title: 'ok', tags: ['a', '\uDFFF'] }, '/tags/1', 'text.malformed'],
      [
        'a lone surrogate in a member name',
        { title: 'ok', tags: [], ['x\uDBFF']: 1 },
        '/x\uFFFD',
        'text.malformed',
      ],
      ['NUL', { title: 'a\u0000b', tags: [] }, '/title', 'validation.failed'],
      ['another C0 control', { title: 'a\u001Bb', tags: [] }, '/title', 'validation.failed'],
      ['a line break in a single-line text', { title: 'a\nb', tags: [] }, '/title', 'validation.failed'],
      [
        'a bidirectional override',
        { title: 'invoice\u202Egpj.exe', tags: [] },
        '/title',
        'validation.failed',
      ],
      [
        'a bidirectional isolate in an item',
        { title: 'ok', tags: ['\u2067x'] },
        '/tags',
        'validation.failed',
      ],
    ])(
      'answers 400 to %s, naming the member, without calling the handler',
      async (_case, body, pointer, kind) => {
        const before = notes.handlerCalls;
        const problem = await expectProblem(
          await call('POST', '/api/notes', {
            token: tokens.assocA,
            body,
            headers: { 'accept-language': 'fr' },
          }),
          400,
          'validation',
        );
        expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
        expect(problem.detail).toMatch(
          kind === 'text.malformed' ? /^Le texte en .* est mal formé/ : /^Le corps/,
        );
        expect(notes.handlerCalls).toBe(before);
      },
    );

    it('answers 400 to bytes that are not UTF-8, naming the member, and in the caller’s language', async () => {
      const before = notes.handlerCalls;
      const body = Buffer.concat([
        Buffer.from('{"title":"ok","tags":["a","b'),
        Buffer.from([0xf0, 0x9f, 0x98]), // a truncated emoji: as long as the U+FFFD it used to become
        Buffer.from('"]}'),
      ]);
      for (const [language, detail] of [
        ['ar', /^النص في \/tags\/1 غير سليم/],
        ['fr', /^Le texte en \/tags\/1 est mal formé/],
        ['en', /^The text at \/tags\/1 is not well formed/],
      ] as const) {
        const problem = await expectProblem(
          await call('POST', '/api/notes', {
            token: tokens.assocA,
            raw: body,
            headers: { 'accept-language': language },
          }),
          400,
          'validation',
        );
        expect(problem.errors).toEqual([{ pointer: '/tags/1', detail: 'holds bytes that are not UTF-8' }]);
        expect(problem.detail).toMatch(detail);
      }
      const outsideStrings = Buffer.concat([
        Buffer.from('{"title":"ok","tags":[]'),
        Buffer.from([0xff, 0x7d]),
      ]);
      const problem = await expectProblem(
        await call('POST', '/api/notes', { token: tokens.assocA, raw: outsideStrings }),
        400,
        'validation',
      );
      expect(problem.errors).toEqual([{ pointer: '', detail: 'holds bytes that are not UTF-8' }]);
      expect(notes.handlerCalls).toBe(before);
    });

    it('answers 400 to a query parameter or path that is not UTF-8, naming the parameter', async () => {
      for (const query of ['region=%ED%A0%80', 'region=%FF', 'page=1&region=ok%C3', 'region%FF=x']) {
        const problem = await expectProblem(
          await call('GET', `/api/notes/of/org-a?${query}`, { token: tokens.assocA }),
          400,
          'validation',
        );
        expect(problem.errors).toEqual([
          {
            pointer: query.startsWith('region%FF') ? '/region\uFFFD' : '/region',
            detail: 'holds bytes that are not UTF-8',
          },
        ]);
      }
      const fine = await call('GET', '/api/notes/of/org-a?region=%C3%A9t%C3%A9&q=50%25+off', {
        token: tokens.assocA,
      });
      expect(fine.status).toBe(200);
      for (const path of ['/api/notes/%ED%A0%80', '/api/notes/%FF']) {
        const problem = await expectProblem(
          await call('GET', path, { token: tokens.assocA, headers: { 'accept-language': 'ar' } }),
          400,
          'malformed-request',
        );
        expect(problem).toMatchObject({ instance: path, detail: expect.stringMatching(/^مسار الطلب/) });
      }
    });

    it('keeps the names people write: Arabic with direction marks, Tifinagh, emoji', async () => {
      for (const title of [
        'جمعية \u200Fتيزنيت (M&D)',
        'ⴰⵙⵙⵓⵎⵔ',
        'Café \u200E😀',
        '\uFFFD is a real character',
      ]) {
        const response = await call('POST', '/api/notes', {
          token: tokens.assocA,
          body: { title, tags: [] },
        });
        expect(response.status).toBe(201);
        expect(notes.byId.get(((await response.json()) as { id: string }).id)?.title).toBe(title);
      }
    });

    it('answers 400 to malformed JSON and 413 to a body over the limit', async () => {
      await expectProblem(
        await call('POST', '/api/notes', { token: tokens.assocA, raw: '{"title":' }),
        400,
        'malformed-request',
      );
      await expectProblem(
        await call('POST', '/api/notes', {
          token: tokens.assocA,
          body: { title: 'x'.repeat(20_000), tags: [] },
        }),
        413,
        'payload-too-large',
      );
    });

    const notPlainText = fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0x00, max: 0x1f }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0x7f, max: 0x9f }).map((code) => String.fromCharCode(code)),
      fc.constantFrom(
        '\u202A',
        '\u202B',
        '\u202C',
        '\u202D',
        '\u202E',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
      ),
    );
    const notUtf8 = fc
      .uint8Array({ min: 0x80, max: 0xff, minLength: 1, maxLength: 6 })
      .filter((bytes) => decodeUtf8(bytes) === undefined);

    it('answers every generated bad body with a 400 problem, never a 5xx, and never runs the handler', async () => {
      const before = notes.handlerCalls;
      const badBody = fc.oneof(
        fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
        fc.record({ title: fc.string({ minLength: 201, maxLength: 400 }), tags: fc.constant([]) }),
        fc.record({ title: fc.anything().filter((v) => typeof v !== 'string'), tags: fc.constant([]) }),
        fc.record({
          title: fc.constant('ok'),
          tags: fc.array(fc.string({ maxLength: 5 }), { minLength: 6 }),
        }),
        fc.record({
          title: fc.constant('ok'),
          tags: fc.array(
            fc.jsonValue().filter((v) => typeof v !== 'string'),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        fc
          .tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue())
          .filter(([key]) => !['title', 'tags', 'priority'].includes(key))
          .map(([key, value]) => ({ title: 'ok', tags: [], [key]: value })),
        // Text no member may hold, in the title or an item: JSON-escaped lone surrogates, controls,
        // bidirectional controls, and bytes that are not UTF-8.
        fc
          .tuple(fc.string({ maxLength: 8 }), notPlainText, fc.string({ maxLength: 8 }), fc.boolean())
          .map(([before, bad, after, inTitle]) =>
            inTitle
              ? { title: `${before}${bad}${after}`.slice(0, 200), tags: [] }
              : { title: 'ok', tags: [bad] },
          ),
        fc
          .tuple(fc.string({ maxLength: 8 }), notUtf8, fc.boolean())
          .map(([before, bytes, inTitle]) =>
            Buffer.concat([
              Buffer.from(
                inTitle
                  ? `{"tags":[],"title":${JSON.stringify(before).slice(0, -1)}`
                  : '{"title":"ok","tags":["',
              ),
              bytes,
              Buffer.from(inTitle ? '"}' : '"]}'),
            ]),
          ),
      );
      await fc.assert(
        fc.asyncProperty(badBody, async (body) => {
          const response = await call('POST', '/api/notes', {
            token: tokens.assocA,
            raw: body instanceof Uint8Array ? body : (JSON.stringify(body) ?? 'null'),
          });
          expect(response.status).toBe(400);
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          await response.arrayBuffer();
        }),
        { numRuns: 200 },
      );
      expect(notes.handlerCalls).toBe(before);
      // 200 requests: a few seconds, many more on a busy 2-core machine.
    }, 60_000);
  });

  describe('authentication and authorisation', () => {
    it('answers 401 without a token, and with a forged one', async () => {
      const missing = await call('GET', '/api/notes/note-1');
      await expectProblem(missing, 401, 'unauthorized');
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      const forged = await TokenIssuer.hs256('another-secret-another-secret-another-secret').issue({
        id: 'x',
        roles: ['admin'],
      });
      await expectProblem(await call('GET', '/api/notes/note-1', { token: forged }), 401, 'unauthorized');
    });

    it('answers 403 to a role the route does not allow', async () => {
      await expectProblem(
        await call('POST', '/api/notes', { token: tokens.partner, body: { title: 'x', tags: [] } }),
        403,
        'forbidden',
      );
    });

    it("answers 404 for another party's object, as for one that does not exist", async () => {
      const id = await createNote(tokens.assocA);
      expect((await call('GET', `/api/notes/${id}`, { token: tokens.assocA })).status).toBe(200);
      expect((await call('GET', `/api/notes/${id}`, { token: tokens.officer })).status).toBe(200);
      await expectProblem(await call('GET', `/api/notes/${id}`, { token: tokens.assocB }), 404, 'not-found');
      await expectProblem(await call('GET', '/api/notes/nope', { token: tokens.assocB }), 404, 'not-found');
    });

    it('applies an @Authorize policy: 404 for another organisation', async () => {
      expect((await call('GET', '/api/notes/of/org-a', { token: tokens.assocA })).status).toBe(200);
      expect((await call('GET', '/api/notes/of/org-a', { token: tokens.officer })).status).toBe(200);
      await expectProblem(
        await call('GET', '/api/notes/of/org-a', { token: tokens.assocB }),
        404,
        'not-found',
      );
    });
  });

  describe('revisions', () => {
    it('gives a strong ETag and takes it back as If-Match', async () => {
      const id = await createNote();
      const read = await call('GET', `/api/notes/${id}`, { token: tokens.assocA });
      expect(read.headers.get('etag')).toBe('"0"');
      const body = { title: 'Renamed', tags: [] };
      const renamed = await call('PUT', `/api/notes/${id}`, {
        token: tokens.assocA,
        body,
        headers: { 'if-match': '"0"' },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.headers.get('etag')).toBe('"1"');
      const stale = await call('PUT', `/api/notes/${id}`, {
        token: tokens.assocA,
        body,
        headers: { 'if-match': '"0"' },
      });
      await expectProblem(stale, 412, 'precondition-failed');
    });

    it('answers 409 to a conflict with a concurrent writer when no If-Match was sent', async () => {
      const id = await createNote();
      notes.concurrentWriterOnce = true;
      const problem = await expectProblem(
        await call('PUT', `/api/notes/${id}`, { token: tokens.assocA, body: { title: 'x', tags: [] } }),
        409,
        'conflict',
      );
      expect(problem.currentRevision).toBe(1);
    });

    it('answers 400 to a malformed If-Match', async () => {
      const id = await createNote();
      await expectProblem(
        await call('PUT', `/api/notes/${id}`, {
          token: tokens.assocA,
          body: { title: 'x', tags: [] },
          headers: { 'if-match': 'W/"0"' },
        }),
        400,
        'malformed-request',
      );
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the stored response and runs the handler once', async () => {
      const headers = { 'idempotency-key': 'create-1' };
      const body = { title: 'Once', tags: ['x'] };
      const first = await call('POST', '/api/notes', { token: tokens.assocA, body, headers });
      const second = await call('POST', '/api/notes', {
        token: tokens.assocA,
        raw: '{ "tags": ["x"], "title": "Once" }',
        headers,
      });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.headers.get('location')).toBe(first.headers.get('location'));
      expect(first.headers.get('etag')).toBe('"0"');
      expect(second.headers.get('etag')).toBe('"0"');
      expect(await second.json()).toEqual(await first.json());
      expect([...notes.byId.values()].filter((n) => n.title === 'Once')).toHaveLength(1);
    });

    it('answers 409 with Retry-After to a retry while the first is still running, then replays', async () => {
      const headers = { 'idempotency-key': 'create-slow' };
      const body = { title: 'Slow', tags: [] };
      let open!: () => void;
      notes.gate = new Promise<void>((resolve) => (open = resolve));
      const first = call('POST', '/api/notes', { token: tokens.assocA, body, headers });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const retried = await call('POST', '/api/notes', { token: tokens.assocA, body, headers });
      await expectProblem(retried, 409, 'idempotency-key-in-use');
      expect(retried.headers.get('retry-after')).toBe('1');
      notes.gate = undefined;
      open();
      expect((await first).status).toBe(201);
      const replayed = await call('POST', '/api/notes', { token: tokens.assocA, body, headers });
      expect(replayed.status).toBe(201);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect([...notes.byId.values()].filter((n) => n.title === 'Slow')).toHaveLength(1);
    });

    it('answers 400 to a malformed key and leaves requests without one alone', async () => {
      await expectProblem(
        await call('POST', '/api/notes', {
          token: tokens.assocA,
          body: { title: 'Bad key', tags: [] },
          headers: { 'idempotency-key': 'with space' },
        }),
        400,
        'malformed-request',
      );
      const plain = await call('POST', '/api/notes', {
        token: tokens.assocA,
        body: { title: 'No key', tags: [] },
      });
      expect(plain.status).toBe(201);
      expect(plain.headers.get('idempotent-replayed')).toBeNull();
    });

    it('answers 422 when the key is reused with another body', async () => {
      const headers = { 'idempotency-key': 'create-2' };
      await call('POST', '/api/notes', { token: tokens.assocA, body: { title: 'A', tags: [] }, headers });
      const before = notes.handlerCalls;
      await expectProblem(
        await call('POST', '/api/notes', { token: tokens.assocA, body: { title: 'B', tags: [] }, headers }),
        422,
        'idempotency-key-reused',
      );
      expect(notes.handlerCalls).toBe(before);
    });

    it('keeps keys per actor, and lets a failed request be retried', async () => {
      const headers = { 'idempotency-key': 'create-3' };
      await expectProblem(
        await call('POST', '/api/notes', { token: tokens.assocA, body: { title: '', tags: [] }, headers }),
        400,
        'validation',
      );
      expect(
        (await call('POST', '/api/notes', { token: tokens.assocA, body: { title: 'A', tags: [] }, headers }))
          .status,
      ).toBe(201);
      const other = await call('POST', '/api/notes', {
        token: tokens.assocB,
        body: { title: 'B', tags: [] },
        headers,
      });
      expect(other.status).toBe(201);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  it('answers 429 with Retry-After once the rate limit is hit', async () => {
    for (let i = 0; i < 3; i++) expect((await call('POST', '/api/notes/feedback')).status).toBe(201);
    const limited = await call('POST', '/api/notes/feedback');
    await expectProblem(limited, 429, 'rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('echoes the correlation id and gives it to handlers and command metadata', async () => {
    const sent = await call('POST', '/api/notes', {
      token: tokens.assocA,
      body: { title: 'Traced', tags: [] },
      headers: { 'x-correlation-id': 'trace-123' },
    });
    expect(sent.headers.get('x-correlation-id')).toBe('trace-123');
    expect([...notes.byId.values()].find((n) => n.title === 'Traced')?.correlationId).toBe('trace-123');
    const generated = await call('GET', '/health');
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await call('GET', '/health', { headers: { 'x-correlation-id': 'x'.repeat(300) } });
    expect(hostile.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents routes, roles and problem responses at /api/docs-json, with a UI at /api/docs', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
    const document: any = await (await call('GET', '/api/docs-json')).json();
    const create = document.paths['/api/notes'].post;
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '422']),
    );
    expect(create.responses['400'].content['application/problem+json']).toBeDefined();
    expect(create.description).toContain('Roles: association.');
    expect(document.paths['/api/notes/{id}'].put.responses['412']).toBeDefined();
    expect(document.paths['/api/notes/feedback'].post.security).toEqual([]);
    expect(document.components.schemas.NoteDto.properties.title).toMatchObject({ maxLength: 200 });
    // The validation pipe's rules, as the document states them: no looser than the server.
    expect(document.components.schemas.NoteDto).toMatchObject({
      additionalProperties: false,
      properties: {
        title: { type: 'string', minLength: 1, maxLength: 200 },
        tags: { maxItems: 5 },
        priority: { type: 'integer', minimum: 0, maximum: 5 },
      },
    });
    const ui = await call('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
    expect((await call('GET', '/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('exposes the request latency histogram at /metrics', async () => {
    const response = await call('GET', '/metrics');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{.*route="\/api\/notes\/:id".*method="GET".*status="200"/,
    );
    expect(text).toContain('commands_total');
    expect(text).toContain('projection_lag_events');
  });

  it('answers liveness, and readiness per dependency with 503 when one fails', async () => {
    expect(await (await call('GET', '/health')).json()).toEqual({ status: 'ok' });
    const ready = await call('GET', '/health/ready');
    expect(await ready.json()).toEqual({ status: 'ok', checks: [{ name: 'event-store', status: 'up' }] });
    eventStoreUp = false;
    try {
      const problem = await expectProblem(await call('GET', '/health/ready'), 503, 'not-ready');
      expect(problem.checks).toEqual([{ name: 'event-store', status: 'down', error: 'SQLITE_CANTOPEN' }]);
      expect((await call('GET', '/health')).status).toBe(200);
    } finally {
      eventStoreUp = true;
    }
  });

  it('fails liveness (503 not-alive, in the reader language) while background work is stuck, not while a dependency is down', async () => {
    expect((await call('GET', '/health/live')).status).toBe(200);
    relayStuck = 'a batch of relay:notes has been running for 130000 ms';
    try {
      for (const path of ['/health', '/health/live']) {
        const problem = await expectProblem(await call('GET', path), 503, 'not-alive');
        expect(problem.stuck).toEqual([{ name: 'relay', reason: relayStuck }]);
        expect(problem.detail).toContain('relay: a batch of relay:notes');
      }
      const french = await call('GET', '/health/live', { headers: { 'accept-language': 'fr' } });
      expect(((await french.json()) as { detail: string }).detail).toContain('ne progressent plus');
    } finally {
      relayStuck = undefined;
    }
    expect((await call('GET', '/health/live')).status).toBe(200);
  });

  it('answers an unknown route with a 404 problem', async () => {
    await expectProblem(await call('GET', '/nothing-here', { token: tokens.officer }), 404, 'not-found');
    await expectProblem(await call('DELETE', '/nothing-here', { token: tokens.officer }), 404, 'not-found');
  });

  it('answers a method a known path does not declare with a 405 problem and its Allow header', async () => {
    const id = await createNote();
    const deleted = await call('DELETE', `/api/notes/${id}`, { token: tokens.assocA });
    const problem = await expectProblem(deleted, 405, 'method-not-allowed');
    expect(deleted.headers.get('allow')).toBe('GET, HEAD, PUT');
    expect(problem.detail).toContain('DELETE');
    const patched = await call('PATCH', '/api/notes', { body: {} });
    await expectProblem(patched, 405, 'method-not-allowed');
    expect(patched.headers.get('allow')).toBe('POST');
    // Fastify refuses a QUERY without a body before any route: still the method that is wrong.
    const query = await call('QUERY', `/api/notes/${id}`, { token: tokens.assocA });
    await expectProblem(query, 405, 'method-not-allowed');
    expect(query.headers.get('allow')).toBe('GET, HEAD, PUT');
    expect(notes.byId.has(id)).toBe(true);
  });

  it('answers a path segment over the router limit with a 414 problem', async () => {
    await expectProblem(
      await call('GET', `/api/notes/${'x'.repeat(200)}`, { token: tokens.assocA }),
      414,
      'uri-too-long',
    );
    await expectProblem(
      await call('GET', '/api/notes/%E0%A4%A', { token: tokens.assocA }),
      400,
      'malformed-request',
    );
  });

  it('answers headers over the size limit with a 431 problem', async () => {
    const port = new URL(url).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({
      status: 431,
      type: 'urn:tadamon:problem:header-fields-too-large',
    });
  });
});
