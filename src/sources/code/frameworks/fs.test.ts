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

  test('copies and moves store the file named by their first argument; the destination alone is not data', () => {
    const code = `
import fs from 'fs';
import { move } from 'fs-extra';
export async function keep(cccdImagePath: string, avatarDir: string) {
  fs.copyFile(cccdImagePath, './public/x.png', () => {});
  await move(cccdImagePath, '/data/x.png');
  fs.copyFileSync('/tmp/a', avatarDir);
}`;
    expect(sinks(flowsWith([fs], code))).toEqual(['fs.copyFile → storage: file copy', 'move → storage: file copy']);
  });
});
