/**
 * The inventory as a Markdown document a DPO can start from: a summary table, the dossier
 * sections a–i (Decree 13 Art. 24(1), mapped to Decree 356), a data-flow diagram, the to-do
 * list. Vietnamese by default, English with --lang en. Rendered from the JSON inventory only,
 * so `pdscan inventory merge` and `--inventory FILE.md` print the same document.
 */
import { categoryLabel, isSensitive, regimeInfo } from '../../model/categories.js';
import { kindsOf } from './derive.js';
import type { CategoryEntry, DossierItem, EvidenceFacts, Inventory, Lang, ObligationEntry, TodoEntry } from './types.js';
import { getField, displayCandidate, type ConfigField } from './config.js';
import { obligationsFile } from '../../rules/catalogue.js';
import {
  CONFIDENCE_LABEL,
  FIELD_LABEL,
  LEVEL_LABEL,
  RECIPIENT_KIND_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  STORAGE_KIND_LABEL,
  countryName,
  deadlineText,
  label,
} from './i18n.js';
import { capped, cell, code, refsText, table, targetLabel, whereText } from './md.js';
import { mermaidDiagram } from './mermaid.js';
import { purposeLabel } from './purposes.js';
import { Doc } from './markdown-doc.js';
import { form10Section, formsSection } from './form10.js';

function section(d: Doc, item: DossierItem): void {
  const { lang, inv } = d;
  d.push('', `## ${item.item}. ${item.label[lang]}`, '');
  const parts = [refsText(item.refs['pdpl-2025'], 'pdpl-2025', lang), refsText(item.refs['decree-13'], 'decree-13', lang)].filter(Boolean);
  if (item.form10) parts.push(`${d.t('form10')}: ${item.form10}`);
  d.push(`_${d.t('legalBasis')}: ${parts.join(' · ')}_`);
  // Notes on what Decree 356 adds; an older inventory's note is English only.
  const note = typeof item.note === 'string' ? (lang === 'en' ? item.note : undefined) : item.note?.[lang];
  if (note && inv.regime === 'pdpl-2025') d.push('', `> ${note}`);
}

/** Fields the dossier can do without: shown as "—" when empty rather than as "to fill". */
const OPTIONAL: ReadonlySet<ConfigField> = new Set<ConfigField>(['controller.website', 'dpo.organisation']);

function fieldRows(d: Doc, fields: ConfigField[]): string[][] {
  const { inv, lang } = d;
  return fields.map((f) => {
    const v = getField(inv.organisation, f);
    let text: string;
    if (v !== undefined) text = f === 'role' && typeof v === 'string' ? label(ROLE_LABEL, v, lang) : cell(String(v));
    else if (inv.conflicts[f]) text = `${d.mark('to-confirm')} ${d.t('conflict')}: ${inv.conflicts[f]!.map((c) => cell(displayCandidate(c))).join(' / ')}`;
    else text = OPTIONAL.has(f) ? '—' : d.mark('to-fill');
    return [cell(FIELD_LABEL[f][lang]), text];
  });
}

function summary(d: Doc): void {
  const { inv, lang } = d;
  const s = inv.summary;
  d.push('', `## ${d.t('summary')}`, '');
  const scope = inv.targets.map((t) => {
    const n = t.kind === 'files' ? `${t.stats.filesScanned ?? 0} ${d.t('files')}` : `${t.stats.tablesScanned ?? t.stats.collectionsScanned ?? 0} ${d.t('tables')}`;
    return `${code(targetLabel(t))} (${n})`;
  });
  const catLine = (ids: string[]) => (ids.length ? `${ids.length} ${d.t(ids.length === 1 ? 'kind1' : 'kinds')}: ${d.catList(ids, inv.regime)}` : d.t('none'));
  const countries = s.countries.filter((c) => c !== 'VN').map((c) => countryName(c, lang));
  const transferObligation = inv.obligations.find((o) => o.trigger === 'cross-border');
  // Every transfer abroad may be exempt (Art. 17.3): the duty is to confirm, not due.
  const onlyExempt = inv.transfers.some((t) => t.status === 'exemption-to-confirm') && !inv.transfers.some((t) => t.status === 'foreign');
  const cross =
    s.crossBorder === true && onlyExempt
      ? `**${d.t('yes')}**: ${d.mark('to-confirm')} ${d.t('mayBeExempt')}`
      : s.crossBorder === true
      ? `**${d.t('yes')}**: ${d.t('mustFile')}${transferObligation?.deadline ? ` (${deadlineText(transferObligation.deadline, lang)})` : ''}`
      : s.crossBorder === null
        ? `${d.mark('to-confirm')} ${d.t('unknownYet')}`
        : d.t('no');
  const rows: string[][] = [
    [d.t('scope'), scope.join('; ') || d.t('none')],
    [d.t('basic'), catLine(s.basicCategories)],
    [d.t('sensitive'), catLine(s.sensitiveCategories)],
    ...(s.precautionCategories.length ? [[d.t('precaution'), catLine(s.precautionCategories)]] : []),
    [d.t('purposes'), String(s.purposes)],
    [d.t('storages'), String(s.storages)],
    [d.t('recipients'), s.foreignRecipients ? `${s.recipients} (${d.t('foreignOf', { n: s.foreignRecipients })}: ${countries.join(', ')})` : String(s.recipients)],
    [d.t('crossBorder'), cross],
    [d.t('protection'), String(s.protectionMeasures)],
    [d.t('retention'), String(s.retentionEvidence)],
    [d.t('risks'), String(s.risks)],
    [d.t('obligations'), d.t('applyingOf', { a: s.obligationsApplying, c: s.obligationsToConfirm })],
    [d.t('todo'), d.t('todoOf', { f: s.toFill, c: s.toConfirm })],
  ];
  d.push(...table([d.t('item'), d.t('result')], rows));
  d.push('', `### ${d.t('dossierStatus')}`, '');
  d.push(
    ...table(
      [d.t('item'), d.t('content'), lang === 'vi' ? 'NĐ 13' : 'Decree 13', lang === 'vi' ? 'Luật 91 / NĐ 356' : 'Law 91 / Decree 356', d.t('status')],
      inv.dossier.map((it) => [
        it.item,
        cell(it.label[lang]),
        cell(refsText(it.refs['decree-13'], 'decree-13', lang)),
        cell(refsText(it.refs['pdpl-2025'], 'pdpl-2025', lang)),
        it.status === 'filled' ? STATUS_LABEL.filled![lang] : `**${STATUS_LABEL[it.status]![lang]}**`,
      ]),
    ),
  );
}

function itemA(d: Doc): void {
  d.push('', ...table([d.t('field'), d.t('value')], fieldRows(d, ['system', 'role', 'controller.name', 'controller.address', 'controller.registration_number', 'controller.representative', 'controller.phone', 'controller.email', 'controller.website'])));
  const todo = d.todoLines('a');
  if (todo.length) d.push('', ...todo);
}

function itemB(d: Doc): void {
  d.push('', ...table([d.t('field'), d.t('value')], fieldRows(d, ['dpo.name', 'dpo.email', 'dpo.phone', 'dpo.organisation'])));
  const todo = d.todoLines('b');
  if (todo.length) d.push('', ...todo);
}

function evidenceList(d: Doc, where: Array<{ path?: string; line?: number; logical?: string }>, max = 3): string {
  return capped(where.map(whereText).filter(Boolean), max, d.lang);
}

function itemC(d: Doc): void {
  const { inv, lang } = d;
  if (inv.purposes.length) {
    d.push(
      '',
      ...table(
        [d.t('purpose'), d.t('data'), d.t('recipient'), d.t('evidence'), d.t('confidence'), d.t('status')],
        inv.purposes.map((p) => {
          const names = p.recipients.map((id) => inv.recipients.find((r) => r.id === id)?.name ?? id);
          return [
            `${cell(p.label[lang])}<br>${code(p.key)}`,
            d.catList(p.categories, inv.regime),
            cell(names.join(', ')),
            capped(p.evidence.map((e) => `${whereText(e)}${e.note ? ` (${cell(e.note)})` : ''}`).filter(Boolean), 3, lang),
            CONFIDENCE_LABEL[p.confidence]![lang],
            d.mark('to-confirm'),
          ];
        }),
      ),
    );
  }
  const basis = getField(inv.organisation, 'legal_basis');
  if (Array.isArray(basis)) d.push('', `**${FIELD_LABEL.legal_basis[lang]}:** ${basis.map((b) => cell(String(b))).join('; ')}`);
  const todo = d.todoLines('c');
  if (todo.length) d.push('', ...todo);
  d.push('', `### ${d.t('diagram')}`, '');
  const diagram = mermaidDiagram(inv, lang);
  if (diagram) d.push(d.t('diagramNote'), '', ...diagram);
  else d.push(`- ${d.mark('to-fill')} ${d.t('noDiagram')}`);
}

function categoryWhere(d: Doc, c: CategoryEntry): string {
  const parts: string[] = [];
  parts.push(...c.files.map((f) => (f.count > 1 && f.lines.length < f.count ? `${code(f.path)} (×${f.count})` : code(`${f.path}:${f.lines.slice(0, 3).join(',')}`))));
  parts.push(...c.fields.map((f) => `${code(`${f.model}.${f.field}`)}${f.framework ? ` (${f.framework})` : ''}`));
  parts.push(...c.columns.map((x) => code([x.database, x.schema, x.table, x.column].filter(Boolean).join('.'))));
  return capped(parts, 6, d.lang);
}

function categoryTable(d: Doc, cats: CategoryEntry[]): string[] {
  const { inv, lang } = d;
  const legacy = inv.regime === 'pdpl-2025' ? 'decree-13' : 'pdpl-2025';
  return table(
    [d.t('category'), d.t('legalBasis'), d.t('occurrences'), d.t('where'), d.t('confidence')],
    cats.map((c) => [
      `${cell(c.label[lang])}<br>${code(c.id)}`,
      cell(`${refsText(c.refs[inv.regime], inv.regime, lang)} (${refsText(c.refs[legacy], legacy, lang)})`),
      String(c.occurrences),
      categoryWhere(d, c),
      CONFIDENCE_LABEL[c.confidence]![lang],
    ]),
  );
}

function itemD(d: Doc): void {
  const { inv, lang } = d;
  const basic = inv.categories.filter((c) => !c.sensitive);
  const sens = inv.categories.filter((c) => c.sensitive);
  d.push('', `### ${d.t('basic')} (${basic.length})`, '');
  if (basic.length) d.push(...categoryTable(d, basic));
  else d.push(d.t('none'));
  d.push('', `### ${d.t('sensitive')} (${sens.length})`, '');
  if (sens.length) d.push(...categoryTable(d, sens));
  else d.push(d.t('none'));
  // Kinds of data found whose sensitivity differs by regime (blood type: a sub-kind of health).
  const diff = inv.categories.flatMap((c) => kindsOf(c)).filter((k) => isSensitive(k, 'pdpl-2025') && !isSensitive(k, 'decree-13'));
  if (diff.length) d.push('', `> ${d.t('regimeDiff', { list: diff.map((k) => categoryLabel(k, inv.regime)[lang]).join('; ') })}`);
  if (inv.storages.length) {
    d.push('', `### ${d.t('storages')} (${inv.storages.length})`, '');
    d.push(
      ...table(
        [d.t('storage'), d.t('kind'), d.t('data'), d.t('evidence')],
        inv.storages.map((s) => [
          code(s.name),
          cell([label(STORAGE_KIND_LABEL, s.kind, lang), s.framework ?? s.engine].filter(Boolean).join(', ')),
          d.catList(s.categories, inv.regime),
          evidenceList(d, s.evidence),
        ]),
      ),
    );
  }
  const todo = d.todoLines('d');
  if (todo.length) d.push('', ...todo);
}

/** Country of a recipient; when unknown, the provider's home country as a hint. */
function recipientCountry(d: Doc, r: { country?: string; headquarters?: string }): string {
  const name = countryName(r.country, d.lang);
  if (r.country || !r.headquarters) return name;
  return `${name} (${d.lang === 'vi' ? 'tùy vùng; nhà cung cấp ở' : 'depends on the region; provider in'} ${countryName(r.headquarters, d.lang)})`;
}

function itemDd(d: Doc): void {
  const { inv, lang } = d;
  if (inv.recipients.length) {
    d.push(
      '',
      ...table(
        [d.t('recipient'), d.t('country'), d.t('serviceKind'), d.t('dataSent'), d.t('purpose'), d.t('evidence')],
        inv.recipients.map((r) => [
          cell(r.name) + (r.region ? ` (${code(r.region)})` : ''),
          r.foreign === true ? `**${recipientCountry(d, r)}**` : r.foreign === null ? `${d.mark('to-confirm')} ${recipientCountry(d, r)}` : recipientCountry(d, r),
          cell(label(RECIPIENT_KIND_LABEL, r.kind, lang)),
          d.catList(r.categories, inv.regime),
          cell(r.purposes.map((p) => purposeLabel(p)[lang]).join('; ')),
          evidenceList(d, r.evidence),
        ]),
      ),
    );
  }
  const todo = d.todoLines('đ');
  if (todo.length) d.push('', ...todo);
}

function itemE(d: Doc): void {
  const { inv, lang } = d;
  const duty = inv.obligations.find((o) => o.trigger === 'cross-border');
  if (inv.transfers.some((t) => t.status === 'foreign') && duty) {
    d.push('', d.t('transferDuty', { deadline: duty.deadline ? deadlineText(duty.deadline, lang) : '—', title: duty.title[lang] }));
  } else if (inv.transfers.some((t) => t.status === 'exemption-to-confirm') && duty) {
    d.push('', d.t('transferDutyExempt', { title: duty.title[lang] }));
  }
  if (inv.transfers.length) {
    // Decree 356 only: the Form 09 II.1 box and the Art. 17.3 exemption proposed per recipient.
    const perRecipient = inv.regime === 'pdpl-2025';
    d.push(
      '',
      ...table(
        [d.t('recipient'), d.t('country'), d.t('serviceKind'), d.t('dataSent'), d.t('evidence'), d.t('status'), ...(perRecipient ? [d.t('form09Type'), d.t('transferExemption')] : [])],
        inv.transfers.map((t) => [
          cell(t.name),
          recipientCountry(d, inv.recipients.find((r) => r.id === t.recipient) ?? t),
          cell(label(RECIPIENT_KIND_LABEL, t.kind, lang)),
          d.catList(t.categories, inv.regime),
          evidenceList(d, t.evidence),
          t.status === 'foreign'
            ? `${d.t('transferStatusForeign')}, ${d.mark('to-confirm')}`
            : t.status === 'exemption-to-confirm'
              ? `${d.t('transferStatusForeign')}, ${d.t('transferStatusExempt')}, ${d.mark('to-confirm')}`
              : d.mark('to-confirm'),
          ...(perRecipient
            ? [
                t.form09 ? `${d.mark('to-confirm')} ${t.form09.type}: ${cell(t.form09.label[lang])}` : d.mark('to-fill'),
                t.exemption ? `${d.mark('to-confirm')} ${cell(t.exemption.label[lang])} (${refsText([t.exemption.ref], 'pdpl-2025', lang)})` : d.t('none'),
              ]
            : []),
        ]),
      ),
    );
  } else {
    d.push('', d.t('noTransfer'));
  }
  const todo = d.todoLines('e');
  if (todo.length) d.push('', ...todo);
  const items = obligationsFile().dossier.cross_border_items;
  if (inv.transfers.length && items.length) {
    d.push('', `### ${d.t('crossBorderDossier')}`, '');
    for (const it of items) {
      const refs = [refsText(it[inv.regime], inv.regime, lang), inv.regime === 'pdpl-2025' ? refsText(it['decree-13'], 'decree-13', lang) : refsText(it['pdpl-2025'], 'pdpl-2025', lang)].filter(Boolean);
      d.push(`- [ ] ${lang === 'vi' ? it.label_vi : it.label_en} (${refs.join('; ')})`);
    }
  }
}

const EVIDENCE_KIND: Record<string, { vi: string; en: string }> = {
  hashing: { vi: 'Băm', en: 'Hashing' },
  hmac: { vi: 'Mã xác thực HMAC', en: 'HMAC' },
  hash: { vi: 'Băm', en: 'Hashing' },
  encryption: { vi: 'Mã hóa', en: 'Encryption' },
  masking: { vi: 'Che, ẩn dữ liệu', en: 'Masking' },
  tokenization: { vi: 'Thay thế bằng mã (token)', en: 'Tokenisation' },
  pseudonymization: { vi: 'Giả danh hóa', en: 'Pseudonymisation' },
  anonymization: { vi: 'Ẩn danh hóa', en: 'Anonymisation' },
  'access-control': { vi: 'Kiểm soát truy cập', en: 'Access control' },
  ttl: { vi: 'Tự động hết hạn (TTL)', en: 'Automatic expiry (TTL)' },
  'ttl-index': { vi: 'Tự động hết hạn (TTL)', en: 'Automatic expiry (TTL)' },
  'deletion-job': { vi: 'Tác vụ xóa định kỳ', en: 'Scheduled deletion' },
  'deletion-routine': { vi: 'Hàm xóa dữ liệu (chưa thấy lịch chạy)', en: 'Deletion routine (no schedule seen)' },
  deletion: { vi: 'Xóa dữ liệu', en: 'Deletion' },
  'soft-delete': { vi: 'Xóa mềm', en: 'Soft deletion' },
  retention: { vi: 'Thời hạn lưu trữ', en: 'Retention period' },
};

function evidenceLines(d: Doc, list: EvidenceFacts[]): string[] {
  const { lang, inv } = d;
  return list.map((e) => {
    const [kind, detail] = e.key.split(':', 2) as [string, string | undefined];
    const name = EVIDENCE_KIND[kind]?.[lang] ?? kind;
    const cats = e.categories.length ? ` — ${d.catList(e.categories, inv.regime)}` : '';
    return `- **${cell(name)}**${detail ? ` (${code(detail)})` : ''}: ${cell(e.description)}${cats} — ${evidenceList(d, e.where, 4)}`;
  });
}

function itemG(d: Doc): void {
  const { inv } = d;
  const rows = fieldRows(d, ['processing_start', 'deletion_policy']);
  d.push('', ...table([d.t('field'), d.t('value')], rows));
  const retention = inv.organisation.retention;
  if (retention !== undefined && retention !== null) {
    d.push('', `### ${d.t('retentionConfig')}`, '');
    if (typeof retention === 'string') d.push(cell(retention));
    else d.push(...table([d.t('data'), d.t('period'), d.t('deletion')], retention.map((r) => [cell(r.data), cell(r.period), cell(r.deletion ?? '')])));
  }
  if (inv.retention.length) d.push('', `### ${d.t('retentionEvidence')}`, '', ...evidenceLines(d, inv.retention));
  const todo = d.todoLines('g');
  if (todo.length) d.push('', ...todo);
}

function itemH(d: Doc): void {
  const { inv } = d;
  d.push('', `> ${d.t('evidenceDisclaimer')}`);
  if (inv.protection.length) d.push('', ...evidenceLines(d, inv.protection));
  const todo = d.todoLines('h');
  if (todo.length) d.push('', ...todo);
}

function obligationDetail(d: Doc, o: ObligationEntry, n: number): void {
  const { lang } = d;
  const statusText = o.status === 'applies' ? STATUS_LABEL.applies![lang] : `${d.mark('to-confirm')}`;
  d.push('', `#### ${n}. ${o.title[lang]} — ${statusText}`, '');
  d.push(`- **${d.t('why')}:** ${o.why[lang]}`);
  if (o.confirm) d.push(`- **${d.t('toConfirmWhy')}:** ${o.confirm[lang]}`);
  if (o.deadline || o.deadlineDetail) {
    d.push(`- **${d.t('deadline')}:** ${o.deadline ? `${deadlineText(o.deadline, lang)}. ` : ''}${o.deadlineDetail?.[lang] ?? ''}`.trimEnd());
  }
  if (o.refs['pdpl-2025'].length) d.push(`- **${d.t('refsCurrent')}:** ${refsText(o.refs['pdpl-2025'], 'pdpl-2025', lang)}`);
  if (o.refs['decree-13'].length) d.push(`- **${d.t('refsLegacy')}:** ${refsText(o.refs['decree-13'], 'decree-13', lang)}`);
  for (const e of o.exemptions) {
    d.push(`- **${d.t('exemptions')}:** ${e.label[lang]}${e.available ? '' : ` — _${d.t('exemptionLost')}_`}. ${e.conditions[lang]}`);
  }
  const note = o.note?.[lang];
  if (note) d.push(`- **${d.t('note')}:** ${note}`);
}

function itemI(d: Doc): void {
  const { inv, lang } = d;
  d.push('', `### ${d.t('riskFound')}`, '');
  if (inv.risks.length) {
    d.push(
      ...table(
        [d.t('rule'), d.t('level'), d.t('count'), d.t('data'), d.t('where')],
        inv.risks.map((r) => [
          r.name[lang] === r.ruleId ? code(r.ruleId) : `${cell(r.name[lang])}<br>${code(r.ruleId)}`,
          LEVEL_LABEL[r.level]![lang],
          String(r.count),
          d.catList(r.categories, inv.regime),
          evidenceList(d, r.where, 3),
        ]),
      ),
    );
  } else d.push(d.t('noRisk'));
  d.push('', `### ${d.t('obligationList')}`, '');
  if (!inv.obligations.length) d.push(d.t('noObligation'));
  else {
    d.push(
      ...table(
        ['#', d.t('obligation'), d.t('status'), d.t('deadline'), d.t('legalBasis')],
        inv.obligations.map((o, i) => [
          String(i + 1),
          cell(o.title[lang]),
          o.status === 'applies' ? STATUS_LABEL.applies![lang] : d.mark('to-confirm'),
          o.deadline ? deadlineText(o.deadline, lang) : '—',
          cell(refsText(o.refs[inv.regime], inv.regime, lang) || '—'),
        ]),
      ),
    );
    inv.obligations.forEach((o, i) => obligationDetail(d, o, i + 1));
  }
  const todo = d.todoLines('i');
  if (todo.length) d.push('', ...todo);
}

function extras(d: Doc): void {
  const { inv, lang } = d;
  if (inv.regime !== 'pdpl-2025') return;
  const defs = obligationsFile().dossier.pdpl_only;
  d.push('', `## ${d.t('extra')}`, '');
  const fieldFor = (labelEn: string): ConfigField | undefined => {
    const l = labelEn.toLowerCase();
    if (l.includes('consent')) return 'consent';
    if (l.includes('data subjects')) return 'data_subjects';
    if (l.includes('contract')) return 'contracts';
    if (l.includes('polic')) return 'policies';
    return undefined;
  };
  for (const x of defs) {
    const f = fieldFor(x.label_en);
    const v = f ? getField(inv.organisation, f) : undefined;
    let text: string;
    const todo = inv.todo.find((t) => t.item === '+' && (t.key === f || t.key === `conflict.${f}`));
    if (todo) text = `${d.mark(todo.kind)} ${todo.text[lang]}`;
    else if (v === undefined) text = d.mark('to-fill');
    else if (Array.isArray(v)) text = cell(v.map((g) => (g && typeof g === 'object' ? Object.values(g as object).join(': ') : String(g))).join('; '));
    else text = cell(String(v));
    const form = x.form_10_vi ? `; ${d.t('form10')}: ${x.form_10_vi}` : '';
    d.push(`- **${lang === 'vi' ? x.label_vi : x.label_en}** (${refsText(x.refs, 'pdpl-2025', lang)}${form}): ${text}`);
  }
}

function todoAll(d: Doc): void {
  const { inv, lang } = d;
  d.push('', `## ${d.t('todo')}`, '');
  const order = (t: TodoEntry) => inv.dossier.findIndex((x) => x.item === t.item);
  const list = [...inv.todo].sort((a, b) => (order(a) < 0 ? 99 : order(a)) - (order(b) < 0 ? 99 : order(b)));
  for (const t of list) d.push(`- [ ] ${d.mark(t.kind)} (${t.item === '+' ? (lang === 'vi' ? 'bổ sung' : 'extra') : t.item}) ${t.text[lang]}`);
}

function scope(d: Doc): void {
  const { inv } = d;
  d.push('', `## ${d.t('scopeLimits')}`, '');
  if (inv.targets.length) {
    d.push(
      ...table(
        [d.t('target'), d.t('kind'), d.t('stats'), d.t('problems')],
        inv.targets.map((t) => [
          code(targetLabel(t)),
          t.engine ?? t.kind,
          cell(
            Object.entries(t.stats)
              .filter(([, v]) => v > 0)
              .map(([k, v]) => `${k} ${v}`)
              .join(', '),
          ),
          String(t.problems),
        ]),
      ),
      '',
    );
  }
  if (inv.childrenHints.length) {
    const hints = inv.childrenHints.map((h) => `${whereText(h)} (${h.term})`);
    d.push(`**${d.t('childrenHints')}:** ${capped(hints, 5, d.lang)}`, '');
  }
  d.push(d.t('limits'));
}

/** The Markdown document, in Vietnamese or English. */
export function renderInventoryMarkdown(inv: Inventory, lang: Lang = 'vi'): string {
  const d = new Doc(inv, lang);
  const system = typeof inv.organisation.system === 'string' ? inv.organisation.system : undefined;
  const info = regimeInfo(inv.regime);
  d.push(`# ${d.t('title')}: ${system ?? `${d.t('systemUnnamed')} ${d.mark('to-fill')}`}`, '');
  d.push(`> ${d.t('draft', { version: inv.tool.version })}`, '>');
  d.push(`> ${d.t('regime')}: **${lang === 'vi' ? info.title_vi : info.title}** (\`--law ${inv.regime}\`).`, '>');
  d.push(`> ${d.t('refNote')}`);
  summary(d);
  const renderers: Record<string, (d: Doc) => void> = { a: itemA, b: itemB, c: itemC, d: itemD, đ: itemDd, e: itemE, g: itemG, h: itemH, i: itemI };
  for (const item of inv.dossier) {
    section(d, item);
    renderers[item.item]?.(d);
  }
  extras(d);
  form10Section(d);
  formsSection(d);
  todoAll(d);
  scope(d);
  return `${d.lines.join('\n')}\n`;
}
