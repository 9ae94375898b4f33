/**
 * Declaration check on synthetic model files (fixtures/code/models-check/): every form the
 * declaration readers know (Mongoose and Sequelize in plain JS, Prisma, Drizzle, TypeORM,
 * MikroORM, sequelize-typescript, NestJS Mongoose, SQL DDL, Knex, zod, yup, class-validator,
 * GraphQL SDL and gql tags, OpenAPI, plain types) in English and Vietnamese (accented words folded,
 * camelCase, snake case, glued), with owners that are not people (companies, banks, polls,
 * products, schools). A wider check than the real-app bench's tuning half, so that a fix for the
 * apps in front of us is also measured on forms and names nobody tuned on.
 *
 * Each field line carries its expected category after `expect:` in a comment (`// expect: phone`,
 * `-- expect: none`, `# expect: health`). Scored at (file, line, category).
 *
 *   npm run bench -- models   or   npx tsx bench/models-check.ts [--details]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/util/paths.js';
import { extractDeclarations } from '../src/sources/code/declarations/index.js';

export const MODELS_CHECK_DIR = 'fixtures/code/models-check';
const EXPECT = /(?:\/\/|--|#)\s*expect:\s*([a-z-]+)\s*$/;

export interface Mismatch {
  file: string;
  line: number;
  expected: string;
  got: string[];
}

export interface ModelsCheck {
  files: number;
  expectations: number;
  tp: number;
  fp: number;
  fn: number;
  mismatches: Mismatch[];
}

/** Expected category per line of one file ("none" for fields that hold no personal data). */
export function expectationsOf(text: string): Map<number, string> {
  const out = new Map<number, string>();
  text.split('\n').forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m) out.set(i + 1, m[1]!);
  });
  return out;
}

export function runModelsCheck(dir = path.join(PACKAGE_ROOT, MODELS_CHECK_DIR)): ModelsCheck {
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
  const r: ModelsCheck = { files: files.length, expectations: 0, tp: 0, fp: 0, fn: 0, mismatches: [] };
  for (const f of files) {
    const rel = `${MODELS_CHECK_DIR}/${f}`;
    const text = readFileSync(path.join(dir, f), 'utf8');
    const expected = expectationsOf(text);
    const found = new Map<number, string[]>();
    for (const d of extractDeclarations(rel, text).findings) {
      const line = d.location?.line ?? 0;
      found.set(line, [...(found.get(line) ?? []), d.category]);
    }
    for (const [line, want] of expected) {
      r.expectations++;
      const got = found.get(line) ?? [];
      const personal = want !== 'none';
      if (personal && got.includes(want)) r.tp++;
      if (personal && !got.includes(want)) r.fn++;
      r.fp += got.filter((c) => c !== want).length;
      if ((personal && !got.includes(want)) || got.some((c) => c !== want)) r.mismatches.push({ file: f, line, expected: want, got });
    }
    // Findings on lines without an expectation are unexpected fields (ids, relations).
    for (const [line, got] of found) {
      if (expected.has(line)) continue;
      r.fp += got.length;
      r.mismatches.push({ file: f, line, expected: '(no field expected)', got });
    }
  }
  return r;
}

const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(1)}%`);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runModelsCheck();
  if (process.argv.includes('--details')) {
    for (const m of r.mismatches) console.log(`  ${m.file}:${m.line} expected ${m.expected}, got ${m.got.join(',') || 'nothing'}`);
  }
  console.log(`models check: ${r.files} files, ${r.expectations} fields (${r.tp + r.fn} personal): precision ${pct(r.tp, r.tp + r.fp)}, recall ${pct(r.tp, r.tp + r.fn)}`);
}
