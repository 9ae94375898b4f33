import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkBirthDate } from './birth-date.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const at = (v: string) => checkBirthDate(v, NOW);
const pad = (n: number) => String(n).padStart(2, '0');

describe('birth-date', () => {
  test.each([
    '12/03/1990', '1/7/1985', '12-03-1990', '12.03.1990', '1990-03-12', '1990/03/12', '1990-03-12T00:00:00Z',
    '03/25/1990', 'ngày 12 tháng 3 năm 1990', 'ngay 12 thang 3 nam 1990', '12 tháng 3, 1990', 'March 12, 1990', '12 Mar 1990',
    '03/1990', '1985', '29/02/2000', '23/11/2026',
  ])('valid: %s', (v) => {
    expect(at(v).valid).toBe(true);
  });

  test.each([
    ['31/02/1990', 'no 31 February'],
    ['29/02/1900', '1900 is not a leap year'],
    ['13/13/1990', 'month 13 either way'],
    ['2099-01-01', 'future'],
    ['24/11/2026', 'tomorrow'],
    ['1899', 'before 1900'],
    ['__/__/____', 'placeholder'],
    ['ORD-20240312', 'not a date'],
  ])('invalid: %s (%s)', (v) => {
    expect(at(v).valid).toBe(false);
  });

  test('property: every real date from 1900 to today is accepted in dd/mm/yyyy and ISO form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-22T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        return at(`${pad(day)}/${pad(m)}/${y}`).valid && at(`${y}-${pad(m)}-${pad(day)}`).valid;
      }),
    );
  });

  test('property: every date after today is rejected', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-11-24T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        return !at(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`).valid;
      }),
    );
  });

  test('property: day 0 and day 32 never pass', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2025 }), fc.constantFrom(0, 32), (m, y, d) => !at(`${pad(d)}/${pad(m)}/${y}`).valid && !at(`${y}-${pad(m)}-${pad(d)}`).valid));
  });
});
