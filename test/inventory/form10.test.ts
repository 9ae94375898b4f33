/**
 * The dossier draft follows Decree 356 Form 10 field by field (issue 14): what the scan knows is
 * filled in, the rest is marked to fill with its .pdscan.yml key, the political and religious
 * boxes are separate, the volume thresholds are two boxes, and every note exists in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Regime } from '../../src/model/categories.js';
import type { ScanResult } from '../../src/model/result.js';
import { buildInventory, validateInventory } from '../../src/report/inventory/index.js';
import { renderInventoryMarkdown } from '../../src/report/inventory/markdown.js';
import type { InventoryConfig } from '../../src/report/inventory/types.js';
import { obligationsFile } from '../../src/rules/catalogue.js';
import { CONFIG_FIELDS } from '../../src/report/inventory/config.js';
import { codeScan, dbScan } from './fixtures.js';

const declared = (category: string, field: string, line: number): Finding => ({
  ruleId: 'pd-declared-field',
  kind: 'declaration',
  category,
  categories: [category],
  confidence: 'high',
  score: 0.9,
  message: 'declared',
  location: { path: 'prisma/schema.prisma', line, column: 3 },
  properties: { model: 'BenhNhan', field, framework: 'prisma' },
});

const scan = (findings: Finding[]): ScanResult => ({ target: { kind: 'files', name: 'clinic' }, findings, evidence: [], problems: [], stats: { filesScanned: 1 } });
const inv = (findings: Finding[], config: InventoryConfig = {}, regime: Regime = 'pdpl-2025') => buildInventory([scan(findings)], { regime, toolVersion: '0.0.0', config });

/** The row of a Markdown table whose first cells contain `text`. */
const row = (md: string, text: string) => md.split('\n').find((l) => l.startsWith('|') && l.includes(text)) ?? '';

describe('Form 10 field by field', () => {
  const config: InventoryConfig = {
    controller: { name: 'Phòng khám Ví Dụ', short_name: 'PKVD', tax_code: '0100000000', branches: 3, business_line: 'Khám chữa bệnh', business_code: '8620' },
    dpo: { name: 'Bộ phận Pháp chế', title: 'Trưởng phòng', appointment_decision: 'QĐ 01/2026/QĐ-PKVD ngày 05/01/2026' },
    paid_transfers: false,
    processing_services: true,
    volume: { basic_over_100000: true },
  };
  const findings = [declared('political-religious', 'ton_giao', 3), declared('health', 'chan_doan', 4), declared('phone', 'sdt', 5)];

  it('fills what the config says and marks the rest to fill with its key, in Vietnamese', () => {
    const md = renderInventoryMarkdown(inv(findings, config), 'vi');
    expect(md).toContain('## Mẫu số 10 theo từng trường (Nghị định 356)');
    expect(row(md, '| 1b | Tên tổ chức (viết tắt)')).toContain('PKVD');
    expect(row(md, '| 1c | Mã số thuế')).toContain('0100000000');
    expect(row(md, '| 5 | Số lượng chi nhánh')).toContain('| 3 |');
    expect(row(md, '| 4 | Mã ngành đăng ký kinh doanh')).toContain('8620');
    expect(row(md, '| 8.3 | Chức vụ')).toContain('Trưởng phòng');
    expect(row(md, '| 8.3 | Quyết định, văn bản chỉ định')).toContain('QĐ 01/2026');
    expect(row(md, '| 1a | Tên tổ chức (nước ngoài)')).toContain('**[CẦN ĐIỀN]** (`inventory.controller.foreign_name`)');
    expect(row(md, '7. Chuyển giao dữ liệu cá nhân có thu phí')).toContain('| Không |');
    expect(row(md, '8. Tham gia hoạt động giao dịch trên sàn dữ liệu')).toContain('`inventory.data_exchange`');
    expect(row(md, '9. Kinh doanh dịch vụ xử lý dữ liệu cá nhân')).toContain('| Có |');
    expect(row(md, 'dữ liệu cá nhân cơ bản của trên 100.000 chủ thể')).toContain('| Có |');
    expect(row(md, 'dữ liệu cá nhân nhạy cảm của trên 10.000 chủ thể')).toContain('`inventory.volume.sensitive_over_10000`');
  });

  it('political and religious views are separate boxes, both to confirm when the scan cannot tell which', () => {
    const md = renderInventoryMarkdown(inv(findings, config), 'vi');
    const political = row(md, '| Quan điểm chính trị |');
    const religious = row(md, '| Quan điểm tôn giáo, tín ngưỡng |');
    expect(political).toContain('**[CẦN XÁC NHẬN]** pdscan tìm thấy dữ liệu thuộc nhóm này nhưng không phân biệt được ô nào');
    expect(religious).toContain('không phân biệt được ô nào');
    expect(row(md, '| Tình trạng sức khỏe |')).toContain('☒ Có (pdscan tìm thấy)');
    expect(row(md, '| Vị trí của cá nhân được xác định qua dịch vụ định vị |')).toContain('Không thấy khi quét');
    const en = renderInventoryMarkdown(inv(findings, config), 'en');
    expect(row(en, '| Political views |')).toContain('cannot tell which box');
    expect(row(en, '| Health status |')).toContain('☒ Yes (found by pdscan)');
  });

  it('the boxes cover every point of Decree 356 Art. 4.1 (a to m)', () => {
    const refs = new Set(obligationsFile().dossier.form_10_sensitive_boxes.map((b) => b.ref));
    expect([...refs]).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm'].map((p) => `d356-4.1.${p}`));
  });

  it('the new organisation fields are valid inventory JSON and survive the round trip', () => {
    const built = inv(findings, config);
    expect(validateInventory(JSON.parse(JSON.stringify(built)))).toEqual([]);
    expect(built.organisation.controller?.tax_code).toBe('0100000000');
    expect(built.organisation.volume).toEqual({ basic_over_100000: true });
  });

  it('is a Decree 356 form: no Form 10 section under decree-13', () => {
    expect(renderInventoryMarkdown(inv(findings, config, 'decree-13'), 'vi')).not.toContain('Mẫu số 10 theo từng trường');
  });
});

describe('forms to file, per regime', () => {
  const abroad: Finding = { ...declared('phone', 'sdt', 5), ruleId: 'pd-third-party', kind: 'flow', properties: { sink: 'http', recipient: { id: 'twilio', name: 'Twilio', country: 'US', kind: 'sms' } } };

  it('decree-13 lists Forms 04, 05 and 06 with their articles', () => {
    const md = renderInventoryMarkdown(inv([abroad], {}, 'decree-13'), 'vi');
    expect(md).toMatch(/- \[ \] Mẫu số 04: [^\n]*\(NĐ 13 Điều 24\.4\)/);
    expect(md).toMatch(/- \[ \] Mẫu số 05: [^\n]*\(NĐ 13 Điều 24\.6, 25\.6\)/);
    expect(md).toMatch(/- \[ \] Mẫu số 06: [^\n]*khi chuyển dữ liệu ra nước ngoài[^\n]*\(NĐ 13 Điều 25\.3\)/);
    expect(md).not.toMatch(/Mẫu số 03a\/03b:/);
  });

  it('pdpl-2025 lists the update Form 03a/03b (Decree 356 Art. 20.3); the cross-border forms only when data goes abroad', () => {
    const md = renderInventoryMarkdown(inv([abroad]), 'en');
    expect(md).toMatch(/- \[ \] Form 03a\/03b: [^\n]*within 10 days[^\n]*\(Decree 356 Art\. 20\.1, 20\.2, 20\.3\)/);
    expect(md).toMatch(/- \[ \] Form 09: /);
    const local = renderInventoryMarkdown(inv([declared('phone', 'sdt', 5)]), 'en');
    expect(local).toMatch(/- \[ \] Form 10: /);
    expect(local).not.toMatch(/- \[ \] Form 09: |- \[ \] Form 04: /);
  });

  it('Form 03a contents (organisation, tax code, DPO, what changed and why, attachments) are filled from the config or marked to fill', () => {
    const config: InventoryConfig = { controller: { name: 'Phòng khám Ví Dụ' }, dpo: { name: 'Bộ phận Pháp chế', title: 'Trưởng phòng' } };
    const vi = renderInventoryMarkdown(inv([abroad], config), 'vi');
    const block = vi.slice(vi.indexOf('- [ ] Mẫu số 03a/03b:')).split('\n').slice(1, 10).join('\n');
    expect(block).toBe(
      [
        '  - Mẫu số 03a gồm:',
        '    - Tổ chức — Tên tổ chức: Phòng khám Ví Dụ',
        '    - Tổ chức — Mã số thuế: **[CẦN ĐIỀN]** (`inventory.controller.tax_code`)',
        '    - Người phụ trách bảo vệ dữ liệu cá nhân — Họ tên / tên bộ phận: Bộ phận Pháp chế',
        '    - Người phụ trách bảo vệ dữ liệu cá nhân — Chức vụ: Trưởng phòng',
        '    - Người phụ trách bảo vệ dữ liệu cá nhân — Số điện thoại: **[CẦN ĐIỀN]** (`inventory.dpo.phone`)',
        '    - Người phụ trách bảo vệ dữ liệu cá nhân — Thư điện tử: **[CẦN ĐIỀN]** (`inventory.dpo.email`)',
        '    - **[CẦN ĐIỀN]** Tóm tắt nội dung thay đổi và lý do thay đổi',
        '    - **[CẦN ĐIỀN]** Tài liệu kèm theo',
      ].join('\n'),
    );
    const en = renderInventoryMarkdown(inv([abroad], config), 'en');
    expect(en).toContain('  - Form 03a asks for:\n');
    expect(en).toContain('    - **[TO FILL]** Summary of what changed and why\n');
    // Decree 13's update form (05) has no contents in the source read: none invented.
    expect(renderInventoryMarkdown(inv([abroad], config, 'decree-13'), 'vi')).not.toMatch(/Mẫu số \d+\w* gồm:/);
  });

  it('every field a form asks for is a key of the inventory block', () => {
    const keys = obligationsFile().dossier.forms.flatMap((f) => f.contents?.fields ?? []);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !(CONFIG_FIELDS as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('every note has both languages', () => {
  it('obligations and dossier items in rules/obligations.yml', () => {
    const file = obligationsFile();
    for (const o of file.obligations) expect(Boolean(o.note_vi), `${o.id} note_vi`).toBe(Boolean(o.note_en));
    for (const d of file.dossier.items) expect(Boolean(d.note_vi), `item ${d.item} note_vi`).toBe(Boolean(d.note_en));
  });

  it('the Vietnamese document carries as many notes as the English one', () => {
    const built = buildInventory([codeScan(), dbScan()], { regime: 'pdpl-2025', toolVersion: '0.0.0' });
    const vi = renderInventoryMarkdown(built, 'vi').split('\n');
    const en = renderInventoryMarkdown(built, 'en').split('\n');
    const count = (lines: string[], re: RegExp) => lines.filter((l) => re.test(l)).length;
    expect(count(vi, /^- \*\*Ghi chú:\*\*/)).toBe(count(en, /^- \*\*Note:\*\*/));
    expect(count(vi, /^> /)).toBe(count(en, /^> /));
    expect(count(en, /^> /)).toBeGreaterThan(5);
  });
});
