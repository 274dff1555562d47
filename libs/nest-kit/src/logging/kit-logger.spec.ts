import pino from 'pino';
import { capturedLogger } from './log-lines.testing';
import { KitNestLogger } from './kit-logger';

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
