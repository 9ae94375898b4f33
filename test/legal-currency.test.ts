/**
 * What is sensitive BY LAW under each regime (Law 91/2025 + Decree 356/2025 vs Decree 13/2023),
 * what pdscan only flags as a precaution, and the detectors that follow from it: e-identity and
 * bank/e-wallet logins vs ordinary passwords, blood type per regime, balances and transaction
 * amounts. Sources: rules/LEGAL-SOURCES.md.
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { Classifier } from '../src/classify/engine.js';
import { categoryLabel, isPrecaution, isSensitive, legalRefs } from '../src/model/categories.js';
import { findingLevel } from '../src/report/level.js';
import { toSarif } from '../src/report/sarif.js';
import { ruleCatalog } from '../src/rules/meta/index.js';
import type { Finding } from '../src/model/finding.js';
import type { Regime } from '../src/model/categories.js';

const rules = loadRules();
const classifier = new Classifier(rules);
const categoriesIn = (text: string) => [...new Set(classifier.classifyText(text).map((m) => m.category))].sort();

describe('sensitive by law vs precaution', () => {
  test('an ordinary password is basic data under both regimes, a precaution under pdpl-2025 only', () => {
    expect(isSensitive('credentials', 'pdpl-2025')).toBe(false);
    expect(isSensitive('credentials', 'decree-13')).toBe(false);
    expect(isPrecaution('credentials', 'pdpl-2025')).toBe(true);
    expect(isPrecaution('credentials', 'decree-13')).toBe(false);
    expect(legalRefs('credentials')).toEqual(['decree-13:2.3.k', 'pdpl-2025:law91-2.2', 'pdpl-2025:d356-3.10']);
  });

  test('e-identity, bank and e-wallet logins are sensitive under Decree 356 Art. 4.1.i/k only', () => {
    expect(isSensitive('eid-bank-credentials', 'pdpl-2025')).toBe(true);
    expect(isSensitive('eid-bank-credentials', 'decree-13')).toBe(false);
    expect(isPrecaution('eid-bank-credentials', 'pdpl-2025')).toBe(false);
    expect(legalRefs('eid-bank-credentials')).toEqual(expect.arrayContaining(['pdpl-2025:d356-4.1.i', 'pdpl-2025:d356-4.1.k']));
  });

  test('blood type: basic under Decree 13 (excluded from health), sensitive health data under Decree 356', () => {
    expect(isSensitive('blood-type', 'decree-13')).toBe(false);
    expect(isSensitive('blood-type', 'pdpl-2025')).toBe(true);
    expect(legalRefs('blood-type')).toEqual(['decree-13:2.3.l', 'pdpl-2025:law91-2.3', 'pdpl-2025:d356-4.1.d']);
  });

  test('labels follow each regime’s own wording', () => {
    expect(categoryLabel('health', 'pdpl-2025').vi).not.toContain('nhóm máu');
    expect(categoryLabel('health', 'decree-13').vi).toContain('trừ nhóm máu');
    expect(categoryLabel('financial', 'pdpl-2025').vi).not.toContain('tổ chức tín dụng');
    expect(categoryLabel('financial', 'pdpl-2025').en).toContain('transaction history');
    expect(categoryLabel('financial', 'decree-13').vi).toContain('khách hàng tổ chức tín dụng');
    expect(categoryLabel('criminal-record', 'pdpl-2025').vi).toContain('vi phạm pháp luật');
    expect(categoryLabel('criminal-record', 'decree-13').vi).not.toContain('vi phạm pháp luật');
  });
});

describe('levels and SARIF', () => {
  const finding = (category: string): Finding => ({
    ruleId: 'credential-password-line',
    kind: 'value',
    category,
    categories: [category],
    confidence: 'high',
    score: 0.9,
    message: 'Password in a config line',
    value: 'Hoa@1995x',
    location: { path: 'config/app.env', line: 3, column: 13 },
  });
  const sarifProps = (category: string, regime: Regime) => {
    const log = toSarif(
      { target: { kind: 'files', name: '.' }, findings: [finding(category)], evidence: [], problems: [], stats: {} },
      { regime, showData: false, explain: false, cwd: process.cwd(), toolVersion: 'test', rules: ruleCatalog(rules) },
    );
    return log.runs[0]!.results![0]!.properties!;
  };

  test('a precaution keeps the high level but is not sensitive', () => {
    expect(findingLevel(finding('credentials'), 'pdpl-2025')).toBe('high');
    expect(sarifProps('credentials', 'pdpl-2025')).toMatchObject({ sensitive: false, precaution: true, level: 'high' });
  });

  test('decree-13 output is unchanged for passwords: basic, medium, no precaution', () => {
    expect(findingLevel(finding('credentials'), 'decree-13')).toBe('medium');
    const props = sarifProps('credentials', 'decree-13');
    expect(props.sensitive).toBe(false);
    expect(props).not.toHaveProperty('precaution');
  });

  test('data sensitive by law carries no precaution flag', () => {
    expect(sarifProps('eid-bank-credentials', 'pdpl-2025')).toMatchObject({ sensitive: true, level: 'high' });
    expect(sarifProps('eid-bank-credentials', 'pdpl-2025')).not.toHaveProperty('precaution');
  });
});

describe('detectors', () => {
  test.each([
    ['- **Mật khẩu Internet Banking:** 961924', 'eid-bank-credentials'],
    ['mat khau vi dien tu: Lan@2005x', 'eid-bank-credentials'],
    ['VNEID_PASSWORD=Tet!42vnX', 'eid-bank-credentials'],
    ['DB_PASSWORD=Tet!42vnX', 'credentials'],
    ['Mật khẩu: Matkhau#2024', 'credentials'],
  ])('%s → %s', (text, category) => {
    const cats = categoriesIn(text);
    expect(cats).toContain(category);
    expect(cats).not.toContain(category === 'credentials' ? 'eid-bank-credentials' : 'credentials');
  });

  test.each(['Nhóm máu: O+', 'nhom mau: AB-', '{"bloodType": "B Rh+"}', 'Blood group = A'])('blood type is reported: %s', (text) => {
    expect(categoriesIn(text)).toContain('blood-type');
    expect(categoriesIn(text)).not.toContain('health');
  });

  test.each([
    'Khách hàng Lê Văn Tâm, TK 19031234567890, số dư khả dụng: 48.120.000 VND',
    '2026-02-01 INFO wallet user=u_8812 so_du=1250000 giao dịch nạp tiền',
    'Giao dịch chuyển khoản của khách hàng, số tiền chuyển: -2.000.000đ',
    '{"account": "0071000123456", "transaction_amount": "1,500,000"}',
  ])('balances and transaction amounts tied to a customer are financial: %s', (text) => {
    expect(categoriesIn(text)).toContain('financial');
  });

  test.each([
    'Bảng giá: áo thun 150.000đ, quần 250.000đ; số lượng tồn kho: 1200',
    'Tổng đơn hàng: 1.250.000đ',
    'Đơn hàng #5512 amount=350000 phí vận chuyển 30000',
    'Giá sản phẩm balance: 99000',
  ])('prices, order totals and quantities are not: %s', (text) => {
    expect(categoriesIn(text)).not.toContain('financial');
  });
});

describe('references of a narrower kind of data', () => {
  test('an old 9-digit CMND cites the residual clause d356-3.11, a CCCD cites d356-3.7', async () => {
    const { findingLegalRefs } = await import('../src/report/rule-meta.js');
    const catalog = ruleCatalog(rules);
    expect(findingLegalRefs('vn-cmnd', ['national-id'], catalog)).toEqual(['decree-13:2.3.g', 'pdpl-2025:law91-2.2', 'pdpl-2025:d356-3.11']);
    expect(findingLegalRefs('vn-cccd', ['national-id'], catalog)).toEqual(['decree-13:2.3.g', 'pdpl-2025:law91-2.2', 'pdpl-2025:d356-3.7']);
  });
});

describe('text detectors on text nobody here wrote', () => {
  test.each([
    ['Tôn giáo của khách hàng: Phật giáo', 'political-religious'],
    ['Tôn giáo của thân nhân bệnh nhân: Công giáo', 'political-religious'],
    ['Dân tộc của bệnh nhân: Tày', 'ethnicity'],
    ['Dân tộc của người lao động = Khmer', 'ethnicity'],
    ["UPDATE bn SET ghi_chu = 'Dân tộc: H''Mông' WHERE id = 3;", 'ethnicity'],
    ['Khách hàng Hồ Kim Long đã thanh toán', 'full-name'],
    ['Bệnh nhân Lê Thị Kim Long, 42 tuổi', 'full-name'],
  ])('%s → %s', (text, category) => {
    expect(categoriesIn(text)).toContain(category);
  });

  test.each([
    ['Mã hàng SKU-0912345678 còn 5 cái', 'phone'],
    ['SP-0987654321 | Áo thun | 150.000đ', 'phone'],
    ['Tổng số lượng: 079190012345 đơn vị', 'national-id'],
    ['Số lượng tồn kho 001203004567 chiếc', 'national-id'],
    ['Phường Kim Long, TP Huế', 'full-name'],
  ])('the label in front decides: %s is no %s', (text, category) => {
    expect(categoriesIn(text)).not.toContain(category);
  });

  test('the real labels still win', () => {
    expect(categoriesIn('SĐT: 0912345678')).toContain('phone');
    expect(categoriesIn('Liên hệ -0912345678')).toContain('phone');
    expect(categoriesIn('Số CCCD: 079190012345')).toContain('national-id');
  });
});
