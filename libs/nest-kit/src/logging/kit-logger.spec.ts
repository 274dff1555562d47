import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { capturedLogger } from './log-lines.testing';
import { KitNestLogger, printAfterLogs } from './kit-logger';

function nestLogger(level: pino.LevelWithSilent = 'trace') {
  const { lines, logger } = capturedLogger(level);
  return { lines, logger: new KitNestLogger(logger) };
}

describe('KitNestLogger', () => {
  it("writes Nest's messages as pino lines at the matching level, with Nest's context", () => {
    const { lines, logger } = nestLogger();
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('slow', 'Relay');
    logger.error('failed', 'Error: failed\n    at x', 'ExceptionsHandler');
    logger.debug('detail', 'Runner');
    logger.verbose('more detail', 'Runner');
    logger.fatal('down', 'Main');
    expect(lines).toMatchObject([
      { level: 30, msg: 'Nest application successfully started', context: 'NestApplication' },
      { level: 40, msg: 'slow', context: 'Relay' },
      { level: 50, msg: 'failed', context: 'ExceptionsHandler', stack: 'Error: failed\n    at x' },
      { level: 20, msg: 'detail', context: 'Runner' },
      { level: 10, msg: 'more detail', context: 'Runner' },
      { level: 60, msg: 'down', context: 'Main' },
    ]);
  });

  it('keeps an error object and the fields of an object message', () => {
    const { lines, logger } = nestLogger();
    logger.error(new Error('broken'), 'Main');
    logger.log({ event: 'started', port: 3000 }, 'Main');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'broken', context: 'Main', err: { message: 'broken' } });
    expect(lines[1]).toMatchObject({ level: 30, event: 'started', port: 3000, context: 'Main' });
  });

  it("puts Nest's route-mapping and module lines at debug, so the start banner is not buried", () => {
    const { lines, logger } = nestLogger('info');
    logger.log('Mapped {/api/registry/associations, GET} route', 'RouterExplorer');
    logger.log('AssociationsController {/api/registry/associations}:', 'RoutesResolver');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(lines.map((line) => line.msg)).toEqual(['Nest application successfully started']);

    const verbose = nestLogger('debug');
    verbose.logger.log('Mapped {/api/registry/associations, GET} route', 'RouterExplorer');
    expect(verbose.lines).toMatchObject([{ level: 20, context: 'RouterExplorer' }]);
  });

  it('writes nothing below its level', () => {
    const { lines, logger } = nestLogger('warn');
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});

describe('printAfterLogs', () => {
  it('prints after every line logged before it, though the log is written asynchronously', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kit-logger-'));
    try {
      const file = join(folder, 'out.log');
      const destination = pino.destination({ dest: file, sync: false });
      const logger = pino({ level: 'info' }, destination);
      for (let i = 0; i < 2000; i++) logger.info({ i, padding: 'x'.repeat(200) }, 'line');
      printAfterLogs(logger, 'Tadamon listening on http://127.0.0.1:3000\n  Web app: http://127.0.0.1:3000/');
      const closed = once(destination, 'close');
      destination.end();
      await closed;
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(2002);
      expect(lines.slice(-2)).toEqual([
        'Tadamon listening on http://127.0.0.1:3000',
        '  Web app: http://127.0.0.1:3000/',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
