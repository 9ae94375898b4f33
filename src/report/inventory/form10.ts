/**
 * Decree 356 Form 10 (Mẫu số 10, the processing impact assessment report) field by field, in the
 * form's own Vietnamese wording: what a scan can know is filled in (with "to confirm"), the rest is
 * marked "to fill" with the `.pdscan.yml` key that fills it. Rendered under pdpl-2025 only; the
 * sensitive-data boxes of section II.3.2 are data (`dossier.form_10_sensitive_boxes` in
 * rules/obligations.yml).
 */
import { obligationsFile } from '../../rules/catalogue.js';
import { kindsOf } from './derive.js';
import { getField, displayCandidate, type ConfigField } from './config.js';
import { FIELD_LABEL, ROLE_LABEL, label } from './i18n.js';
import { cell, refsText, table } from './md.js';
import type { Doc } from './markdown-doc.js';
import type { Bilingual, Inventory, Lang } from './types.js';

const W = {
  heading: { vi: 'Mẫu số 10 theo từng trường (Nghị định 356)', en: 'Form 10 field by field (Decree 356)' },
  intro: {
    vi: 'Các trường của Mẫu số 10, theo đúng thứ tự của mẫu. pdscan điền những gì thấy được khi quét (cần xác nhận); các trường **[CẦN ĐIỀN]** lấy từ khối `inventory:` trong `.pdscan.yml` (khóa ghi trong ngoặc).',
    en: 'The fields of Form 10, in the form’s order. pdscan fills in what a scan can see (to confirm); fields marked **[TO FILL]** come from the `inventory:` block of `.pdscan.yml` (key in brackets).',
  },
  partA1: { vi: 'Phần A, mục I. Thông tin cơ bản của bên nộp hồ sơ', en: 'Part A, section I. Basic information of the filing party' },
  partA2: { vi: 'Phần A, mục II. Hoạt động xử lý dữ liệu cá nhân', en: 'Part A, section II. Processing activities' },
  partA3: { vi: 'Phần A, mục III.2.3. Ngưỡng đánh giá tác động đến an ninh quốc gia, trật tự an toàn xã hội', en: 'Part A, section III.2.3. Thresholds for assessing the impact on national security and public order' },
  no: { vi: 'Số', en: 'No.' },
  field: { vi: 'Trường của mẫu', en: 'Form field' },
  value: { vi: 'Nội dung', en: 'Value' },
  box: { vi: 'Ô', en: 'Box' },
  found: { vi: 'Có (pdscan tìm thấy)', en: 'Yes (found by pdscan)' },
  foundEither: {
    vi: 'pdscan tìm thấy dữ liệu thuộc nhóm này nhưng không phân biệt được ô nào; tích ô đúng',
    en: 'pdscan found data of this group but cannot tell which box; tick the right one',
  },
  notFound: { vi: 'Không thấy khi quét', en: 'Not seen in the scan' },
  yes: { vi: 'Có', en: 'Yes' },
  noAnswer: { vi: 'Không', en: 'No' },
  totals: { vi: 'Tổng số loại dữ liệu cá nhân cơ bản / nhạy cảm (theo kết quả quét)', en: 'Number of basic / sensitive data types (from the scan)' },
  role: { vi: '1. Vai trò xử lý dữ liệu cá nhân của bên kê khai hồ sơ', en: '1. Processing role of the filing party' },
  transfers: { vi: '7. Chuyển giao dữ liệu cá nhân (Điều 17 Luật Bảo vệ dữ liệu cá nhân)', en: '7. Transfers of personal data (Law 91 Art. 17)' },
  crossBorder: { vi: '10. Chuyển dữ liệu cá nhân xuyên biên giới', en: '10. Cross-border transfers' },
  recipientsSeen: { vi: 'Có: pdscan thấy {n} bên nhận (xem mục đ)', en: 'Yes: pdscan saw {n} recipients (see item đ)' },
  noRecipient: { vi: 'Không thấy bên nhận khi quét', en: 'No recipient seen in the scan' },
  abroadSeen: { vi: 'Có: xem mục e', en: 'Yes: see item e' },
  abroadUnknown: { vi: 'Chưa rõ quốc gia của một số bên nhận (xem mục e)', en: 'The country of some recipients is unknown (see item e)' },
  sensitiveBoxes: { vi: '3.2. Dữ liệu cá nhân nhạy cảm (khoản 1 Điều 4 Nghị định 356)', en: '3.2. Sensitive personal data (Decree 356 Art. 4.1)' },
  thresholdNote: {
    vi: 'Số lượng chủ thể dữ liệu không thấy được qua mã nguồn. Khi một trong hai ô là "Có", Phần A mục III phải có đánh giá tác động đến an ninh quốc gia, trật tự an toàn xã hội (mục 2.3).',
    en: 'The number of data subjects cannot be seen in code. When either box is "Yes", Part A section III must assess the impact on national security and public order (point 2.3).',
  },
  sensitiveNote: {
    vi: 'Không ô nào có thể bỏ trống chỉ vì pdscan không thấy: dữ liệu nằm ngoài phạm vi quét vẫn phải được kê khai.',
    en: 'No box may be left empty only because pdscan did not see it: data outside the scanned scope must still be declared.',
  },
  forms: { vi: 'Biểu mẫu gửi cơ quan chuyên trách bảo vệ dữ liệu cá nhân', en: 'Forms to file with the data protection authority' },
  formsAbroad: { vi: 'khi chuyển dữ liệu ra nước ngoài', en: 'when data goes abroad' },
  form: { vi: 'Mẫu số', en: 'Form' },
} as const satisfies Record<string, Bilingual>;

type Word = keyof typeof W;
const w = (lang: Lang, key: Word, params: Record<string, string | number> = {}): string => W[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** The value of a config field as the form shows it, or the mark to fill it with its key. */
function fieldValue(d: Doc, f: ConfigField): string {
  const { inv, lang } = d;
  const v = getField(inv.organisation, f);
  if (typeof v === 'boolean') return v ? w(lang, 'yes') : w(lang, 'noAnswer');
  if (v !== undefined) return f === 'role' && typeof v === 'string' ? label(ROLE_LABEL, v, lang) : cell(String(v));
  if (inv.conflicts[f]) return `${d.mark('to-confirm')} ${inv.conflicts[f]!.map((c) => cell(displayCandidate(c))).join(' / ')}`;
  return `${d.mark('to-fill')} (\`inventory.${f}\`)`;
}

const SECTION_I: Array<[string, ConfigField]> = [
  ['1', 'controller.name'],
  ['1a', 'controller.foreign_name'],
  ['1b', 'controller.short_name'],
  ['1c', 'controller.tax_code'],
  ['2', 'controller.address'],
  ['3', 'controller.phone'],
  ['4', 'controller.business_line'],
  ['4', 'controller.business_code'],
  ['5', 'controller.branches'],
  ['6', 'controller.email'],
  ['7', 'controller.website'],
  ['8.3', 'dpo.name'],
  ['8.3', 'dpo.title'],
  ['8.3', 'dpo.appointment_decision'],
  ['8.3', 'dpo.phone'],
  ['8.3', 'dpo.email'],
  ['8.1', 'dpo.organisation'],
];

/** The sensitive-data boxes with what the scan found for each. */
function sensitiveBoxes(d: Doc, inv: Inventory): string[][] {
  const { lang } = d;
  const found = new Set(inv.categories.filter((c) => c.sensitive).flatMap((c) => kindsOf(c)));
  const boxes = obligationsFile().dossier.form_10_sensitive_boxes;
  // A kind named by more than one box: the scan cannot tell which of them to tick.
  const boxesOf = new Map<string, number>();
  for (const b of boxes) for (const k of b.kinds) boxesOf.set(k, (boxesOf.get(k) ?? 0) + 1);
  return boxes.map((b) => {
    const hits = b.kinds.filter((k) => found.has(k));
    const status = !hits.length ? w(lang, 'notFound') : hits.every((k) => (boxesOf.get(k) ?? 0) > 1) ? `${d.mark('to-confirm')} ${w(lang, 'foundEither')}` : `☒ ${w(lang, 'found')}, ${d.mark('to-confirm')}`;
    return [cell(lang === 'vi' ? b.label_vi : b.label_en), cell(refsText([b.ref], 'pdpl-2025', lang)), status];
  });
}

/** Form 10 field by field, under pdpl-2025. */
export function form10Section(d: Doc): void {
  const { inv, lang } = d;
  if (inv.regime !== 'pdpl-2025') return;
  d.push('', `## ${w(lang, 'heading')}`, '', w(lang, 'intro'));
  d.push('', `### ${w(lang, 'partA1')}`, '');
  d.push(...table([w(lang, 'no'), w(lang, 'field'), w(lang, 'value')], SECTION_I.map(([n, f]) => [n, cell(FIELD_LABEL[f][lang]), fieldValue(d, f)])));

  d.push('', `### ${w(lang, 'partA2')}`, '');
  const s = inv.summary;
  const transfers = s.recipients ? `${w(lang, 'recipientsSeen', { n: s.recipients })}, ${d.mark('to-confirm')}` : w(lang, 'noRecipient');
  const cross = s.crossBorder === true ? `${w(lang, 'abroadSeen')}, ${d.mark('to-confirm')}` : s.crossBorder === null ? `${d.mark('to-confirm')} ${w(lang, 'abroadUnknown')}` : w(lang, 'notFound');
  const rows: string[][] = [
    [cell(w(lang, 'role')), fieldValue(d, 'role')],
    [cell(w(lang, 'totals')), `${s.basicCategories.length} / ${s.sensitiveCategories.length}, ${d.mark('to-confirm')}`],
    [cell(w(lang, 'transfers')), transfers],
    [cell(`7. ${FIELD_LABEL.paid_transfers[lang]}`), fieldValue(d, 'paid_transfers')],
    [cell(`8. ${FIELD_LABEL.data_exchange[lang]}`), fieldValue(d, 'data_exchange')],
    [cell(`9. ${FIELD_LABEL.processing_services[lang]}`), fieldValue(d, 'processing_services')],
    [cell(w(lang, 'crossBorder')), cross],
  ];
  d.push(...table([w(lang, 'field'), w(lang, 'value')], rows));
  d.push('', `#### ${w(lang, 'sensitiveBoxes')}`, '');
  d.push(...table([w(lang, 'box'), lang === 'vi' ? 'Căn cứ' : 'Reference', w(lang, 'value')], sensitiveBoxes(d, inv)));
  d.push('', w(lang, 'sensitiveNote'));

  d.push('', `### ${w(lang, 'partA3')}`, '');
  d.push(...table([w(lang, 'box'), w(lang, 'value')], (['volume.basic_over_100000', 'volume.sensitive_over_10000'] as const).map((f) => [cell(FIELD_LABEL[f][lang]), fieldValue(d, f)])));
  d.push('', w(lang, 'thresholdNote'));
}

/** The forms of the chosen regime as a checklist, with the articles that name them. */
export function formsSection(d: Doc): void {
  const { inv, lang } = d;
  const forms = obligationsFile().dossier.forms.filter((f) => f.regime === inv.regime);
  if (!forms.length) return;
  const abroad = inv.summary.crossBorder !== false;
  d.push('', `## ${w(lang, 'forms')}`, '');
  for (const f of forms) {
    if (f.cross_border && !abroad) continue;
    const when = f.cross_border ? ` (${w(lang, 'formsAbroad')})` : '';
    d.push(`- [ ] ${w(lang, 'form')} ${f.form}: ${lang === 'vi' ? f.label_vi : f.label_en}${when} (${refsText(f.refs, inv.regime, lang)})`);
  }
}
