/**
 * The inventory as a Markdown document a DPO can start from: a summary table, the dossier
 * sections a–i (Decree 13 Art. 24(1), mapped to Decree 356), a data-flow diagram, the to-do
 * list. Vietnamese by default, English with --lang en. Rendered from the JSON inventory only,
 * so `pdscan inventory merge` and `--inventory FILE.md` print the same document.
 */
import { category, isSensitive, regimeInfo, type Regime } from '../../model/categories.js';
import type { CategoryEntry, DossierItem, EvidenceFacts, Inventory, Lang, ObligationEntry, TodoEntry } from './types.js';
import { getField, displayCandidate, type ConfigField } from './config.js';
import { obligationsFile } from '../../rules/catalogue.js';
import {
  CONFIDENCE_LABEL,
  FIELD_LABEL,
  LEVEL_LABEL,
  MARK,
  RECIPIENT_KIND_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  STORAGE_KIND_LABEL,
  countryName,
  deadlineText,
  label,
} from './i18n.js';
import { capped, cell, code, refsText, table, whereText } from './md.js';
import { mermaidDiagram } from './mermaid.js';
import { purposeLabel } from './purposes.js';
import { byRank } from './derive.js';

const T = {
  title: { vi: 'Bản nháp hồ sơ đánh giá tác động xử lý dữ liệu cá nhân', en: 'Draft personal data processing impact assessment' },
  draft: {
    vi: '**Bản nháp, không phải ý kiến pháp lý.** pdscan {version} lập bản này tự động từ kết quả quét mã nguồn và cơ sở dữ liệu. Những gì pdscan không thấy (giấy tờ, quy trình, hợp đồng) phải được bổ sung. Các biện pháp bảo vệ tìm thấy chỉ là bằng chứng, không chứng minh việc tuân thủ. Mục đánh dấu **[CẦN ĐIỀN]** hoặc **[CẦN XÁC NHẬN]** cần người phụ trách bảo vệ dữ liệu cá nhân hoàn thiện trước khi nộp.',
    en: '**Draft, not legal advice.** pdscan {version} drafted this automatically from scans of source code and databases. What pdscan cannot see (paper records, procedures, contracts) must be added. Protection measures found are evidence only, never proof of compliance. Items marked **[TO FILL]** or **[TO CONFIRM]** need the data-protection officer’s input before filing.',
  },
  regime: { vi: 'Chế độ pháp lý', en: 'Legal regime' },
  refNote: {
    vi: 'Căn cứ ghi theo dạng Điều.khoản.điểm: "NĐ 356 Điều 19.3.a" là điểm a khoản 3 Điều 19 Nghị định 356/2025/NĐ-CP; "NĐ 13" là Nghị định 13/2023/NĐ-CP; "Luật 91" là Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.',
    en: 'References read Article.clause.point: "Decree 356 Art. 19.3.a" is Decree 356/2025/ND-CP Article 19, clause 3, point a; "Decree 13" is Decree 13/2023/ND-CP; "Law 91" is the Personal Data Protection Law 91/2025/QH15.',
  },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  scope: { vi: 'Phạm vi quét', en: 'Scope scanned' },
  basic: { vi: 'Dữ liệu cá nhân cơ bản', en: 'Basic personal data' },
  sensitive: { vi: 'Dữ liệu cá nhân nhạy cảm', en: 'Sensitive personal data' },
  purposes: { vi: 'Mục đích xử lý (suy luận, cần xác nhận)', en: 'Processing purposes (inferred, to confirm)' },
  storages: { vi: 'Nơi lưu trữ', en: 'Storages' },
  recipients: { vi: 'Bên nhận dữ liệu', en: 'Recipients' },
  crossBorder: { vi: 'Chuyển dữ liệu ra nước ngoài', en: 'Cross-border transfers' },
  protection: { vi: 'Biện pháp bảo vệ tìm thấy (bằng chứng)', en: 'Protection measures found (evidence)' },
  retention: { vi: 'Bằng chứng lưu trữ, xóa dữ liệu', en: 'Retention and deletion evidence' },
  risks: { vi: 'Rủi ro tìm thấy', en: 'Risks found' },
  obligations: { vi: 'Nghĩa vụ phát sinh', en: 'Obligations triggered' },
  todo: { vi: 'Việc cần làm', en: 'To do' },
  dossierStatus: { vi: 'Tình trạng các mục của hồ sơ', en: 'Status of the dossier items' },
  item: { vi: 'Mục', en: 'Item' },
  result: { vi: 'Kết quả', en: 'Result' },
  content: { vi: 'Nội dung', en: 'Content' },
  status: { vi: 'Tình trạng', en: 'Status' },
  form10: { vi: 'Mẫu số 10 (NĐ 356)', en: 'Form 10 (Decree 356)' },
  legalBasis: { vi: 'Căn cứ', en: 'References' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không thấy', en: 'None found' },
  unknownYet: { vi: 'Chưa rõ', en: 'Unknown' },
  none: { vi: 'Không có', en: 'None' },
  field: { vi: 'Thông tin', en: 'Field' },
  value: { vi: 'Nội dung', en: 'Value' },
  category: { vi: 'Loại dữ liệu', en: 'Category' },
  occurrences: { vi: 'Số lần gặp', en: 'Occurrences' },
  where: { vi: 'Nơi tìm thấy', en: 'Where found' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  purpose: { vi: 'Mục đích', en: 'Purpose' },
  evidence: { vi: 'Bằng chứng', en: 'Evidence' },
  recipient: { vi: 'Bên nhận', en: 'Recipient' },
  country: { vi: 'Quốc gia', en: 'Country' },
  serviceKind: { vi: 'Loại dịch vụ', en: 'Service kind' },
  dataSent: { vi: 'Dữ liệu gửi đi', en: 'Data sent' },
  storage: { vi: 'Nơi lưu trữ', en: 'Storage' },
  kind: { vi: 'Loại', en: 'Kind' },
  data: { vi: 'Dữ liệu', en: 'Data' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  level: { vi: 'Mức', en: 'Level' },
  count: { vi: 'Số lượng', en: 'Count' },
  obligation: { vi: 'Nghĩa vụ', en: 'Obligation' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  why: { vi: 'Vì sao', en: 'Why' },
  toConfirmWhy: { vi: 'Cần xác nhận', en: 'To confirm' },
  refsCurrent: { vi: 'Căn cứ theo Luật 91 và NĐ 356', en: 'References under Law 91 and Decree 356' },
  refsLegacy: { vi: 'Căn cứ theo NĐ 13', en: 'References under Decree 13' },
  exemptions: { vi: 'Miễn trừ có thể áp dụng', en: 'Possible exemptions' },
  exemptionLost: { vi: 'không áp dụng được vì hệ thống có dữ liệu nhạy cảm', en: 'not available because sensitive data was found' },
  note: { vi: 'Ghi chú', en: 'Note' },
  diagram: { vi: 'Sơ đồ luồng dữ liệu', en: 'Data-flow diagram' },
  diagramNote: {
    vi: 'Suy ra từ các luồng dữ liệu trong mã nguồn; bên nhận ở nước ngoài được tô đỏ, bên nhận chưa rõ quốc gia có viền đứt. Nhãn trên mũi tên là mã loại dữ liệu (xem mục d).',
    en: 'Drawn from the data flows found in the code; recipients abroad are shown in red, recipients whose country is unknown with a dashed border. Arrow labels are category IDs (see item d).',
  },
  noDiagram: { vi: 'Không đủ dữ liệu để vẽ sơ đồ. Vẽ sơ đồ luồng dữ liệu của hệ thống.', en: 'Not enough data for a diagram. Draw the system’s data-flow diagram.' },
  regimeDiff: {
    vi: 'Khác biệt giữa hai chế độ: {list} là dữ liệu nhạy cảm theo Nghị định 356 nhưng là dữ liệu cơ bản theo Nghị định 13.',
    en: 'Difference between the regimes: {list} is sensitive under Decree 356 but basic under Decree 13.',
  },
  transferDuty: {
    vi: 'Dữ liệu cá nhân được chuyển ra nước ngoài. Phải lập hồ sơ đánh giá tác động chuyển dữ liệu cá nhân xuyên biên giới và gửi cơ quan chuyên trách bảo vệ dữ liệu cá nhân (Bộ Công an) trong {deadline} kể từ lần chuyển đầu tiên. Xem nghĩa vụ "{title}" ở mục i.',
    en: 'Personal data is transferred abroad. A cross-border transfer impact assessment must be prepared and filed with the data protection authority (Ministry of Public Security) within {deadline} of the first transfer. See the obligation "{title}" in item i.',
  },
  noTransfer: {
    vi: 'Không thấy dữ liệu được gửi cho bên nhận ở nước ngoài trong phạm vi quét.',
    en: 'No personal data was seen going to a recipient abroad in the scanned scope.',
  },
  crossBorderDossier: { vi: 'Nội dung hồ sơ chuyển dữ liệu xuyên biên giới', en: 'Contents of the cross-border transfer dossier' },
  evidenceDisclaimer: {
    vi: 'Các biện pháp dưới đây là dấu vết tìm thấy trong mã nguồn và cơ sở dữ liệu. Chúng là bằng chứng để mô tả, không chứng minh dữ liệu đã được bảo vệ đầy đủ hay việc tuân thủ pháp luật.',
    en: 'The measures below are traces found in the code and databases. They are evidence to describe, not proof that the data is fully protected or that the law is complied with.',
  },
  retentionConfig: { vi: 'Thời hạn lưu trữ đã khai báo', en: 'Declared retention periods' },
  retentionEvidence: { vi: 'Bằng chứng trong mã và dữ liệu', en: 'Evidence in code and data' },
  period: { vi: 'Thời hạn', en: 'Period' },
  deletion: { vi: 'Cách xóa', en: 'Deletion' },
  riskFound: { vi: 'Rủi ro tìm thấy trong mã và dữ liệu', en: 'Risks found in code and data' },
  noRisk: { vi: 'Không thấy rủi ro cụ thể trong mã.', en: 'No specific risk was found in the code.' },
  obligationList: { vi: 'Nghĩa vụ phát sinh', en: 'Obligations triggered' },
  noObligation: { vi: 'Không có nghĩa vụ nào phát sinh từ kết quả quét.', en: 'No obligation follows from the scan results.' },
  extra: { vi: 'Nội dung bổ sung theo Nghị định 356', en: 'Further content required by Decree 356' },
  scopeLimits: { vi: 'Phạm vi và giới hạn', en: 'Scope and limits' },
  target: { vi: 'Đối tượng quét', en: 'Target' },
  stats: { vi: 'Thống kê', en: 'Statistics' },
  problems: { vi: 'Lỗi khi quét', en: 'Problems' },
  limits: {
    vi: 'pdscan chỉ thấy những gì có trong các tệp và cơ sở dữ liệu đã quét. Dữ liệu trong hệ thống khác, trên giấy tờ hoặc được chia sẻ thủ công không có ở đây. Mục đích, bên nhận và quốc gia được suy luận từ mã nguồn và cần được xác nhận.',
    en: 'pdscan sees only the files and databases scanned. Data held in other systems, on paper or shared by hand is not here. Purposes, recipients and countries are inferred from the code and must be confirmed.',
  },
  childrenHints: { vi: 'Tên trường gợi ý dữ liệu trẻ em', en: "Names suggesting children's data" },
  conflict: { vi: 'Các bản kiểm kê được gộp ghi khác nhau', en: 'The merged inventories disagree' },
  andMore: { vi: 'và {n} mục khác', en: 'and {n} more' },
  files: { vi: 'tệp', en: 'files' },
  tables: { vi: 'bảng', en: 'tables' },
  sensitiveMark: { vi: 'nhạy cảm', en: 'sensitive' },
  transferStatusForeign: { vi: 'Ở nước ngoài', en: 'Abroad' },
  kinds: { vi: 'loại', en: 'categories' },
  kind1: { vi: 'loại', en: 'category' },
  foreignOf: { vi: '{n} ở nước ngoài', en: '{n} abroad' },
  mustFile: { vi: 'phải lập hồ sơ đánh giá tác động chuyển dữ liệu xuyên biên giới', en: 'a cross-border transfer impact assessment is required' },
  applyingOf: { vi: '{a} phát sinh, {c} cần xác nhận', en: '{a} apply, {c} to confirm' },
  todoOf: { vi: '{f} cần điền, {c} cần xác nhận', en: '{f} to fill, {c} to confirm' },
  systemUnnamed: { vi: 'hệ thống chưa đặt tên', en: 'unnamed system' },
} as const;

type Key = keyof typeof T;

class Doc {
  readonly lines: string[] = [];
  constructor(
    readonly inv: Inventory,
    readonly lang: Lang,
  ) {}

  t(key: Key, params: Record<string, string | number> = {}): string {
    return T[key][this.lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  mark(kind: 'to-fill' | 'to-confirm'): string {
    return `**[${MARK[kind][this.lang]}]**`;
  }

  todoLines(item: string): string[] {
    return this.inv.todo.filter((t) => t.item === item).map((t) => `- ${this.mark(t.kind)} ${t.text[this.lang]}`);
  }

  catLabel(id: string): string {
    return category(id)[this.lang === 'vi' ? 'label_vi' : 'label_en'];
  }

  catList(ids: string[], regime: Regime): string {
    return [...ids].sort(byRank(regime)).map((id) => (isSensitive(id, regime) ? `**${cell(this.catLabel(id))}**` : cell(this.catLabel(id)))).join('; ');
  }
}

function section(d: Doc, item: DossierItem): void {
  const { lang, inv } = d;
  d.push('', `## ${item.item}. ${item.label[lang]}`, '');
  const parts = [refsText(item.refs['pdpl-2025'], 'pdpl-2025', lang), refsText(item.refs['decree-13'], 'decree-13', lang)].filter(Boolean);
  if (item.form10) parts.push(`${d.t('form10')}: ${item.form10}`);
  d.push(`_${d.t('legalBasis')}: ${parts.join(' · ')}_`);
  if (lang === 'en' && item.note && inv.regime === 'pdpl-2025') d.push('', `> ${item.note}`);
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
    return `${code(t.name)} (${n})`;
  });
  const catLine = (ids: string[]) => (ids.length ? `${ids.length} ${d.t(ids.length === 1 ? 'kind1' : 'kinds')}: ${d.catList(ids, inv.regime)}` : d.t('none'));
  const countries = s.countries.filter((c) => c !== 'VN').map((c) => countryName(c, lang));
  const transferObligation = inv.obligations.find((o) => o.trigger === 'cross-border');
  const cross =
    s.crossBorder === true
      ? `**${d.t('yes')}**: ${d.t('mustFile')}${transferObligation?.deadline ? ` (${deadlineText(transferObligation.deadline, lang)})` : ''}`
      : s.crossBorder === null
        ? `${d.mark('to-confirm')} ${d.t('unknownYet')}`
        : d.t('no');
  const rows: string[][] = [
    [d.t('scope'), scope.join('; ') || d.t('none')],
    [d.t('basic'), catLine(s.basicCategories)],
    [d.t('sensitive'), catLine(s.sensitiveCategories)],
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
  const diff = inv.categories.filter((c) => isSensitive(c.id, 'pdpl-2025') && !isSensitive(c.id, 'decree-13'));
  if (diff.length) d.push('', `> ${d.t('regimeDiff', { list: diff.map((c) => c.label[lang]).join('; ') })}`);
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
  }
  if (inv.transfers.length) {
    d.push(
      '',
      ...table(
        [d.t('recipient'), d.t('country'), d.t('serviceKind'), d.t('dataSent'), d.t('evidence'), d.t('status')],
        inv.transfers.map((t) => [
          cell(t.name),
          recipientCountry(d, inv.recipients.find((r) => r.id === t.recipient) ?? t),
          cell(label(RECIPIENT_KIND_LABEL, t.kind, lang)),
          d.catList(t.categories, inv.regime),
          evidenceList(d, t.evidence),
          t.status === 'foreign' ? `${d.t('transferStatusForeign')}, ${d.mark('to-confirm')}` : d.mark('to-confirm'),
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
          code(t.name),
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
  todoAll(d);
  scope(d);
  return `${d.lines.join('\n')}\n`;
}
