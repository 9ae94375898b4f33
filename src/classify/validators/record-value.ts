/**
 * record-value: the free-text value after a sensitive-data label ("Chẩn đoán: Tăng huyết áp",
 * "Tiền án: 01 lần", "sexual_orientation: ...") is an actual answer about a person, not:
 *   - a placeholder or empty mark ("...", "N/A", "null", "<...>", "{{...}}", "${...}", "%s");
 *   - a type or code ("string", "Text", "DiagnosisDto", "z.string()", "req.body.x");
 *   - a UI prompt ("Nhập chẩn đoán", "Vui lòng chọn...", "Enter diagnosis");
 *   - the label itself, e.g. an i18n file: "diagnosis": "Chẩn đoán";
 *   - a definition in legal or policy text ("Bí mật cá nhân: là thông tin...", "Diagnosis: means").
 * Negative answers ("Không", "none", "không có") are accepted: a statement about a person's
 * health, record or beliefs is still personal data about them.
 */
import { fail, ok, type Validator } from './types.js';
import { fold } from '../../util/fold.js';

const PLACEHOLDER = /^(?:n\/?a|null|nil|undefined|tbd|todo|fixme|\?+|-+|_+|\.+|…+|x+|\*+|string|str|text|varchar|number|int|integer|boolean|bool|date|datetime|object|array|any|json|enum|optional|required|true|false)$/i;
const TEMPLATE = /\{\{|\}\}|\$\{|%s|%\(|^<.*>$|^\[.*\]$|^\{.*\}$/;
const CODE = /=>|\(\)|^[\w.$]+\(.*\)\s*[;,]?$|^(?:this|self|req|res|dto|data|row|record|item|obj|params|body|props)\.|^[a-z]+[A-Z]\w*(?:\[\])?$|^[A-Z][a-z]+[A-Z]\w*(?:\[\])?$|^\w+\[\]$|^[a-z_]+\.[a-z_.]+$|\bfunction\b|\breturn\b/;
const PROMPT = /^(?:nhap|vui long|hay nhap|chon|enter|please|select|type your|input|e g|eg|vi du|vd|example|sample|mau)\b/;
const DEFINITION = /^(?:la|duoc hieu la|duoc|gom|bao gom|bao ve|means|is|are|refers|includes?|shall|defined)\b/;
/** How articles and FAQs continue a heading: "Chẩn đoán: dựa vào xét nghiệm...", "Diagnosis: usually..." */
const EXPLANATION = /^(?:dua vao|dua tren|can cu|thong qua|bang cach|thuong|co the|can|nen|phai|bac si|nguoi benh|benh nhan can|khi|neu|de|cac|nhung|viec|phu thuoc|tuy|hau het|da so|chu yeu|mot so|based|usually|may|can|should|the doctor|doctors|depends|typically|often|most|some|in most|when|if)\b/;
/** Labels of sensitive fields, folded: a value equal to one is a translation, not data. */
const LABELS = new Set([
  'chan doan', 'chuan doan', 'diagnosis', 'diagnoses', 'tien su', 'tien su benh', 'benh su', 'trieu chung', 'symptoms', 'symptom',
  'di ung', 'allergies', 'allergy', 'ket qua', 'ket qua xet nghiem', 'don thuoc', 'prescription', 'benh ly', 'benh nen', 'benh chinh',
  'medical history', 'health status', 'tinh trang suc khoe', 'ton giao', 'religion', 'dan toc', 'ethnicity', 'tien an',
  'tien su', 'an tich', 'tien an tien su', 'criminal record', 'ly lich tu phap', 'xu huong tinh duc', 'sexual orientation',
  'bi mat ca nhan', 'doi tu', 'genotype', 'kieu gen', 'ket qua adn', 'dna test', 'genetic test', 'dang phai', 'quan diem chinh tri',
  'political party', 'political views', 'toi danh', 'ho so benh an', 'benh an', 'dieu tri', 'treatment', 'thuoc', 'medication',
  'medications', 'none selected', 'chua cap nhat', 'chua co thong tin', 'khong xac dinh', 'unknown', 'tien su tinh duc',
  'doi song tinh duc', 'hanh vi tinh duc', 'quan he tinh duc', 'so ban tinh', 'ban tinh', 'sexual history', 'sexual partners',
  'sexual behavior', 'sexual behaviour', 'sexuality', 'xu huong gioi tinh', 'bi mat doi tu', 'bi mat gia dinh', 'doi song rieng tu',
  'private life', 'dot bien gen', 'giai trinh tu gen', 'xet nghiem adn', 'ket qua adn', 'tinh trang an tich', 'hanh vi pham toi',
  'phap danh', 'ten thanh', 'tin nguong', 'ket luan', 'ly do vao vien', 'benh kem theo', 'huyet ap', 'duong huyet',
]);
/** Every word of a label; a short value made only of these words is a label, not an answer. */
const LABEL_WORDS = new Set([...LABELS].flatMap((l) => l.split(' ')));

export const recordValue: Validator = (value) => {
  const v = value.normalize('NFC').trim().replace(/[\s,.;*]+$/u, '');
  if (!/[\p{L}\p{N}]/u.test(v)) return fail('no letters or digits');
  if (PLACEHOLDER.test(v) || /^change[_ -]?me$/i.test(v)) return fail(`placeholder or type "${v}"`);
  if (TEMPLATE.test(v)) return fail('template or variable reference');
  if (CODE.test(v)) return fail('code, not a recorded value');
  const key = fold(v).replace(/[^a-z0-9]+/g, ' ').trim();
  if (PROMPT.test(key)) return fail(`UI prompt "${v}"`);
  if (DEFINITION.test(key)) return fail('definition or legal text');
  if (EXPLANATION.test(key) || v.includes('?')) return fail('explanatory text (article, FAQ), not a recorded value');
  if (LABELS.has(key)) return fail(`the label itself ("${v}"), e.g. a translation file`);
  const words = key.split(' ');
  if (words.length >= 3 && words.length <= 6 && words.every((w) => LABEL_WORDS.has(w))) return fail(`label words only ("${v}")`);
  return ok(`recorded value of ${v.length} characters`);
};
