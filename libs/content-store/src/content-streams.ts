import { createHash } from 'node:crypto';
import { Readable, Transform, pipeline } from 'node:stream';
import {
  ContentBody,
  ContentCorrupted,
  ContentTooLarge,
  StoredContent,
  assertMaxBytes,
} from './content-store';

async function* chunksOf(body: ContentBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    // A Readable in string mode yields strings: documents are bytes, so they are taken as UTF-8.
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  }
}

/**
 * Reads the body once, handing each chunk to `sink` (awaited, so a slow store slows the reader)
 * while hashing and counting. Throws ContentTooLarge as soon as the count passes maxBytes, before
 * the chunk that passes it reaches the sink; a Readable body is destroyed when reading stops early.
 */
export async function streamBody(
  body: ContentBody,
  maxBytes: number,
  sink: (chunk: Buffer) => Promise<void> | void,
): Promise<StoredContent> {
  assertMaxBytes(maxBytes);
  if (body instanceof Uint8Array && body.byteLength > maxBytes) throw new ContentTooLarge(maxBytes);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunksOf(body)) {
    if (chunk.byteLength === 0) continue;
    size += chunk.byteLength;
    if (size > maxBytes) throw new ContentTooLarge(maxBytes);
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    hash.update(bytes);
    await sink(bytes);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Passes the stored bytes through while hashing them; at the end, a hash (or a length, when the
 * store recorded one) other than the key's fails the stream with ContentCorrupted instead of ending it.
 */
export function verifyingStream(source: Readable, sha256: string, expectedSize?: number): Readable {
  const hash = createHash('sha256');
  let size = 0;
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      if (expectedSize !== undefined && size !== expectedSize) {
        done(new ContentCorrupted(sha256, `${size} bytes read where ${expectedSize} were stored`));
      } else if (actual !== sha256) {
        done(new ContentCorrupted(sha256, `the bytes read hash to ${actual}`));
      } else {
        done();
      }
    },
  });
  // pipeline() destroys both on either's error, and the source when the reader gives up early.
  return pipeline(source, verifier, () => undefined);
}
