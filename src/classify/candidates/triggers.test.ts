import { describe, expect, test } from 'vitest';
import { expandMacros } from '../../rules/macros.js';
import { patternTrigger, type Atom } from './triggers.js';
import { CandidateScanner, windowsOf } from './scanner.js';
import { foldChar } from './fold-table.js';

const show = (atoms: Atom[] | undefined) => atoms?.map((a) => (a.kind === 'lit' ? a.text : `digits>=${a.min}`)).sort();

describe('patternTrigger', () => {
  test.each([
    ['(?:^|[^0-9A-Za-z.-])(\\d{12})\\b', false, ['digits>=12']],
    ['(?:^|[^0-9A-Za-z+.#])((?:\\+84|0084)[ .-]?[35789]\\d{2})\\b', false, ['+84', '0084']],
    // nine digits in a row are rarer than "+84": the longer run is the trigger
    ['(?:^|[^0-9A-Za-z+.#])((?:\\+84|0084)[ .-]?[35789]\\d{8})\\b', false, ['digits>=9']],
    ['(?:^|[^A-Za-z0-9])(?i:password|passwd)[ \\t]*[:=]', false, ['passwd', 'password']],
    ['[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+', false, ['@']],
    ['(?:^|[^0-9])(\\d{3} \\d{3} \\d{3})(?:[^0-9]|$)', false, ['digits>=3']],
    ['0[35789]\\d{1,2}[ .-]?\\d{3}', false, ['digits>=3']],
    ['PIN', true, ['pin']],
  ])('%s', (source, ci, atoms) => {
    expect(show(patternTrigger(source, ci)?.atoms)).toEqual(atoms);
  });

  test('diacritic and case variants of a Vietnamese word fold to one literal', () => {
    expect(show(patternTrigger(expandMacros('{{vi:mật}}[ \\t]*{{vi:khẩu}}'), false)?.atoms)).toEqual(['khau']);
  });

  test.each([
    ['a pattern that spans lines', '([A-Z<]{30}\\r?\\n[0-9<]{30})'],
    ['whitespace inside the value', '(-?\\d{1,3}\\.\\d{3,15}\\s+-?\\d{1,3}\\.\\d{3,15})'],
    ['an alternative without any atom', '(?:[a-z]+|\\d{6})'],
    ['only single letters', '[AB][CD]'],
    ['an optional literal', '(?:password)?[0-9a-z]+'],
    ['dot-all', '(?s:a.b)cd'],
  ])('no trigger: %s', (_, source) => {
    expect(patternTrigger(source, false)).toBeUndefined();
  });
});

describe('fold table', () => {
  test('case and diacritics fold; characters RE2 folds with ASCII letters too', () => {
    expect(['Ậ', 'đ', 'Đ', 'ǹ', 'ſ', '\u212a', 'Q', '7'].map(foldChar).join('')).toBe('addnskq7');
    expect(foldChar('€')).toBe('\0');
  });
});

describe('CandidateScanner', () => {
  test('windows cover each line holding an atom, from the newline before it to the one after', () => {
    const scanner = new CandidateScanner();
    const phone = scanner.add([{ kind: 'lit', text: '+84' }]);
    const cccd = scanner.add([{ kind: 'digits', min: 12 }]);
    const word = scanner.add([{ kind: 'lit', text: 'mat khau' }]);
    scanner.build();
    const lines = ['x', 'call +84 912 345 678', 'y'.repeat(2000), 'id 012345678901', 'MẬT KHẨU: z', 'id 01234567890'];
    const buf = Buffer.from(lines.join('\n'));
    const found = scanner.scan(buf);
    const text = (windows: Array<[number, number]>) => windows.map(([a, b]) => buf.toString('utf8', a, b));
    expect(text(windowsOf(buf, found, phone))).toEqual([`\n${lines[1]}\n`]);
    expect(text(windowsOf(buf, found, cccd))).toEqual([`\n${lines[3]}\n`]);
    expect(text(windowsOf(buf, found, word))).toEqual([`\n${lines[4]}\n`]);
  });
});
