/**
 * Evidence that a string is a postal address, shared by vn-address (unlabelled text) and
 * vn-address-value (after an address label). Counted pieces: a house number at the start, admin
 * and street words (số nhà, ngõ, hẻm, đường, phường, xã, quận, huyện, tỉnh, TP., P., Q.; since the
 * 2025 reform many addresses are only "Phường X, Thành phố Y"), province names, English street
 * words. Code, URLs, e-mails and IP addresses are never addresses.
 *
 * Vietnamese words are compared with their diacritics when the text has them ("bản" village vs
 * "bạn" friend, "xã" vs "xa", "phố" vs "phở"); text typed without diacritics is compared folded.
 */
import { listEntries } from '../../rules/macros.js';
import { fold, plainWordsOf } from '../../util/fold.js';

const VI_ADMIN = [
  'số nhà', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'đường', 'phố', 'phường', 'xã', 'thị trấn', 'quận', 'huyện', 'thị xã', 'tỉnh',
  'thành phố', 'khu phố', 'tổ dân phố', 'tổ', 'ấp', 'thôn', 'xóm', 'bản', 'buôn', 'làng', 'khu đô thị', 'khu dân cư',
  'tòa nhà', 'toà nhà', 'chung cư', 'căn hộ', 'lô', 'tầng', 'kđt', 'kdc', 'tp',
];
const EN_ADMIN = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'ward', 'district', 'city', 'province', 'lane', 'alley', 'village',
  'commune', 'apartment', 'apt', 'building', 'floor', 'hamlet',
];
/** Abbreviations only count when written as such: "P. 7", "Q.3", "TX." — not the letter alone. */
const ABBREV = /(?:^|[\s,(])(?:P|Q|TX|TT|TP|H|F)\s?\.\s?[\p{L}\d]/u;

/** Lower-case words with diacritics kept, space padded like plainWordsOf. */
function viWordsOf(text: string): string {
  return ` ${text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

let provinces: string[] | undefined;
function provinceKeys(): string[] {
  provinces ??= listEntries('vi-provinces').map((p) => plainWordsOf(p).trim());
  return provinces;
}

export interface AddressEvidence {
  pieces: string[];
  houseNumber: boolean;
  commaParts: number;
  rejected?: string;
}

export function addressEvidence(value: string): AddressEvidence {
  const v = value.normalize('NFC').trim();
  const pieces: string[] = [];
  const commaParts = v.split(/[,;]/).filter((p) => p.trim()).length;
  const none = (rejected: string): AddressEvidence => ({ pieces, houseNumber: false, commaParts, rejected });
  if (/@|:\/\/|\$\{|\{\{|=>|\(\)|\b(?:localhost|null|undefined|true|false)\b/i.test(v)) return none('code, URL or e-mail');
  if (/^\[?[0-9a-f:.]+\]?(?::\d+)?$/i.test(v) || /^0x[0-9a-f]+$/i.test(v)) return none('IP address, hex or number');
  if (/^[_.\-\s*x]+$/i.test(v) || /^<.*>$/.test(v)) return none('placeholder');
  const plain = /^[\t\n\r\x20-\x7e]*$/.test(v);
  // "xã hội" (society: bảo hiểm xã hội, mạng xã hội) is no commune.
  const words = (plain ? plainWordsOf(v) : viWordsOf(v)).replace(/ (?:xã|xa) (?:hội|hoi) /g, ' ');
  for (const w of VI_ADMIN) {
    const key = plain ? fold(w) : w;
    if (words.includes(` ${key} `)) pieces.push(w);
  }
  const folded = plainWordsOf(v);
  for (const w of EN_ADMIN) if (folded.includes(` ${w} `)) pieces.push(w);
  if (ABBREV.test(v)) pieces.push('abbreviation');
  for (const p of provinceKeys()) {
    if (folded.includes(` ${p} `)) {
      pieces.push(`province ${p}`);
      break;
    }
  }
  const houseNumber = /^(?:số\s*(?:nhà\s*)?|so\s*(?:nha\s*)?|no\.?\s*)?\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)*(?![\d:])/iu.test(v);
  return { pieces: [...new Set(pieces)], houseNumber, commaParts };
}
