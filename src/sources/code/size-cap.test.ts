import { expect, test } from 'vitest';
import { analyzeFile, MAX_CODE_ANALYSIS_CHARS } from './index.js';

test('a file past the size cap is reported and not parsed, so memory stays bounded', () => {
  const line = 'export const a = { email: user.email };\n';
  const big = line.repeat(Math.ceil((MAX_CODE_ANALYSIS_CHARS + 1) / line.length));
  const out = analyzeFile({ path: 'vendor/bundle.ts' }, big);
  expect(out.findings).toEqual([]);
  expect(out.problem).toMatch(/not analysed as code: larger than 2 M characters/);
});

test('files under the cap are analysed', () => {
  const out = analyzeFile({ path: 'src/a.ts' }, "app.post('/signup', (req, res) => { console.log(req.body.email); res.end(); });\n");
  expect(out.problem).toBeUndefined();
  expect(out.findings.some((f) => f.ruleId === 'pd-log')).toBe(true);
});
