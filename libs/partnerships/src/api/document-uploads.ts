import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ProblemException } from '@tadamon/nest-kit';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';

/**
 * The largest document the API takes unless PartnershipsModule.forRoot's `maxDocumentBytes` says
 * otherwise: a bigger one answers 413 and nothing of it is kept.
 */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The injection token of the largest document taken, in bytes (PartnershipsModule's option). */
export const PARTNERSHIPS_MAX_DOCUMENT_BYTES = Symbol('PARTNERSHIPS_MAX_DOCUMENT_BYTES');

/**
 * The media types documents (of agreements and projects) come in; the request's Content-Type names
 * the file's, and any other answers 415.
 */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

/**
 * Routes whose body is a file, streamed to the handler as it arrives (never buffered whole):
 * POST …/agreements/:id/documents and POST …/projects/:id/documents.
 */
const UPLOAD_ROUTES = /\/documents$/;

/**
 * The platform's Fastify parses JSON only (the kit). A document upload's body is the file itself
 * with its media type as Content-Type: this parser hands the handler the request stream, on the
 * upload routes alone (elsewhere these types still answer 415). The handler streams it to the
 * content store, which stops at the largest size taken (DocumentTransfer).
 */
@Injectable()
export class DocumentUploads implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify || fastify.hasContentTypeParser(DOCUMENT_MEDIA_TYPES[0])) return;
    fastify.addContentTypeParser([...DOCUMENT_MEDIA_TYPES], (request, payload, done) => {
      if (!UPLOAD_ROUTES.test(request.routeOptions.url ?? '')) {
        done(new ProblemException('unsupported-media-type'), undefined);
        return;
      }
      done(null, payload);
    });
  }
}

/** The media type of an upload: its Content-Type without parameters, lower case. */
export const uploadedMediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();

export const isUploadStream = (body: unknown): body is Readable =>
  body instanceof Readable || (typeof body === 'object' && body !== null && 'pipe' in body);
