/**
 * The declaration check on synthetic model files (bench/models-check.ts): every field of 40 model
 * files in every declaration form and both languages gets the category written beside it, and
 * nothing else is reported.
 */
import { describe, expect, test } from 'vitest';
import { expectationsOf, runModelsCheck } from '../bench/models-check.js';

describe('models check (fixtures/code/models-check)', () => {
  const r = runModelsCheck();

  test('covers at least 30 files and every declaration form', () => {
    expect(r.files).toBeGreaterThanOrEqual(30);
    expect(r.tp + r.fn).toBeGreaterThanOrEqual(150);
  });

  test('every expectation holds and nothing unexpected is reported', () => {
    expect(r.mismatches.map((m) => `${m.file}:${m.line} expected ${m.expected}, got ${m.got.join(',') || 'nothing'}`)).toEqual([]);
    expect(r.fp).toBe(0);
    expect(r.fn).toBe(0);
  });
});

describe('expectation markers', () => {
  test('read from //, -- and # comments at the end of a line', () => {
    const text = ['a: String, // expect: phone', 'b INT, -- expect: none', 'c: String # expect: health', 'd: String // expected later'].join('\n');
    expect([...expectationsOf(text)]).toEqual([
      [1, 'phone'],
      [2, 'none'],
      [3, 'health'],
    ]);
  });
});
