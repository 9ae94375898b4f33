/**
 * Loggers: console, winston, pino, bunyan and friends, NestJS's Logger, `debug`. Data passed to a
 * log call is written to the application's logs; a variable named like a logger counts too.
 */
import type { Binding } from '../engine/bindings.js';
import type { Framework } from '../engine/framework-api.js';

export const LOG_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice',
  'critical', 'crit', 'alert', 'emerg', 'child', 'success', 'fail',
]);
const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);

/** Packages whose instances are loggers. */
const LOGGER_MODULES = [
  'winston', 'pino', 'bunyan', 'log4js', 'loglevel', 'signale', 'consola', 'tslog', 'npmlog', 'debug', 'electron-log',
  'roarr', '@aws-lambda-powertools/logger', 'nestjs-pino', 'pino-http', 'morgan',
];
const LOGGER_MODULE_SET = new Set(LOGGER_MODULES);
const LOGGER_TYPES = new Set(['Logger', 'LoggerService', 'PinoLogger', 'WinstonLogger', 'ConsoleLogger']);
const LOGGER_NAME = /^_?(log|logger|[a-z]*Logger|LOG|LOGGER)$/;

export function isLoggerName(name: string): boolean {
  return LOGGER_NAME.test(name);
}

export function isLoggerBinding(b: Binding | undefined): boolean {
  if (!b) return false;
  if (b.module && LOGGER_MODULE_SET.has(b.module)) return true;
  if (b.module === '@nestjs/common' && b.imported === 'Logger') return true;
  return b.typeName !== undefined && LOGGER_TYPES.has(b.typeName);
}

export const loggers: Framework = {
  id: 'loggers',
  description: 'console, winston, pino, bunyan, log4js, NestJS Logger, debug: log calls write their arguments to logs',
  packages: LOGGER_MODULES,
  calls: {
    classify({ chain, method, rootName, binding, api }) {
      const nm = chain.members.length;
      if (chain.root === 'console' && nm === 1 && CONSOLE_METHODS.has(method)) {
        return { t: 'sink', info: { kind: 'log', api, label: 'console' }, args: 'all' };
      }
      if (nm >= 1 && LOG_METHODS.has(method)) {
        if (isLoggerBinding(binding)) return { t: 'sink', info: { kind: 'log', api, label: binding?.module ?? 'logger' }, args: 'all' };
        if (isLoggerName(rootName) || chain.members.slice(0, -1).some(isLoggerName)) {
          return { t: 'sink', info: { kind: 'log', api, label: 'logger', heuristic: true }, args: 'all' };
        }
      }
      if (nm === 0 && binding?.module === 'debug' && binding.init) return { t: 'sink', info: { kind: 'log', api, label: 'debug' }, args: 'all' };
      return undefined;
    },
    isClient: isLoggerBinding,
    clientFacts(b, engine) {
      // A package the recipient catalogue lists (.pdscan.yml may add one) is that recipient's client.
      if (engine.catalog.byPackageName(b.module)) return undefined;
      return isLoggerBinding(b) ? { sink: { kind: 'log', label: b.module }, methods: [...LOG_METHODS] } : undefined;
    },
  },
};
