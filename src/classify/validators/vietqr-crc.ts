/**
 * EMVCo merchant-presented QR payloads (VietQR / NAPAS 247 and others): a TLV string
 * ("000201" "010211|12" ... "6304" + CRC). The CRC is CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF)
 * over every character up to and including "6304". The TLV walk must end exactly at the CRC, and a
 * merchant-account template (tags 26-51) must be present: that is where the account number lives.
 */
import { fail, ok, type Validator } from './types.js';

export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function crcHex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}

export const vietqrCrc: Validator = (value) => {
  if (!value.startsWith('000201')) return fail('does not start with payload format indicator 000201');
  let i = 0;
  let account = false;
  let vietqr = false;
  while (i + 4 <= value.length) {
    const tag = value.slice(i, i + 2);
    const len = Number(value.slice(i + 2, i + 4));
    if (!/^\d{4}$/.test(value.slice(i, i + 4))) return fail(`malformed TLV at offset ${i}`);
    if (tag === '63') {
      if (len !== 4 || i + 8 !== value.length) return fail('CRC field is not the last 4 characters');
      const expected = crcHex(value.slice(0, i + 4));
      if (value.slice(i + 4).toUpperCase() !== expected) return fail(`CRC ${value.slice(i + 4)} should be ${expected}`);
      if (!account) return fail('no merchant account template (tags 26-51)');
      return ok(`EMVCo QR payload with valid CRC-16${vietqr ? ' (VietQR/NAPAS)' : ''}`, true);
    }
    const body = value.slice(i + 4, i + 4 + len);
    if (body.length !== len) return fail(`field ${tag} runs past the end`);
    const t = Number(tag);
    if (t >= 26 && t <= 51) account = true;
    if (t === 38 && body.includes('A000000727')) vietqr = true;
    i += 4 + len;
  }
  return fail('no CRC field (6304)');
};
