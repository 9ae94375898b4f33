import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { loggers } from './loggers.js';

describe('loggers', () => {
  test('console, logger packages, NestJS Logger and logger-named variables are log sinks', () => {
    const code = `
import pino from 'pino';
import { Logger } from '@nestjs/common';
const log = pino();
export function signup(email: string) {
  console.log(email);
  log.info({ email });
  new Logger('x').warn(email);
  this.logger.error(email);
}`;
    expect(sinks(flowsWith([loggers], code))).toEqual([
      'console.log → log: console',
      'log.info → log: pino',
      'this.logger.error → log: logger',
    ]);
  });

  test('without the module nothing is a sink; non-log methods and unknown receivers are not', () => {
    const code = `export function f(email: string) { console.log(email); store.info(email); logger.save(email); }`;
    expect(sinks(flowsWith([], code))).toEqual([]);
    expect(sinks(flowsWith([loggers], code))).toEqual(['console.log → log: console']);
  });

  test('an exported logger tells importers its calls are logs', () => {
    const flows = flowsWith([loggers], `import winston from 'winston';\nexport const logger = winston.createLogger();`);
    expect(flows.clients['src/app#logger']).toMatchObject({ sink: { kind: 'log', label: 'winston' } });
  });
});
