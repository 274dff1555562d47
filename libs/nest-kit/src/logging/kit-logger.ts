import { LoggerService } from '@nestjs/common';
import pino, { Logger, LevelWithSilent } from 'pino';

export type LogLevel = LevelWithSilent;

/**
 * The app's one pino logger: JSON lines on stdout, named after the app. Written asynchronously
 * (lines logged while a write is in flight go out together, and pino flushes what is pending when
 * the process exits): a synchronous write per request line cost the command path a syscall each.
 * A SIGKILL can lose the last lines; the records that matter are in the event log, not here.
 */
export function createKitLogger(appName: string, level: LogLevel = 'info'): Logger {
  return pino({ name: appName, level }, pino.destination({ dest: 1, sync: false }));
}

/**
 * Nest's contexts whose `log` lines go to debug: one line per module, controller and route at every
 * start (over a hundred), which buried the start banner. A logger at debug level shows them.
 */
export const START_UP_DETAIL_CONTEXTS: ReadonlySet<string> = new Set([
  'RouterExplorer',
  'RoutesResolver',
  'InstanceLoader',
]);

/**
 * NestJS's own messages (start-up, route mapping, errors of the framework) through the app's pino
 * logger, with Nest's context as `context`.
 */
export class KitNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    const detail = typeof context === 'string' && START_UP_DETAIL_CONTEXTS.has(context);
    this.write(detail ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ) {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes the context last; an error's stack (error()) comes before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object) });
    } else {
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

/**
 * Text for people (a start banner) on the log's own stream, so it comes after every line logged
 * so far: those are written asynchronously, and a console.log would overtake them (pino's
 * `flush(cb)` does not wait for writes in flight).
 */
export function printAfterLogs(logger: Logger, text: string): void {
  const stream = (logger as unknown as Record<symbol, { write(chunk: string): void }>)[
    pino.symbols.streamSym
  ];
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Injection token of the app's pino logger. */
export const KIT_LOGGER = Symbol('KIT_LOGGER');
