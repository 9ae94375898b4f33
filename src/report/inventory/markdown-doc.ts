/**
 * The words of the Markdown inventory in both languages, and the document being written: lines,
 * phrases with parameters, the to-fill / to-confirm marks and category labels. The sections
 * themselves are written by markdown.ts.
 */
import { categoryLabel, isSensitive, type Regime } from '../../model/categories.js';
import type { Inventory, Lang } from './types.js';
import { MARK } from './i18n.js';
import { cell } from './md.js';
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
  precaution: {
    vi: 'Mức cao để thận trọng (không phải dữ liệu nhạy cảm theo luật)',
    en: 'High level as a precaution (not sensitive data by law)',
  },
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
  form09Type: { vi: 'Loại chuyển (Mẫu số 09 mục II.1)', en: 'Transfer type (Form 09 section II.1)' },
  transferExemption: { vi: 'Miễn đánh giá tác động (NĐ 356 Điều 17.3)', en: 'Assessment exemption (Decree 356 Art. 17.3)' },
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
  transferStatusExempt: { vi: 'có thể được miễn đánh giá tác động (NĐ 356 Điều 17.3)', en: 'may be exempt from the assessment (Decree 356 Art. 17.3)' },
  transferDutyExempt: {
    vi: 'Dữ liệu cá nhân được chuyển ra nước ngoài, nhưng chỉ cho các bên nhận có thể được miễn đánh giá tác động chuyển dữ liệu xuyên biên giới (Nghị định 356 Điều 17.3): cần xác nhận chỉ gửi dữ liệu cần cho thủ tục đó. Nếu không, xem nghĩa vụ "{title}" ở mục i.',
    en: 'Personal data is transferred abroad, but only to recipients that may be exempt from the cross-border transfer assessment (Decree 356 Art. 17.3): confirm that only the data that procedure needs is sent. Otherwise see the obligation "{title}" in item i.',
  },
  mayBeExempt: { vi: 'có thể được miễn đánh giá tác động chuyển dữ liệu xuyên biên giới (NĐ 356 Điều 17.3)', en: 'the cross-border transfer assessment may not be required (Decree 356 Art. 17.3)' },
  kinds: { vi: 'loại', en: 'categories' },
  kind1: { vi: 'loại', en: 'category' },
  foreignOf: { vi: '{n} ở nước ngoài', en: '{n} abroad' },
  mustFile: { vi: 'phải lập hồ sơ đánh giá tác động chuyển dữ liệu xuyên biên giới', en: 'a cross-border transfer impact assessment is required' },
  applyingOf: { vi: '{a} phát sinh, {c} cần xác nhận', en: '{a} apply, {c} to confirm' },
  todoOf: { vi: '{f} cần điền, {c} cần xác nhận', en: '{f} to fill, {c} to confirm' },
  systemUnnamed: { vi: 'hệ thống chưa đặt tên', en: 'unnamed system' },
  // Decree 356 Form 10 field by field and the forms to file (form10.ts)

  f10Heading: { vi: 'Mẫu số 10 theo từng trường (Nghị định 356)', en: 'Form 10 field by field (Decree 356)' },
  f10Intro: {
    vi: 'Các trường của Mẫu số 10, theo đúng thứ tự của mẫu. pdscan điền những gì thấy được khi quét (cần xác nhận); các trường **[CẦN ĐIỀN]** lấy từ khối `inventory:` trong `.pdscan.yml` (khóa ghi trong ngoặc).',
    en: 'The fields of Form 10, in the form’s order. pdscan fills in what a scan can see (to confirm); fields marked **[TO FILL]** come from the `inventory:` block of `.pdscan.yml` (key in brackets).',
  },
  f10PartA1: { vi: 'Phần A, mục I. Thông tin cơ bản của bên nộp hồ sơ', en: 'Part A, section I. Basic information of the filing party' },
  f10PartA2: { vi: 'Phần A, mục II. Hoạt động xử lý dữ liệu cá nhân', en: 'Part A, section II. Processing activities' },
  f10PartA3: { vi: 'Phần A, mục III.2.3. Ngưỡng đánh giá tác động đến an ninh quốc gia, trật tự an toàn xã hội', en: 'Part A, section III.2.3. Thresholds for assessing the impact on national security and public order' },
  f10No: { vi: 'Số', en: 'No.' },
  f10Field: { vi: 'Trường của mẫu', en: 'Form field' },
  f10Value: { vi: 'Nội dung', en: 'Value' },
  f10Box: { vi: 'Ô', en: 'Box' },
  f10Found: { vi: 'Có (pdscan tìm thấy)', en: 'Yes (found by pdscan)' },
  f10FoundEither: {
    vi: 'pdscan tìm thấy dữ liệu thuộc nhóm này nhưng không phân biệt được ô nào; tích ô đúng',
    en: 'pdscan found data of this group but cannot tell which box; tick the right one',
  },
  f10NotFound: { vi: 'Không thấy khi quét', en: 'Not seen in the scan' },
  f10Yes: { vi: 'Có', en: 'Yes' },
  f10NoAnswer: { vi: 'Không', en: 'No' },
  f10Totals: { vi: 'Tổng số loại dữ liệu cá nhân cơ bản / nhạy cảm (theo kết quả quét)', en: 'Number of basic / sensitive data types (from the scan)' },
  f10Role: { vi: '1. Vai trò xử lý dữ liệu cá nhân của bên kê khai hồ sơ', en: '1. Processing role of the filing party' },
  f10Transfers: { vi: '7. Chuyển giao dữ liệu cá nhân (Điều 17 Luật Bảo vệ dữ liệu cá nhân)', en: '7. Transfers of personal data (Law 91 Art. 17)' },
  f10CrossBorder: { vi: '10. Chuyển dữ liệu cá nhân xuyên biên giới', en: '10. Cross-border transfers' },
  f10RecipientsSeen: { vi: 'Có: pdscan thấy {n} bên nhận (xem mục đ)', en: 'Yes: pdscan saw {n} recipients (see item đ)' },
  f10NoRecipient: { vi: 'Không thấy bên nhận khi quét', en: 'No recipient seen in the scan' },
  f10AbroadSeen: { vi: 'Có: xem mục e', en: 'Yes: see item e' },
  f10AbroadUnknown: { vi: 'Chưa rõ quốc gia của một số bên nhận (xem mục e)', en: 'The country of some recipients is unknown (see item e)' },
  f10SensitiveBoxes: { vi: '3.2. Dữ liệu cá nhân nhạy cảm (khoản 1 Điều 4 Nghị định 356)', en: '3.2. Sensitive personal data (Decree 356 Art. 4.1)' },
  f10ThresholdNote: {
    vi: 'Số lượng chủ thể dữ liệu không thấy được qua mã nguồn. Khi một trong hai ô là "Có", Phần A mục III phải có đánh giá tác động đến an ninh quốc gia, trật tự an toàn xã hội (mục 2.3).',
    en: 'The number of data subjects cannot be seen in code. When either box is "Yes", Part A section III must assess the impact on national security and public order (point 2.3).',
  },
  f10SensitiveNote: {
    vi: 'Không ô nào có thể bỏ trống chỉ vì pdscan không thấy: dữ liệu nằm ngoài phạm vi quét vẫn phải được kê khai.',
    en: 'No box may be left empty only because pdscan did not see it: data outside the scanned scope must still be declared.',
  },
  f10Forms: { vi: 'Biểu mẫu gửi cơ quan chuyên trách bảo vệ dữ liệu cá nhân', en: 'Forms to file with the data protection authority' },
  f10FormsAbroad: { vi: 'khi chuyển dữ liệu ra nước ngoài', en: 'when data goes abroad' },
  f10Form: { vi: 'Mẫu số', en: 'Form' },
  f10FormAsks: { vi: 'Mẫu số {form} gồm:', en: 'Form {form} asks for:' },
  f10GroupController: { vi: 'Tổ chức', en: 'Organisation' },
  f10GroupDpo: { vi: 'Người phụ trách bảo vệ dữ liệu cá nhân', en: 'Data protection officer' },
} as const;

type Key = keyof typeof T;

export class Doc {
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
    return categoryLabel(id, this.inv.regime)[this.lang];
  }

  catList(ids: string[], regime: Regime): string {
    // Bold when the inventory judged the category sensitive from its findings (kindsOf).
    const judged = (id: string) => this.inv.categories.find((c) => c.id === id)?.sensitive ?? isSensitive(id, regime);
    return [...ids].sort(byRank(regime)).map((id) => (judged(id) ? `**${cell(this.catLabel(id))}**` : cell(this.catLabel(id)))).join('; ');
  }
}
