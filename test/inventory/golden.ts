/**
 * Golden files: compared byte for byte. After an intended change, regenerate them with
 *   UPDATE_GOLDEN=1 npx vitest run test/inventory
 * and review the diff like any other change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { PACKAGE_ROOT } from '../../src/util/paths.js';

export function expectGolden(relPath: string, actual: string): void {
  const file = path.join(PACKAGE_ROOT, relPath);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${relPath} is missing: run UPDATE_GOLDEN=1 npx vitest run test/inventory`);
  expect(actual, `${relPath} differs (UPDATE_GOLDEN=1 npx vitest run test/inventory to accept)`).toBe(readFileSync(file, 'utf8'));
}
