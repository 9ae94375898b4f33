import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isCodeFile, isScriptFile, isTestPath, wantsCodeAnalysis } from './scope.js';

describe('code analysis scope', () => {
  test('script and schema files', () => {
    for (const p of ['a.ts', 'b.TSX', 'c.mjs', 'schema.prisma', 'db/init.sql', 'api.graphqls', 'openapi.yaml', 'x.json']) expect(isCodeFile(p), p).toBe(true);
    for (const p of ['README.md', 'data.csv', 'img.png', 'dir.ts/readme', 'Makefile']) expect(isCodeFile(p), p).toBe(false);
    expect(isScriptFile('schema.prisma')).toBe(false);
  });

  test('test, spec, story and mock files', () => {
    for (const p of [
      'src/users/users.service.spec.ts',
      'src/users/users.test.tsx',
      'apps/web/test/e2e/login.ts',
      'packages/api/__tests__/user.ts',
      'src/__mocks__/stripe.ts',
      'cypress/e2e/booking.cy.ts',
      'src/components/Button.stories.tsx',
      'test/app.e2e-spec.ts',
      'tests/fixtures/users.sql',
    ]) {
      expect(isTestPath(p), p).toBe(true);
    }
    for (const p of ['src/users/users.service.ts', 'src/testimonials/testimonial.entity.ts', 'src/contest.ts', 'fixtures/demo-app/src/main.ts', 'src/latest/user.ts', 'test.ts']) {
      expect(isTestPath(p), p).toBe(false);
    }
  });

  test('tests are analysed only when asked for', () => {
    expect(wantsCodeAnalysis('src/user.spec.ts')).toBe(false);
    expect(wantsCodeAnalysis('src/user.spec.ts', { includeTests: true })).toBe(true);
    expect(wantsCodeAnalysis('src/user.ts')).toBe(true);
    expect(wantsCodeAnalysis('docs/guide.md', { includeTests: true })).toBe(false);
  });

  test('a path is never a test because of its file name alone when that name is an ordinary word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (w) => {
        fc.pre(!['test', 'tests', 'spec', 'specs', 'e2e', 'cypress', 'playwright', 'testing'].includes(w));
        return !isTestPath(`src/${w}/${w}.ts`);
      }),
    );
  });
});
