import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { directivesFor, parseDirective, parseDirectives } from '../../src/pr/suppression-comments.js';

describe('parseDirective', () => {
  const valid: Array<[string, { scope: string; targets: string[]; reason?: string }]> = [
    ['// pdscan-ignore-next-line phone -- synthetic test number', { scope: 'next-line', targets: ['phone'], reason: 'synthetic test number' }],
    ['  # pdscan-ignore-next-line vn-phone -- fixture', { scope: 'next-line', targets: ['vn-phone'], reason: 'fixture' }],
    ['-- pdscan-ignore-next-line national-id -- seed data for tests', { scope: 'next-line', targets: ['national-id'], reason: 'seed data for tests' }],
    ['<!-- pdscan-ignore-next-line digital-account -- sample in docs -->', { scope: 'next-line', targets: ['digital-account'], reason: 'sample in docs' }],
    ['<!-- pdscan-ignore-next-line digital-account-->', { scope: 'next-line', targets: ['digital-account'] }],
    ['/* pdscan-ignore-next-line health, phone -- demo */', { scope: 'next-line', targets: ['health', 'phone'], reason: 'demo' }],
    [' * pdscan-ignore-next-line phone -- inside a block comment', { scope: 'next-line', targets: ['phone'], reason: 'inside a block comment' }],
    ['const x = "0912"; // pdscan-ignore-line phone -- made up', { scope: 'line', targets: ['phone'], reason: 'made up' }],
    ['value: 1 # pdscan-ignore-line', { scope: 'line', targets: [] }],
    ['// pdscan-ignore-next-line all -- whole line is a sample', { scope: 'next-line', targets: [], reason: 'whole line is a sample' }],
    ['// pdscan-ignore-next-line phone --', { scope: 'next-line', targets: ['phone'] }],
    ['// pdscan-ignore-next-line phone', { scope: 'next-line', targets: ['phone'] }],
    ['; pdscan-ignore-next-line phone -- ini file', { scope: 'next-line', targets: ['phone'], reason: 'ini file' }],
    ["' pdscan-ignore-next-line phone -- VB", { scope: 'next-line', targets: ['phone'], reason: 'VB' }],
    ['{# pdscan-ignore-next-line email -- template #}', { scope: 'next-line', targets: ['email'], reason: 'template' }],
  ];
  it.each(valid)('parses %s', (line, want) => {
    const d = parseDirective(line, 7);
    expect(d).toBeDefined();
    expect(d!.line).toBe(7);
    expect(d!.scope).toBe(want.scope);
    expect(d!.targets).toEqual(want.targets);
    expect(d!.reason).toBe(want.reason);
  });

  const invalid = [
    'const s = "pdscan-ignore-next-line phone";', // in a string, not a comment
    'pdscan-ignore-next-line phone -- no comment marker',
    '// pdscan-ignore-next-lines phone -- marker must end at a word boundary',
    '// pdscan-ignore phone -- unknown directive',
    '// pdscan-ignore-nextline phone',
    '// nothing here',
    '',
  ];
  it.each(invalid)('ignores %s', (line) => {
    expect(parseDirective(line, 1)).toBeUndefined();
  });

  it('column points at the marker', () => {
    expect(parseDirective('x = 1  // pdscan-ignore-line phone -- y', 1)!.column).toBe(11);
  });

  it('never throws and reads a bounded window on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const line = `${a}// pdscan-ignore-next-line ${b}`;
        const d = parseDirective(line, 1);
        expect(d).toBeDefined();
        expect(d!.targets.every((t) => t.length > 0 && !/[\s,]/.test(t))).toBe(true);
      }),
    );
    const huge = `// pdscan-ignore-next-line phone -- ${'x'.repeat(1_000_000)}`;
    expect(parseDirective(huge, 1)!.reason!.length).toBeLessThanOrEqual(1100);
  });
});

describe('directivesFor', () => {
  const text = [
    '// pdscan-ignore-next-line phone -- a', // 1
    '// pdscan-ignore-next-line health -- b', // 2
    'data line', // 3
    'other line // pdscan-ignore-line email -- c', // 4
    '// pdscan-ignore-next-line phone -- d', // 5
    '', // 6
    'too far', // 7
  ].join('\n');
  const ds = parseDirectives(text);

  it('stacked next-line comments all apply to the line below them', () => {
    expect(directivesFor(ds, 3).map((d) => d.reason)).toEqual(['b', 'a']);
  });
  it('a same-line directive applies to its own line only', () => {
    expect(directivesFor(ds, 4).map((d) => d.reason)).toEqual(['c']);
    expect(directivesFor(ds, 5).map((d) => d.reason)).toEqual([]);
  });
  it('a blank line ends the reach of a next-line comment', () => {
    expect(directivesFor(ds, 6).map((d) => d.reason)).toEqual(['d']);
    expect(directivesFor(ds, 7)).toEqual([]);
  });
  it('files without the marker cost one search', () => {
    expect(parseDirectives('nothing to see\n'.repeat(1000)).size).toBe(0);
  });
  it('handles CRLF line endings', () => {
    const crlf = parseDirectives('// pdscan-ignore-next-line phone -- windows\r\nx\r\n');
    expect(crlf.get(1)!.reason).toBe('windows');
  });
});
