/**
 * person-name: the value after an explicit name label ("Họ và tên:", "full_name", "Tên khách
 * hàng:"). The label carries the evidence, so any origin is accepted ("John Smith", "Kim Min-ji")
 * as long as it looks like a name: 2–6 capitalised words of letters, no digits, and not a
 * placeholder or a repeated label ("Nguyễn Văn A", "Họ Và Tên", "John Doe", "Your Name").
 */
import { fail, ok, type Validator } from './types.js';
import { fold } from '../../util/fold.js';
import { findName } from './name-parts.js';

const PLACEHOLDERS = new Set(
  [
    'ho va ten', 'ho ten', 'ten', 'full name', 'your name', 'name', 'first name', 'last name', 'ten khach hang',
    'khach hang', 'nguoi nhan', 'john doe', 'jane doe', 'john smith', 'test user', 'lorem ipsum', 'admin', 'user name',
    'customer name', 'string', 'null', 'undefined', 'none', 'n a', 'unknown', 'khong', 'chua co', 'khong ro', 'an danh',
  ],
);

/** Form prompts written in Title Case: "Nhập Họ Tên", "Enter Your Name". */
const UI_PROMPT = /^(?:nhap|vui long|chon|enter|please|your|select|type|input|vi du|example|sample|mau)\b/;

/**
 * Words of form headers and field labels, compared in lower case with diacritics: a Markdown
 * header row "| Mã khách hàng | Thẻ BHYT số |" or "customer: National ID number" is no name.
 */
const FIELD_WORDS = new Set([
  'số', 'thẻ', 'ngày', 'thời', 'gian', 'điểm', 'điện', 'thoại', 'địa', 'chỉ', 'cccd', 'cmnd', 'bhyt', 'bhxh', 'mst', 'sđt',
  'email', 'mã', 'id', 'no', 'no.', 'number', 'code', 'date', 'time', 'card', 'address', 'phone', 'tax', 'credit', 'order',
  'ref', 'reference', 'tracking', 'payment', 'app', 'version', 'national', 'passport', 'status', 'type', 'total', 'amount',
  'hotline', 'stt', 'ip', 'url', 'qr', 'sku', 'invoice', 'account', 'bank', 'hàng', 'tạo', 'cấp', 'hạn',
]);

/** Organisation, team and product words: "customer: Innovation Hub", "name: Organización Equipo Empleado". */
const ORGANISATION_WORDS = new Set([
  'hub', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'corp', 'corp.', 'co.', 'company', 'group', 'team', 'teams', 'solutions', 'labs', 'lab',
  'studio', 'studios', 'center', 'centre', 'agency', 'foundation', 'university', 'organization', 'organisation', 'organización',
  'equipo', 'empleado', 'empleados', 'mitarbeiter', 'employees', 'department', 'services', 'systems', 'technologies', 'tech',
  'software', 'hospital', 'clinic', 'store', 'shop', 'market', 'partners', 'holdings', 'ventures', 'capital', 'media',
  'network', 'global', 'international', 'gmbh', 'ag', 'jsc', 'innovation', 'innovations', 'digital', 'cloud', 'consulting',
  'industries', 'enterprises', 'enterprise', 'logistics', 'academy', 'institute', 'club', 'association', 'society', 'workspace',
  'project', 'projects', 'acme', 'platform', 'app', 'apps', 'board', 'committee', 'office', 'workshop', 'bureau', 'unit',
]);
/** No name part is this long; German compounds and concatenated words are. */
const MAX_NAME_WORD = 15;

const WORD = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]*|\p{Lu}[\p{Lu}\p{M}'’-]*|\p{Lu}\.)$/u;

export const personName: Validator = (value) => {
  // Column rules hand over the cell with its delimiters and a relation note: ', "Trần Văn An (bố)",'.
  const v = value
    .normalize('NFC')
    .replace(/^[\s,;|("'`]+/, '')
    .replace(/[\s,;|)"'`]+$/, '')
    .replace(/\s*\([^)]*\)?$/, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  if (/\d/.test(v)) return fail('contains digits');
  const words = v.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 6) return fail(`${words.length} word(s): a full name has 2 to 6`);
  if (!words.every((w) => WORD.test(w))) return fail('not all words are capitalised name words');
  const org = words.find((w) => ORGANISATION_WORDS.has(w.toLowerCase()));
  if (org) return fail(`"${org}" names an organisation, team or product, not a person`);
  if (words.some((w) => [...w].length > MAX_NAME_WORD)) return fail(`a word longer than ${MAX_NAME_WORD} letters: a compound or label, not a name part`);
  const field = words.find((w) => FIELD_WORDS.has(w.toLowerCase()));
  if (field) return fail(`"${field}" is a field label word, not part of a name`);
  // ALL-CAPS values after a label are as often the next label ("XÉT NGHIỆM ADN") as a name:
  // accept them only when they read as a Vietnamese name.
  if (words.every((w) => w === w.toUpperCase()) && !findName(words.join(' '), { minWords: 2, allowFamous: true, allowAsciiCaps: true }).ok) {
    return fail('ALL-CAPS words that are not a Vietnamese name');
  }
  const key = fold(v).replace(/[^a-z]+/g, ' ').trim();
  if (PLACEHOLDERS.has(key)) return fail(`placeholder or label "${v}"`);
  if (UI_PROMPT.test(key)) return fail(`UI prompt "${v}"`);
  if (words.some((w) => [...w].length === 1)) return fail('a single-letter word: a placeholder such as "Nguyễn Văn A"');
  if (words.filter((w) => /^\p{Lu}\.$/u.test(w)).length === words.length - 1 && words.length > 2) return fail('initials only');
  return ok(`capitalised name of ${words.length} words after a name label`);
};
