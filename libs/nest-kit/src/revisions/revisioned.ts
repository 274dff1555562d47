import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { entityTag } from './entity-tag';

/** A read of a stream-backed resource: the body plus the stream revision it reflects. */
export class Revisioned<T> {
  constructor(
    readonly body: T,
    readonly revision: number,
  ) {}
}

/** Return `revisioned(body, revision)` from a handler to answer with `ETag: "<revision>"`. */
export const revisioned = <T>(body: T, revision: number): Revisioned<T> => new Revisioned(body, revision);

@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result) => {
        if (!(result instanceof Revisioned)) return result;
        context.switchToHttp().getResponse<FastifyReply>().header('etag', entityTag(result.revision));
        return result.body;
      }),
    );
  }
}

/** A command's answer: the body, with the stream's new revision as the ETag once the stream exists. */
export const revisionedIfStored = <T>(body: T, revision: number): T | Revisioned<T> =>
  revision >= 0 ? revisioned(body, revision) : body;
