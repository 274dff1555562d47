import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ProblemException } from '@tadamon/nest-kit';
import type { FastifyInstance } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';
const UNSUBSCRIBE_ROUTE = /\/api\/notifications\/unsubscribe\/:notificationId$/;
/** The one body RFC 8058 sends; anything bigger is not a one-click unsubscribe. */
const MAX_BYTES = 256;

/**
 * The platform parses JSON only (the kit). A mail client's one-click unsubscribe POSTs the form
 * body `List-Unsubscribe=One-Click` (RFC 8058): this parser takes that media type on the
 * unsubscribe route alone (elsewhere it still answers 415) and hands the handler the text.
 */
@Injectable()
export class OneClickUnsubscribeBody implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify || fastify.hasContentTypeParser(FORM)) return;
    fastify.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: MAX_BYTES }, (request, body, done) => {
      if (!UNSUBSCRIBE_ROUTE.test(request.routeOptions.url ?? '')) {
        done(new ProblemException('unsupported-media-type'), undefined);
        return;
      }
      done(null, body);
    });
  }
}
