import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { fs } from './fs.js';

describe('fs', () => {
  test('file writes store their data argument, named imports too; the path alone is not data', () => {
    const code = `
import { writeFileSync } from 'node:fs';
import * as fsp from 'fs/promises';
export async function dump(email: string) {
  writeFileSync('/tmp/out.txt', email);
  await fsp.appendFile('/tmp/log.txt', email);
  writeFileSync(email, 'x');
}`;
    expect(sinks(flowsWith([fs], code))).toEqual(['writeFileSync → storage: file', 'fsp.appendFile → storage: file']);
  });
});
