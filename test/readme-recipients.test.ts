import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { loadRecipients } from '../src/sources/code/index.js';

describe('README', () => {
  test('lists every recipient of rules/recipients.yml', () => {
    const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const missing = loadRecipients().all().filter((r) => !readme.includes(`${r.name} (${r.country})`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
