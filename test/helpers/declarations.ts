/** Shared by the declaration tests: read a fixture and summarise findings as "Model.field category". */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import type { Finding } from '../../src/model/finding.js';
import type { DeclaredField } from '../../src/sources/code/declarations/types.js';

export const FIXTURES = 'fixtures/code/declarations';

export function fixture(name: string): { path: string; text: string } {
  const rel = `${FIXTURES}/${name}`;
  return { path: rel, text: readFileSync(path.join(PACKAGE_ROOT, rel), 'utf8') };
}

export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.properties!['model'] as string}.${f.properties!['field'] as string} ${f.category}`).sort();
}

export function fieldNames(fields: DeclaredField[]): string[] {
  return fields.filter((f) => !f.skip).map((f) => `${f.model}.${f.field}`);
}
