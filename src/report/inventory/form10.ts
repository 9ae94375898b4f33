/**
 * Decree 356 Form 10 (Mẫu số 10, the processing impact assessment report) field by field, in the
 * form's own Vietnamese wording: what a scan can know is filled in (with "to confirm"), the rest is
 * marked "to fill" with the `.pdscan.yml` key that fills it. Rendered under pdpl-2025 only; the
 * sensitive-data boxes of section II.3.2 are data (`dossier.form_10_sensitive_boxes` in
 * rules/obligations.yml).
 */
import { obligationsFile } from '../../rules/catalogue.js';
import { kindsOf } from './derive.js';
import { CONFIG_FIELDS, getField, displayCandidate, type ConfigField } from './config.js';
import type { FormDef } from '../../model/obligations.js';
import { FIELD_LABEL, ROLE_LABEL, label } from './i18n.js';
import { cell, refsText, table } from './md.js';
import type { Doc } from './markdown-doc.js';
import type { Inventory } from './types.js';




/** The value of a config field as the form shows it, or the mark to fill it with its key. */
function fieldValue(d: Doc, f: ConfigField): string {
  const { inv, lang } = d;
  const v = getField(inv.organisation, f);
  if (typeof v === 'boolean') return v ? d.t('f10Yes') : d.t('f10NoAnswer');
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
    const status = !hits.length ? d.t('f10NotFound') : hits.every((k) => (boxesOf.get(k) ?? 0) > 1) ? `${d.mark('to-confirm')} ${d.t('f10FoundEither')}` : `☒ ${d.t('f10Found')}, ${d.mark('to-confirm')}`;
    return [cell(lang === 'vi' ? b.label_vi : b.label_en), cell(refsText([b.ref], 'pdpl-2025', lang)), status];
  });
}

/** Form 10 field by field, under pdpl-2025. */
export function form10Section(d: Doc): void {
  const { inv, lang } = d;
  if (inv.regime !== 'pdpl-2025') return;
  d.push('', `## ${d.t('f10Heading')}`, '', d.t('f10Intro'));
  d.push('', `### ${d.t('f10PartA1')}`, '');
  d.push(...table([d.t('f10No'), d.t('f10Field'), d.t('f10Value')], SECTION_I.map(([n, f]) => [n, cell(FIELD_LABEL[f][lang]), fieldValue(d, f)])));

  d.push('', `### ${d.t('f10PartA2')}`, '');
  const s = inv.summary;
  const transfers = s.recipients ? `${d.t('f10RecipientsSeen', { n: s.recipients })}, ${d.mark('to-confirm')}` : d.t('f10NoRecipient');
  const cross = s.crossBorder === true ? `${d.t('f10AbroadSeen')}, ${d.mark('to-confirm')}` : s.crossBorder === null ? `${d.mark('to-confirm')} ${d.t('f10AbroadUnknown')}` : d.t('f10NotFound');
  const rows: string[][] = [
    [cell(d.t('f10Role')), fieldValue(d, 'role')],
    [cell(d.t('f10Totals')), `${s.basicCategories.length} / ${s.sensitiveCategories.length}, ${d.mark('to-confirm')}`],
    [cell(d.t('f10Transfers')), transfers],
    [cell(`7. ${FIELD_LABEL.paid_transfers[lang]}`), fieldValue(d, 'paid_transfers')],
    [cell(`8. ${FIELD_LABEL.data_exchange[lang]}`), fieldValue(d, 'data_exchange')],
    [cell(`9. ${FIELD_LABEL.processing_services[lang]}`), fieldValue(d, 'processing_services')],
    [cell(d.t('f10CrossBorder')), cross],
  ];
  d.push(...table([d.t('f10Field'), d.t('f10Value')], rows));
  d.push('', `#### ${d.t('f10SensitiveBoxes')}`, '');
  d.push(...table([d.t('f10Box'), lang === 'vi' ? 'Căn cứ' : 'Reference', d.t('f10Value')], sensitiveBoxes(d, inv)));
  d.push('', d.t('f10SensitiveNote'));

  d.push('', `### ${d.t('f10PartA3')}`, '');
  d.push(...table([d.t('f10Box'), d.t('f10Value')], (['volume.basic_over_100000', 'volume.sensitive_over_10000'] as const).map((f) => [cell(FIELD_LABEL[f][lang]), fieldValue(d, f)])));
  d.push('', d.t('f10ThresholdNote'));
}

/** The forms of the chosen regime as a checklist, with the articles that name them. */
export function formsSection(d: Doc): void {
  const { inv, lang } = d;
  const forms = obligationsFile().dossier.forms.filter((f) => f.regime === inv.regime);
  if (!forms.length) return;
  const abroad = inv.summary.crossBorder !== false;
  d.push('', `## ${d.t('f10Forms')}`, '');
  for (const f of forms) {
    if (f.cross_border && !abroad) continue;
    const when = f.cross_border ? ` (${d.t('f10FormsAbroad')})` : '';
    d.push(`- [ ] ${d.t('f10Form')} ${f.form}: ${lang === 'vi' ? f.label_vi : f.label_en}${when} (${refsText(f.refs, inv.regime, lang)})`);
    if (f.contents) formContents(d, f.contents);
  }
}

/** What a form asks for, filled from the `inventory:` block where it can be. */
function formContents(d: Doc, c: NonNullable<FormDef['contents']>): void {
  const { lang } = d;
  d.push(`  - ${d.t('f10FormAsks', { form: c.form })}`);
  for (const key of c.fields) {
    // The data file names config keys; one the inventory does not know is shown as its key.
    const f = (CONFIG_FIELDS as readonly string[]).includes(key) ? (key as ConfigField) : undefined;
    // "Name" and "Phone" exist for the organisation and the DPO: say whose.
    const group = key.startsWith('controller.') ? `${d.t('f10GroupController')} — ` : key.startsWith('dpo.') ? `${d.t('f10GroupDpo')} — ` : '';
    d.push(`    - ${f ? `${group}${cell(FIELD_LABEL[f][lang])}: ${fieldValue(d, f)}` : `${d.mark('to-fill')} \`${key}\``}`);
  }
  for (const item of lang === 'vi' ? c.other_vi : c.other_en) d.push(`    - ${d.mark('to-fill')} ${cell(item)}`);
}
