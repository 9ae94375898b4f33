/**
 * Synthetic scan results for the inventory tests: one code scan (values, an aggregate,
 * declarations, flows to Vietnamese and foreign recipients, risks, evidence) and one database
 * scan (column findings). Every value is made up; the tests check none of them leaks.
 */
import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/model/result.js';

const loc = (path: string, line: number, column = 1) => ({ path, line, column });

function finding(f: Partial<Finding> & Pick<Finding, 'ruleId' | 'kind' | 'category'>): Finding {
  return { categories: [f.category], confidence: 'high', score: 0.9, message: f.ruleId, ...f };
}

export const CODE_VALUES = ['079203001234', '0912345678', 'tran.thi.lan.1990@gmail.com', '4532015112830366'];

export function codeScan(): ScanResult {
  return {
    target: { kind: 'files', name: 'shop-api' },
    findings: [
      finding({ ruleId: 'vn-cccd', kind: 'value', category: 'national-id', value: CODE_VALUES[0], location: loc('seed/customers.sql', 4, 30) }),
      finding({ ruleId: 'vn-phone', kind: 'value', category: 'phone', value: CODE_VALUES[1], location: loc('seed/customers.sql', 4, 48), confidence: 'medium', score: 0.7 }),
      finding({
        ruleId: 'email',
        kind: 'aggregate',
        category: 'digital-account',
        value: CODE_VALUES[2],
        count: 120,
        location: loc('seed/customers.csv', 2, 20),
        sampleLocations: [loc('seed/customers.csv', 2, 20), loc('seed/customers.csv', 3, 20)],
      }),
      finding({
        ruleId: 'pd-declared-field',
        kind: 'declaration',
        category: 'national-id',
        location: loc('prisma/schema.prisma', 12, 3),
        logicalLocations: [{ kind: 'model', name: 'KhachHang' }, { kind: 'member', name: 'so_cccd', fullyQualifiedName: 'KhachHang.so_cccd' }],
        properties: { model: 'KhachHang', field: 'so_cccd', framework: 'prisma', store: 'postgresql' },
      }),
      finding({
        ruleId: 'pd-declared-field',
        kind: 'declaration',
        category: 'health',
        location: loc('prisma/schema.prisma', 14, 3),
        properties: { model: 'KhachHang', field: 'tien_su_benh', framework: 'prisma' },
      }),
      finding({
        ruleId: 'pd-declared-field',
        kind: 'declaration',
        category: 'date-of-birth',
        location: loc('src/customers/create-customer.dto.ts', 8, 3),
        properties: { model: 'CreateCustomerDto', field: 'ngaySinh', framework: 'class-validator', input: true },
      }),
      finding({
        ruleId: 'pd-declared-field',
        kind: 'declaration',
        category: 'full-name',
        location: loc('src/students/student.entity.ts', 5, 3),
        properties: { model: 'HocSinh', field: 'hoTenPhuHuynh', framework: 'typeorm' },
        confidence: 'medium',
      }),
      finding({
        ruleId: 'pd-third-party-sensitive',
        kind: 'flow',
        category: 'financial',
        categories: ['financial', 'full-name'],
        location: loc('src/orders/orders.service.ts', 40, 5),
        flow: [
          { location: loc('src/orders/orders.controller.ts', 12, 20), message: '@Body() dto' },
          { location: loc('src/orders/orders.service.ts', 40, 5), message: 'stripe.paymentIntents.create' },
        ],
        properties: {
          sink: 'payment',
          recipient: { id: 'stripe', name: 'Stripe', country: 'US', kind: 'payment' },
          crossBorder: true,
          purposes: ['essential.service.payment_processing'],
        },
      }),
      finding({
        ruleId: 'pd-third-party',
        kind: 'flow',
        category: 'phone',
        location: loc('src/orders/orders.service.ts', 55, 5),
        flow: [
          { location: loc('src/orders/orders.controller.ts', 12, 20), message: '@Body() dto' },
          { location: loc('src/orders/orders.service.ts', 55, 5), message: 'momo.create' },
        ],
        properties: { sink: 'payment', recipient: { id: 'momo', name: 'MoMo (M_Service)', country: 'VN', kind: 'payment' }, crossBorder: false, purposes: ['essential.service.payment_processing'] },
      }),
      finding({
        ruleId: 'pd-cross-border',
        kind: 'flow',
        category: 'digital-account',
        categories: ['digital-account', 'full-name'],
        location: loc('src/marketing/newsletter.ts', 21, 3),
        flow: [
          { location: loc('src/customers/customers.service.ts', 30, 9), message: 'prisma.khachHang.findMany' },
          { location: loc('src/marketing/newsletter.ts', 21, 3), message: 'sgMail.send' },
        ],
        properties: {
          sink: 'messaging',
          recipient: { id: 'sendgrid', name: 'Twilio SendGrid', country: 'US', kind: 'email' },
          crossBorder: true,
          purposes: [{ key: 'marketing.communications.email', evidence: 'function name sendPromotion' }],
        },
      }),
      finding({
        ruleId: 'pd-cross-border',
        kind: 'flow',
        category: 'id-document-image',
        location: loc('src/kyc/upload.ts', 18, 3),
        flow: [
          { location: loc('src/kyc/kyc.controller.ts', 9, 3), message: '@UploadedFile() file' },
          { location: loc('src/kyc/upload.ts', 18, 3), message: 's3.send(PutObjectCommand)' },
        ],
        properties: {
          sink: 'storage',
          recipient: { id: 'aws-s3', name: 'Amazon S3', country: 'SG', kind: 'cloud-storage', region: 'ap-southeast-1' },
          crossBorder: true,
          purposes: ['essential.service'],
        },
      }),
      finding({
        ruleId: 'pd-third-party',
        kind: 'flow',
        category: 'address',
        location: loc('src/shipping/ghn.ts', 30, 3),
        flow: [{ location: loc('src/orders/orders.controller.ts', 12, 20), message: '@Body() dto' }],
        properties: { sink: 'http', host: 'partner-api.example-logistics.io', purposes: ['third_party_sharing'] },
      }),
      finding({
        ruleId: 'pd-log',
        kind: 'flow',
        category: 'national-id',
        location: loc('src/customers/customers.service.ts', 22, 5),
        flow: [
          { location: loc('src/customers/customers.controller.ts', 15, 20), message: '@Body() dto' },
          { location: loc('src/customers/customers.service.ts', 22, 5), message: 'logger.info' },
        ],
        properties: { sink: 'log', purposes: ['essential.service.operations'] },
      }),
      finding({
        ruleId: 'pd-plaintext-credential',
        kind: 'risk',
        category: 'credentials',
        level: 'high',
        location: loc('src/auth/auth.service.ts', 44, 7),
        message: 'Password stored without hashing',
      }),
      finding({
        ruleId: 'vn-phone',
        kind: 'value',
        category: 'phone',
        value: '0987654321',
        location: loc('test/fixtures/sample.txt', 1, 1),
        suppression: { kind: 'inSource', justification: 'test data' },
      }),
    ],
    evidence: [
      { kind: 'protection', key: 'hashing:bcrypt', description: 'Passwords hashed with bcrypt', categories: ['credentials'], location: loc('src/auth/auth.service.ts', 30, 5) },
      { kind: 'protection', key: 'encryption:aes-256-gcm', description: 'Field encryption with AES-256-GCM', categories: ['health'], location: loc('src/common/crypto.ts', 6, 3) },
      { kind: 'retention', key: 'deletion-job', description: 'Scheduled job deleting orders older than 5 years', location: loc('src/jobs/purge.job.ts', 14, 3) },
    ],
    problems: [{ where: 'src/broken.ts', message: 'could not parse: unexpected token' }],
    stats: { filesScanned: 42, bytesScanned: 81234, linesScanned: 2345 },
  };
}

export const DB_VALUES = ['001085012345', '0903123456', 'nguyen.van.binh.85@yahoo.com.vn', '19036512345678'];

function column(table: string, col: string, category: string, value: string, ratio: number, confidence: Finding['confidence'] = 'high'): Finding {
  return finding({
    ruleId: `db-${category}`,
    kind: 'column',
    category,
    confidence,
    value,
    message: `Column "${table}"."${col}" holds ${category}`,
    location: loc(`db/postgres/bank/public.${table}`, 1, 1),
    logicalLocations: [
      { kind: 'database', name: 'bank' },
      { kind: 'schema', name: 'public' },
      { kind: 'table', name: table },
      { kind: 'column', name: col },
    ],
    properties: { engine: 'postgres', database: 'bank', schema: 'public', table, column: col, type: 'text', matchRatio: ratio, sampled: 1000 },
  });
}

export function dbScan(): ScanResult {
  return {
    target: { kind: 'database', name: 'postgres://db.internal:5432/bank', engine: 'postgres' },
    findings: [
      column('khach_hang', 'so_cccd', 'national-id', DB_VALUES[0]!, 0.98),
      column('khach_hang', 'sdt', 'phone', DB_VALUES[1]!, 0.95),
      column('khach_hang', 'email', 'digital-account', DB_VALUES[2]!, 0.99),
      column('tai_khoan', 'so_tai_khoan', 'financial', DB_VALUES[3]!, 0.9),
      column('ghi_chu', 'noi_dung', 'national-id', DB_VALUES[0]!, 0.02, 'low'),
      column('hoc_sinh', 'ngay_sinh', 'date-of-birth', '2012-05-14', 1),
    ],
    evidence: [
      {
        kind: 'protection',
        key: 'hashing:sha256',
        description: 'Column values look like SHA-256 hashes',
        categories: ['credentials'],
        logicalLocations: [
          { kind: 'database', name: 'bank' },
          { kind: 'schema', name: 'public' },
          { kind: 'table', name: 'nguoi_dung' },
          { kind: 'column', name: 'mat_khau' },
        ],
      },
    ],
    problems: [],
    stats: { tablesScanned: 7, columnsScanned: 41, rowsSampled: 5200 },
  };
}

export const ORGANISATION = {
  system: 'Cửa hàng trực tuyến An Phát (shop-api)',
  role: 'controller',
  controller: {
    name: 'Công ty TNHH Thương mại An Phát (giả định)',
    address: 'Số 1 Đường Thử Nghiệm, Phường Mẫu, TP. Hồ Chí Minh',
    registration_number: '0300000000',
    representative: 'Giám đốc (giả định)',
    phone: '028 0000 0000',
    email: 'privacy@anphat.example',
  },
  dpo: { name: 'Bộ phận Pháp chế', email: 'dpo@anphat.example', phone: null },
  processing_start: '2026-01-15',
  legal_basis: ['Sự đồng ý của khách hàng', 'Thực hiện hợp đồng mua bán'],
  retention: [{ data: 'Đơn hàng', period: '5 năm', deletion: 'Tác vụ xóa hằng đêm' }],
  children: null,
};
