import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { displayValue, maskValue } from './mask.js';

describe('maskValue', () => {
  test.each([
    ['0912345678', '09******78'],
    ['0912 345 678', '09** *** *78'],
    ['001099012345', '00********45'],
    ['nguyen.van.an@gmail.com', 'n************@g****.com'],
    ['Nguyễn Văn An', 'N***** V** A*'],
  ])('%s → %s', (input, expected) => {
    expect(maskValue(input)).toBe(expected);
  });

  test('never returns a digit string of 6+ digits unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6,20}$/), (digits) => {
        const masked = maskValue(digits);
        expect(masked).not.toBe(digits);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });

  test('keeps the length of digit strings, so the shape stays recognisable', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{6,20}$/), (d) => {
      expect(maskValue(d)).toHaveLength(d.length);
    }));
  });
});

describe('displayValue', () => {
  test('raw only with showData', () => {
    expect(displayValue('0912345678', true)).toBe('0912345678');
    expect(displayValue('0912345678', false)).toBe('09******78');
  });
});
