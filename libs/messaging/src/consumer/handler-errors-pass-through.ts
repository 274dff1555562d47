import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * NestJS's default RPC exception filter replaces an unknown error by "Internal server error" and
 * logs it. Install this filter (`app.useGlobalFilters(new HandlerErrorsPassThrough())`) so the
 * consumer sees the handler's own error, logs it once per attempt and puts it in the DLT headers.
 */
@Catch()
export class HandlerErrorsPassThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
