import { Logger } from '@nestjs/common';
import { logCreator, logLevel } from 'kafkajs';

type NestLevel = 'error' | 'warn' | 'log' | 'debug';

const NEST_LEVEL: Partial<Record<logLevel, NestLevel>> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** Fields of a pino line that kafkajs's own fields must not overwrite. */
const RESERVED = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'context']);

/**
 * kafkajs's log lines through Nest's Logger, which the kit routes to the app's pino logger: one
 * pino line each, at the mapped level, with `kafkajs.<namespace>` as its context and kafkajs's
 * fields (broker, clientId, error, groupId...) as fields of the line. Without it, kafkajs writes
 * its own JSON to stdout and Nest's ServerKafka puts that JSON inside a message string. The
 * client's `logLevel` still filters what is logged.
 */
export const kafkaLogCreator: logCreator =
  () =>
  ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
    const line: Record<string, unknown> = { msg: message };
    for (const [key, value] of Object.entries(fields)) line[RESERVED.has(key) ? `kafka_${key}` : key] = value;
    const context = namespace ? `kafkajs.${namespace}` : 'kafkajs';
    new Logger(context)[NEST_LEVEL[level] ?? 'debug'](line);
  };
