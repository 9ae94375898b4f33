/**
 * Words of the inventory in Vietnamese (default) and English. Instructions are short and plain:
 * they tell a DPO what to do, not how pdscan works.
 */
import type { Bilingual, Lang } from './types.js';
import type { ConfigField } from './config.js';

export const MARK: Record<'to-fill' | 'to-confirm', Bilingual> = {
  'to-fill': { vi: 'CẦN ĐIỀN', en: 'TO FILL' },
  'to-confirm': { vi: 'CẦN XÁC NHẬN', en: 'TO CONFIRM' },
};

export const FIELD_LABEL: Record<ConfigField, Bilingual> = {
  system: { vi: 'Hệ thống được đánh giá', en: 'System assessed' },
  role: { vi: 'Vai trò', en: 'Role' },
  'controller.name': { vi: 'Tên tổ chức', en: 'Name' },
  'controller.address': { vi: 'Địa chỉ trụ sở', en: 'Registered address' },
  'controller.registration_number': { vi: 'Mã số doanh nghiệp / số quyết định thành lập', en: 'Business registration number' },
  'controller.representative': { vi: 'Người đại diện theo pháp luật', en: 'Legal representative' },
  'controller.phone': { vi: 'Số điện thoại liên hệ', en: 'Contact phone' },
  'controller.email': { vi: 'Thư điện tử liên hệ', en: 'Contact e-mail' },
  'controller.website': { vi: 'Trang thông tin điện tử', en: 'Website' },
  'controller.foreign_name': { vi: 'Tên tổ chức (nước ngoài)', en: 'Name in a foreign language' },
  'controller.short_name': { vi: 'Tên tổ chức (viết tắt)', en: 'Short name' },
  'controller.tax_code': { vi: 'Mã số thuế', en: 'Tax code' },
  'controller.business_line': { vi: 'Lĩnh vực kinh doanh có xử lý dữ liệu cá nhân', en: 'Business line involving personal data' },
  'controller.business_code': { vi: 'Mã ngành đăng ký kinh doanh tương ứng', en: 'Registered business line code' },
  'controller.branches': { vi: 'Số lượng chi nhánh, văn phòng đại diện', en: 'Number of branches and representative offices' },
  'dpo.name': { vi: 'Họ tên / tên bộ phận', en: 'Name (person or unit)' },
  'dpo.email': { vi: 'Thư điện tử', en: 'E-mail' },
  'dpo.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'dpo.title': { vi: 'Chức vụ', en: 'Title' },
  'dpo.appointment_decision': { vi: 'Quyết định, văn bản chỉ định, phân công (số, ngày)', en: 'Appointment decision (number, date)' },
  'dpo.organisation': { vi: 'Tổ chức cung cấp dịch vụ bảo vệ dữ liệu (nếu thuê ngoài)', en: 'Data-protection service provider (if outsourced)' },
  processing_start: { vi: 'Ngày bắt đầu xử lý', en: 'Processing start date' },
  legal_basis: { vi: 'Cơ sở pháp lý', en: 'Legal basis' },
  retention: { vi: 'Thời hạn lưu trữ', en: 'Retention periods' },
  deletion_policy: { vi: 'Chính sách xóa, hủy', en: 'Deletion policy' },
  children: { vi: 'Có dữ liệu trẻ em', en: "Children's data" },
  data_subjects: { vi: 'Nhóm chủ thể dữ liệu và số lượng', en: 'Groups of data subjects and numbers' },
  consent: { vi: 'Cách xin sự đồng ý', en: 'How consent is obtained' },
  contracts: { vi: 'Hợp đồng, thỏa thuận xử lý dữ liệu', en: 'Processing contracts and agreements' },
  policies: { vi: 'Chính sách, quy trình bảo vệ dữ liệu', en: 'Data-protection policies and procedures' },
  paid_transfers: { vi: 'Chuyển giao dữ liệu cá nhân có thu phí', en: 'Transfers of personal data are paid' },
  data_exchange: { vi: 'Tham gia hoạt động giao dịch trên sàn dữ liệu', en: 'Trades on a data exchange' },
  processing_services: { vi: 'Kinh doanh dịch vụ xử lý dữ liệu cá nhân', en: 'Sells personal-data processing services' },
  'volume.basic_over_100000': { vi: 'Xử lý dữ liệu cá nhân cơ bản của trên 100.000 chủ thể', en: 'Basic personal data of more than 100,000 people' },
  'volume.sensitive_over_10000': { vi: 'Xử lý dữ liệu cá nhân nhạy cảm của trên 10.000 chủ thể', en: 'Sensitive personal data of more than 10,000 people' },
};

export const ROLE_LABEL: Record<string, Bilingual> = {
  controller: { vi: 'Bên kiểm soát dữ liệu cá nhân', en: 'Controller' },
  processor: { vi: 'Bên xử lý dữ liệu cá nhân', en: 'Processor' },
  'controller-processor': { vi: 'Bên kiểm soát và xử lý dữ liệu cá nhân', en: 'Controller and processor' },
};

type Params = Record<string, string>;
const fill = (s: string, p: Params) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

/** Instructions of the to-do list, by key. `{field}`, `{label}`, `{values}`, `{names}` are filled in. */
const TODO: Record<string, Bilingual> = {
  system: { vi: 'Đặt tên hệ thống, dự án được đánh giá (inventory.system).', en: 'Name the system or project assessed (inventory.system).' },
  role: {
    vi: 'Ghi rõ vai trò của tổ chức: bên kiểm soát, bên xử lý, hay bên kiểm soát và xử lý (inventory.role).',
    en: 'State the organisation’s role: controller, processor, or controller-processor (inventory.role).',
  },
  controller: { vi: 'Điền {label} của bên kiểm soát dữ liệu (inventory.{field} trong .pdscan.yml).', en: 'Fill in the controller’s {label} (inventory.{field} in .pdscan.yml).' },
  dpo: {
    vi: 'Điền {label} của bộ phận, nhân sự bảo vệ dữ liệu cá nhân (inventory.{field}).',
    en: 'Fill in the data-protection officer’s {label} (inventory.{field}).',
  },
  conflict: {
    vi: 'Các bản kiểm kê được gộp ghi khác nhau cho inventory.{field}: {values}. Chọn giá trị đúng và ghi vào .pdscan.yml.',
    en: 'The merged inventories disagree on inventory.{field}: {values}. Choose the right value and put it in .pdscan.yml.',
  },
  purposes: {
    vi: 'Xác nhận từng mục đích suy luận từ mã nguồn: giữ mục đúng, bỏ mục sai, bổ sung mục đích không thể hiện trong mã.',
    en: 'Confirm each purpose inferred from the code: keep the right ones, remove wrong ones, add purposes the code does not show.',
  },
  'purposes.none': {
    vi: 'Không suy luận được mục đích nào từ mã nguồn. Liệt kê các mục đích xử lý dữ liệu cá nhân.',
    en: 'No purpose could be inferred from the code. List the purposes for which personal data is processed.',
  },
  legal_basis: {
    vi: 'Ghi cơ sở pháp lý của từng mục đích: sự đồng ý, hợp đồng, nghĩa vụ pháp lý... (inventory.legal_basis).',
    en: 'Give the legal basis of each purpose: consent, contract, legal obligation... (inventory.legal_basis).',
  },
  categories: {
    vi: 'Kiểm tra danh sách loại dữ liệu: bỏ phát hiện sai, bổ sung dữ liệu thu thập ngoài hệ thống (giấy tờ, thư điện tử, tổng đài...).',
    en: 'Check the list of categories: remove false detections, add data collected outside the system (paper forms, e-mail, call centre...).',
  },
  'categories.none': {
    vi: 'Không tìm thấy dữ liệu cá nhân trong phạm vi quét. Nếu hệ thống có xử lý, liệt kê các loại dữ liệu.',
    en: 'No personal data was found in the scanned scope. If the system processes any, list the categories.',
  },
  recipients: {
    vi: 'Với mỗi bên nhận: xác nhận là bên xử lý hay bên thứ ba, và đã có hợp đồng, thỏa thuận xử lý dữ liệu bằng văn bản.',
    en: 'For each recipient: confirm whether it is a processor or a third party, and that a written processing agreement exists.',
  },
  'recipients.none': {
    vi: 'Không thấy bên nhận nào trong mã nguồn. Liệt kê các bên nhận khác (chia sẻ thủ công, xuất tệp, đối tác).',
    en: 'No recipient was found in the code. List any others (manual sharing, file exports, partners).',
  },
  transfers: {
    vi: 'Xác nhận các lần chuyển dữ liệu ra nước ngoài dưới đây và lập hồ sơ đánh giá tác động chuyển dữ liệu xuyên biên giới (nộp trong 60 ngày).',
    en: 'Confirm the transfers abroad below and prepare the cross-border transfer impact assessment (file within 60 days).',
  },
  'transfers.unknown': {
    vi: 'Chưa rõ quốc gia xử lý dữ liệu của: {names}. Xác nhận nơi đặt máy chủ của các bên này.',
    en: 'Country of processing unknown for: {names}. Confirm where their servers are.',
  },
  hosting: {
    vi: 'Xác nhận nơi đặt máy chủ, cơ sở dữ liệu và dịch vụ đám mây của chính hệ thống; lưu trữ ngoài Việt Nam cũng là chuyển dữ liệu xuyên biên giới.',
    en: 'Confirm where the system’s own servers, databases and cloud services are hosted; hosting outside Vietnam is also a cross-border transfer.',
  },
  processing_start: {
    vi: 'Ghi ngày bắt đầu xử lý dữ liệu (inventory.processing_start); hồ sơ đánh giá tác động nộp trong 60 ngày kể từ ngày này.',
    en: 'Give the date processing started (inventory.processing_start); the impact assessment is due within 60 days of it.',
  },
  retention: {
    vi: 'Ghi thời hạn lưu trữ cho từng loại dữ liệu (inventory.retention).',
    en: 'Give the retention period of each kind of data (inventory.retention).',
  },
  'retention.evidence': {
    vi: 'Ghi thời hạn lưu trữ cho từng loại dữ liệu (inventory.retention); đối chiếu với bằng chứng tìm thấy trong mã ở mục g.',
    en: 'Give the retention period of each kind of data (inventory.retention); check it against the evidence found in the code (item g).',
  },
  deletion_policy: {
    vi: 'Mô tả cách xóa, hủy dữ liệu khi hết thời hạn hoặc khi người dùng yêu cầu (inventory.deletion_policy).',
    en: 'Describe how data is deleted or destroyed when the period ends or a person asks (inventory.deletion_policy).',
  },
  protection: {
    vi: 'Xác nhận các biện pháp tìm thấy thực sự được áp dụng cho mọi bản sao dữ liệu (bản sao lưu, nhật ký, môi trường thử nghiệm).',
    en: 'Confirm that the measures found are really applied to every copy of the data (backups, logs, test environments).',
  },
  'protection.none': {
    vi: 'Không thấy dấu hiệu mã hóa, băm hoặc che dữ liệu trong phạm vi quét. Mô tả các biện pháp kỹ thuật đang áp dụng.',
    en: 'No sign of encryption, hashing or masking was found in the scanned scope. Describe the technical measures in place.',
  },
  'protection.management': {
    vi: 'Mô tả biện pháp quản lý: phân quyền truy cập, quy trình, đào tạo, tiêu chuẩn áp dụng, kết quả tự đánh giá.',
    en: 'Describe the management measures: access rights, procedures, training, standards applied, self-assessment results.',
  },
  'risk-assessment': {
    vi: 'Đánh giá mức độ ảnh hưởng, hậu quả, thiệt hại có thể xảy ra với chủ thể dữ liệu và biện pháp giảm thiểu; các rủi ro tìm thấy trong mã là điểm bắt đầu.',
    en: 'Assess the impact and the possible harm to data subjects, and the mitigations; the risks found in the code are a starting point.',
  },
  obligation: { vi: 'Xác nhận nghĩa vụ "{title}": {reason}', en: 'Confirm the obligation "{title}": {reason}' },
  children: {
    vi: 'Cho biết hệ thống có xử lý dữ liệu của trẻ em (dưới 16 tuổi) không: inventory.children: true hoặc false.',
    en: 'Say whether the system processes data of children (under 16): inventory.children: true or false.',
  },
  'children.hints': {
    vi: 'Cho biết hệ thống có xử lý dữ liệu của trẻ em (dưới 16 tuổi) không: inventory.children: true hoặc false. Tên trường gợi ý có: {names}.',
    en: 'Say whether the system processes data of children (under 16): inventory.children: true or false. Field names suggest it: {names}.',
  },
  consent: { vi: 'Mô tả cách xin và lưu bằng chứng sự đồng ý (inventory.consent).', en: 'Describe how consent is asked for and how proof is kept (inventory.consent).' },
  data_subjects: {
    vi: 'Ghi các nhóm chủ thể dữ liệu và số lượng ước tính (inventory.data_subjects).',
    en: 'List the groups of data subjects and their estimated numbers (inventory.data_subjects).',
  },
  contracts: {
    vi: 'Đính kèm bản sao hợp đồng, thỏa thuận xử lý dữ liệu với các bên nhận (inventory.contracts).',
    en: 'Attach copies of the processing contracts and agreements with recipients (inventory.contracts).',
  },
  policies: {
    vi: 'Đính kèm chính sách, quy trình, biểu mẫu bảo vệ dữ liệu cá nhân (inventory.policies).',
    en: 'Attach the data-protection policies, procedures and forms (inventory.policies).',
  },
};

/** `enParams` when the English text needs different words (labels) than the Vietnamese one. */
export function todoText(key: string, params: Params = {}, enParams: Params = params): Bilingual {
  const t = TODO[key];
  if (!t) throw new Error(`no to-do text for ${key}`);
  return { vi: fill(t.vi, params), en: fill(t.en, enParams) };
}

export type ConfirmReasonKey = 'children-unknown' | 'country-unknown' | 'transfer-exemption';

export const CONFIRM_REASON: Record<ConfirmReasonKey, Bilingual> = {
  'children-unknown': {
    vi: 'pdscan không biết hệ thống có dữ liệu trẻ em hay không; ghi inventory.children: true hoặc false.',
    en: 'pdscan cannot tell whether the system holds children’s data; set inventory.children: true or false.',
  },
  'country-unknown': {
    vi: 'chưa rõ bên nhận xử lý dữ liệu ở nước nào: {names}.',
    en: 'the country where these recipients process data is unknown: {names}.',
  },
  'transfer-exemption': {
    vi: 'mọi bên nhận ở nước ngoài tìm thấy ({names}) đều có thể được miễn đánh giá tác động chuyển dữ liệu xuyên biên giới (Nghị định 356 Điều 17.3) nếu chỉ gửi dữ liệu cần cho việc thanh toán, chuyển tiền, vận chuyển; nếu gửi nhiều hơn, nghĩa vụ này áp dụng.',
    en: 'every recipient abroad found ({names}) may be exempt from the cross-border transfer assessment (Decree 356 Art. 17.3) if only the data the payment, remittance or shipment needs is sent; if more is sent, this duty applies.',
  },
};

export function confirmReason(key: ConfirmReasonKey, params: Params = {}): Bilingual {
  const t = CONFIRM_REASON[key];
  return { vi: fill(t.vi, params), en: fill(t.en, params) };
}

/** "60 days" → "60 ngày"; the grammar of rules/obligations.yml deadlines. */
export function deadlineText(d: string, lang: Lang): string {
  if (lang === 'en') return d;
  const m = /^(\d+)\s+(hours?|days?|working days?)$/.exec(d.trim());
  if (!m) return d;
  const unit = m[2]!.startsWith('hour') ? 'giờ' : m[2]!.startsWith('working') ? 'ngày làm việc' : 'ngày';
  return `${m[1]} ${unit}`;
}

export const STATUS_LABEL: Record<string, Bilingual> = {
  filled: { vi: 'Đã có', en: 'Filled' },
  partial: { vi: 'Một phần', en: 'Partly filled' },
  'to-confirm': { vi: 'Cần xác nhận', en: 'To confirm' },
  'to-fill': { vi: 'Cần điền', en: 'To fill' },
  applies: { vi: 'Phát sinh', en: 'Applies' },
};

export const CONFIDENCE_LABEL: Record<string, Bilingual> = {
  high: { vi: 'cao', en: 'high' },
  medium: { vi: 'trung bình', en: 'medium' },
  low: { vi: 'thấp', en: 'low' },
};

export const LEVEL_LABEL = CONFIDENCE_LABEL;

export const STORAGE_KIND_LABEL: Record<string, Bilingual> = {
  model: { vi: 'mô hình dữ liệu', en: 'data model' },
  table: { vi: 'bảng', en: 'table' },
  collection: { vi: 'collection', en: 'collection' },
  logs: { vi: 'nhật ký ứng dụng', en: 'application logs' },
  'app-storage': { vi: 'lưu trữ của ứng dụng', en: 'application storage' },
  'cloud-storage': { vi: 'lưu trữ đám mây', en: 'cloud storage' },
  database: { vi: 'cơ sở dữ liệu', en: 'database' },
  cache: { vi: 'bộ nhớ đệm', en: 'cache' },
  file: { vi: 'tệp', en: 'file' },
};

export const RECIPIENT_KIND_LABEL: Record<string, Bilingual> = {
  payment: { vi: 'thanh toán', en: 'payments' },
  ai: { vi: 'trí tuệ nhân tạo', en: 'AI' },
  'error-tracker': { vi: 'theo dõi lỗi', en: 'error tracking' },
  analytics: { vi: 'phân tích', en: 'analytics' },
  advertising: { vi: 'quảng cáo', en: 'advertising' },
  email: { vi: 'thư điện tử', en: 'e-mail' },
  sms: { vi: 'tin nhắn SMS', en: 'SMS' },
  push: { vi: 'thông báo đẩy', en: 'push notifications' },
  chat: { vi: 'nhắn tin', en: 'messaging' },
  'cloud-storage': { vi: 'lưu trữ đám mây', en: 'cloud storage' },
  database: { vi: 'cơ sở dữ liệu đám mây', en: 'cloud database' },
  'http-api': { vi: 'dịch vụ API', en: 'API service' },
  crm: { vi: 'quản lý khách hàng (CRM)', en: 'CRM' },
  identity: { vi: 'định danh, xác thực', en: 'identity' },
  maps: { vi: 'bản đồ', en: 'maps' },
  shipping: { vi: 'vận chuyển', en: 'shipping' },
  insurer: { vi: 'bảo hiểm (sức khỏe, nhân thọ)', en: 'insurer (health, life)' },
};

export function label(map: Record<string, Bilingual>, key: string | undefined, lang: Lang): string {
  if (!key) return '';
  return map[key]?.[lang] ?? key;
}

/** Country names for the codes seen most; others are shown as the ISO code. */
const COUNTRY: Record<string, Bilingual> = {
  VN: { vi: 'Việt Nam', en: 'Vietnam' },
  US: { vi: 'Hoa Kỳ', en: 'United States' },
  SG: { vi: 'Singapore', en: 'Singapore' },
  JP: { vi: 'Nhật Bản', en: 'Japan' },
  KR: { vi: 'Hàn Quốc', en: 'South Korea' },
  CN: { vi: 'Trung Quốc', en: 'China' },
  HK: { vi: 'Hồng Kông', en: 'Hong Kong' },
  TW: { vi: 'Đài Loan', en: 'Taiwan' },
  IE: { vi: 'Ireland', en: 'Ireland' },
  DE: { vi: 'Đức', en: 'Germany' },
  FR: { vi: 'Pháp', en: 'France' },
  GB: { vi: 'Vương quốc Anh', en: 'United Kingdom' },
  NL: { vi: 'Hà Lan', en: 'Netherlands' },
  AU: { vi: 'Úc', en: 'Australia' },
  IN: { vi: 'Ấn Độ', en: 'India' },
  ID: { vi: 'Indonesia', en: 'Indonesia' },
  TH: { vi: 'Thái Lan', en: 'Thailand' },
  MY: { vi: 'Malaysia', en: 'Malaysia' },
  CA: { vi: 'Canada', en: 'Canada' },
  SE: { vi: 'Thụy Điển', en: 'Sweden' },
  FI: { vi: 'Phần Lan', en: 'Finland' },
  CH: { vi: 'Thụy Sĩ', en: 'Switzerland' },
  BR: { vi: 'Brazil', en: 'Brazil' },
};

export function countryName(code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'vi' ? 'chưa rõ' : 'unknown';
  const n = COUNTRY[code];
  return n ? `${n[lang]} (${code})` : code;
}
