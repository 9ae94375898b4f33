/**
 * birth-date: a date (or a year) that can be someone's date of birth or death: a real calendar
 * date between 1900 and today. Accepts dd/mm/yyyy (and m/d/yyyy when dd/mm is impossible),
 * dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (with an optional time), mm/yyyy, a bare year,
 * "ngày 12 tháng 3 năm 1990", "12 tháng 3, 1990", "March 12, 1990", "12 Mar 1990".
 * "Today" is read from the system clock, so the check does not age.
 */
import { fail, ok, type Validator } from './types.js';
import { fold } from '../../util/fold.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MIN_YEAR = 1900;
const ABSENT = -1;

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(word: string): number | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** [y, m, d] candidates for the value (m and d are ABSENT when only a year or month/year is given). */
function candidates(value: string): Array<[number, number, number]> {
  const v = fold(value.normalize('NFC')).trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    return [[y, b, a], [y, a, b]];
  }
  if ((m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(v))) return [[Number(m[1]), Number(m[2]), Number(m[3])]];
  if ((m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}),? (?:nam )?(\d{4})$/.exec(v))) return [[Number(m[3]), Number(m[2]), Number(m[1])]];
  if ((m = /^(?:thang )?(\d{1,2})[/.-](\d{4})$/.exec(v)) || (m = /^thang (\d{1,2}),? (?:nam )?(\d{4})$/.exec(v))) return [[Number(m[2]), Number(m[1]), ABSENT]];
  if ((m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(v)) && monthOf(m[1]!)) return [[Number(m[3]), monthOf(m[1]!)!, Number(m[2])]];
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})$/.exec(v)) && monthOf(m[2]!)) return [[Number(m[3]), monthOf(m[2]!)!, Number(m[1])]];
  if ((m = /^(?:nam )?(\d{4})$/.exec(v))) return [[Number(m[1]), ABSENT, ABSENT]];
  return [];
}

export function checkBirthDate(value: string, now: Date = new Date()): ReturnType<Validator> {
  const cands = candidates(value);
  if (cands.length === 0) return fail('not a date format');
  const today = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()] as const;
  let why = 'not a calendar date';
  for (const [y, m, d] of cands) {
    if (y < MIN_YEAR) {
      why = `year ${y} before ${MIN_YEAR}`;
      continue;
    }
    if (m !== ABSENT && (m < 1 || m > 12)) continue;
    if (d !== ABSENT && (m === ABSENT || d < 1 || d > daysIn(y, m))) continue;
    const mm = m === ABSENT ? 1 : m;
    const dd = d === ABSENT ? 1 : d;
    const future = y > today[0] || (y === today[0] && (mm > today[1] || (mm === today[1] && dd > today[2])));
    if (future) {
      why = 'date in the future';
      continue;
    }
    return ok(d !== ABSENT ? `calendar date ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : m !== ABSENT ? `month ${m}/${y}` : `year ${y}`);
  }
  return fail(why);
}

export const birthDate: Validator = (value) => checkBirthDate(value);
