import { Inject, Injectable } from '@nestjs/common';
import { ContentCorrupted, ContentTooLarge } from '@tadamon/content-store';
import { ProblemException } from '@tadamon/nest-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PARTNERSHIPS_CONTENT_STORE, PartnershipsContentStore } from '../application/partnerships-ports';
import { isUploadStream, PARTNERSHIPS_MAX_DOCUMENT_BYTES, uploadedMediaType } from './document-uploads';

/** A file as kept by the content store, with the media type it was uploaded as. */
export interface ReceivedDocument {
  sha256: string;
  size: number;
  mediaType: string;
}

/** `filename*` (RFC 6266/8187): the name in UTF-8, whatever its script. */
const attachmentHeader = (name: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * The one way a document goes in and out of Partnerships (agreements and projects alike): in, the
 * request's body streamed to the content store up to the largest size taken (413 beyond, 415 when
 * the body is not a file of a listed media type); out, the stored bytes verified against their
 * SHA-256 before the reply starts.
 */
@Injectable()
export class DocumentTransfer {
  constructor(
    @Inject(PARTNERSHIPS_CONTENT_STORE) private readonly contents: PartnershipsContentStore,
    @Inject(PARTNERSHIPS_MAX_DOCUMENT_BYTES) readonly maxBytes: number,
  ) {}

  /**
   * Keeps the uploaded file by its SHA-256. Storing is idempotent (the same bytes twice keep one
   * copy), so a command refused afterwards leaves at most an unreferenced object: content is
   * evidence and is never deleted.
   */
  async receive(request: FastifyRequest): Promise<ReceivedDocument> {
    const body = request.body;
    if (!isUploadStream(body)) throw new ProblemException('unsupported-media-type');
    const declared = request.headers['content-length'];
    if (declared !== undefined && Number(declared) > this.maxBytes) throw this.tooLarge();
    const stored = await this.contents.put(body, { maxBytes: this.maxBytes }).catch((error) => {
      throw error instanceof ContentTooLarge ? this.tooLarge() : error;
    });
    return {
      sha256: stored.sha256,
      size: stored.size,
      mediaType: uploadedMediaType(request.headers['content-type']),
    };
  }

  /**
   * The whole file, read through the store's verification first: a file whose bytes no longer hash
   * to its key fails here (500), before the reply starts, instead of after its bytes went out.
   */
  async send(
    reply: FastifyReply,
    document: { sha256: string; name: string; mediaType: string },
  ): Promise<Buffer> {
    const stream = await this.contents.get(document.sha256);
    if (!stream) throw new ProblemException('internal', undefined, { code: 'CONTENT_MISSING' });
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      if (error instanceof ContentCorrupted)
        throw new ProblemException('internal', undefined, { code: 'CONTENT_CORRUPTED' });
      throw error;
    }
    reply.type(document.mediaType);
    reply.header('content-disposition', attachmentHeader(document.name));
    reply.header('etag', `"${document.sha256}"`);
    reply.header('x-content-type-options', 'nosniff');
    return Buffer.concat(chunks);
  }

  private tooLarge() {
    return new ProblemException('payload-too-large', undefined, { maxBytes: this.maxBytes });
  }
}
