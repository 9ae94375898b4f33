/**
 * Machine-readable zones (ICAO Doc 9303): check digits with weights 7,3,1 over the character
 * values '<' = 0, '0'..'9' = 0..9, 'A'..'Z' = 10..35, sum mod 10.
 * Accepted values (line breaks and spaces between lines are ignored):
 *   - TD3 (passport) line 2, 44 chars, optionally preceded by line 1 ("P<VNM...");
 *   - TD1 (ID card, e.g. the chip CCCD) lines 1+2 (30+30 chars), optionally followed by line 3.
 * Every check digit must hold, including the composite one: random text essentially never passes.
 */
import { fail, ok, type Validator } from './types.js';

function charValue(c: string): number {
  if (c === '<') return 0;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** ICAO 9303 check digit of a field, or -1 if the field has characters outside the MRZ set. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const v = charValue(field[i]!);
    if (v < 0) return -1;
    sum += v * weights[i % 3]!;
  }
  return sum % 10;
}

/** A check-digit position: '<' counts as 0 only where ICAO allows an empty field. */
function holds(field: string, check: string, fillerOk = false): boolean {
  if (check === '<') return fillerOk && /^<*$/.test(field);
  return mrzCheckDigit(field) === Number(check);
}

function td3Line2(l: string): string | undefined {
  if (!holds(l.slice(0, 9), l[9]!)) return 'document number check digit';
  if (!holds(l.slice(13, 19), l[19]!)) return 'birth date check digit';
  if (!holds(l.slice(21, 27), l[27]!)) return 'expiry date check digit';
  if (!holds(l.slice(28, 42), l[42]!, true)) return 'personal number check digit';
  if (!holds(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43), l[43]!)) return 'composite check digit';
  return undefined;
}

function td1(l1: string, l2: string): string | undefined {
  if (!holds(l1.slice(5, 14), l1[14]!)) return 'document number check digit';
  if (!holds(l2.slice(0, 6), l2[6]!)) return 'birth date check digit';
  if (!holds(l2.slice(8, 14), l2[14]!)) return 'expiry date check digit';
  if (!holds(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]!)) return 'composite check digit';
  return undefined;
}

export const mrz: Validator = (value) => {
  const s = value.replace(/\s+/g, '');
  if (!/^[A-Z0-9<]+$/.test(s)) return fail('characters outside the MRZ alphabet');
  if (s.length === 44 || (s.length === 88 && s[0] === 'P')) {
    const bad = td3Line2(s.slice(-44));
    return bad ? fail(`TD3 ${bad} fails`) : ok('passport MRZ (TD3): all ICAO 9303 check digits hold', true);
  }
  if ((s.length === 60 || s.length === 90) && /^[AIC]/.test(s)) {
    const bad = td1(s.slice(0, 30), s.slice(30, 60));
    return bad ? fail(`TD1 ${bad} fails`) : ok('ID card MRZ (TD1): all ICAO 9303 check digits hold', true);
  }
  return fail(`${s.length} characters is not a TD3 (44/88) or TD1 (60/90) MRZ`);
};
