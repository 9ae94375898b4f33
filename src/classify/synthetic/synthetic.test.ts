import { describe, expect, test } from 'vitest';
import { compileSyntheticValues, judgeSynthetic, loadSyntheticValuesFile } from './synthetic.js';
import { ConfigError } from '../../util/errors.js';

const file = loadSyntheticValuesFile();

describe('synthetic values (rules/synthetic-values.yml)', () => {
  for (const [category, value] of file.examples.placeholder) {
    test(`placeholder: ${category} ${value}`, () => expect(judgeSynthetic(value, category)).toMatchObject({ synthetic: true, placeholder: true }));
  }
  for (const [category, value] of file.examples.synthetic) {
    test(`synthetic: ${category} ${value}`, () => expect(judgeSynthetic(value, category)).toMatchObject({ synthetic: true, placeholder: false }));
  }
  for (const [category, value] of file.examples.realistic) {
    test(`realistic: ${category} ${value}`, () => expect(judgeSynthetic(value, category)).toEqual({ synthetic: false, placeholder: false }));
  }

  test('recognisers apply only to their categories', () => {
    expect(judgeSynthetic('0912345678', 'phone').synthetic).toBe(true);
    expect(judgeSynthetic('0912345678', 'full-name').synthetic).toBe(false);
  });

  test('the reason names the recogniser, never the value', () => {
    const v = judgeSynthetic('alice@acmecorp.com', 'digital-account');
    expect(v.reason).toMatch(/^synthetic-email-/);
    expect(v.reason).not.toContain('acmecorp');
    expect(v.reason).not.toContain('alice');
  });

  test('a bad pattern or category is a ConfigError naming the field', () => {
    const bad = (r: object) => compileSyntheticValues({ ...file, recognisers: [{ id: 'x', verdict: 'synthetic', ...r }] }, 'syn.yml');
    expect(() => bad({ patterns: ['(?<=a)b'] })).toThrow(ConfigError);
    expect(() => bad({ patterns: ['(?<=a)b'] })).toThrow(/syn\.yml: recognisers\[0\]\.patterns\[0\]/);
    expect(() => bad({ categories: ['not-a-category'], values: ['a'] })).toThrow(/categories: unknown category/);
  });

  test("an address at the project's own domain is a company mailbox; free mail never is", async () => {
    const { projectNamesOf } = await import('./synthetic.js');
    const names = projectNamesOf('/home/runner/work/openstatus/openstatus/');
    expect(names).toEqual(['openstatus', 'openstatus']);
    expect(judgeSynthetic('thibault@openstatus.dev', 'digital-account', undefined, names)).toMatchObject({ synthetic: true, reason: expect.stringMatching(/^project-domain/) });
    expect(judgeSynthetic('thibault@openstatus.dev', 'digital-account')).toMatchObject({ synthetic: false });
    expect(judgeSynthetic('hung.tran82@gmail.com', 'digital-account', undefined, projectNamesOf('/src/gmail-clone'))).toMatchObject({ synthetic: false });
  });

  test("an organisation's contact is judged by its line; the same value on a person's line is not", () => {
    const judge = (value: string, category: string, line: string) => judgeSynthetic(value, category, undefined, [], line);
    expect(judge('0903817264', 'phone', '<p>Hotline: 0903 817 264 - Công ty TNHH Dược An Khang</p>')).toMatchObject({ synthetic: true, reason: expect.stringMatching(/^organisation-contact/) });
    expect(judge('hung.tran82@gmail.com', 'digital-account', 'Acme Widgets Ltd., 12 Harbour Road')).toMatchObject({ synthetic: true });
    expect(judge('45 Lý Thường Kiệt, Hoàn Kiếm', 'address', 'Địa chỉ bệnh viện: 45 Lý Thường Kiệt, Hoàn Kiếm')).toMatchObject({ synthetic: true });
    expect(judge('0903817264', 'phone', "{ name: 'Trần Văn Hùng', phone: '0903817264' }")).toMatchObject({ synthetic: false });
    // The words stand alone: "congtyabc" or "incident" are not an organisation.
    expect(judge('0903817264', 'phone', 'incident reported by 0903817264')).toMatchObject({ synthetic: false });
    // Names are never judged by their line: a director is named on the letterhead.
    expect(judge('Trần Văn Hùng', 'full-name', 'Công ty ABC, giám đốc Trần Văn Hùng')).toMatchObject({ synthetic: false });
    // Without the line (a data file), the value alone decides.
    expect(judgeSynthetic('0903817264', 'phone')).toMatchObject({ synthetic: false });
  });

  test("a service's secret under its key is not a person's password; a bare password key is", () => {
    const judge = (value: string, line: string) => judgeSynthetic(value, 'credentials', undefined, [], line);
    expect(judge('mrlhhlznnxyppygj', 'MAIL_PASSWORD=mrlhhlznnxyppygj')).toMatchObject({ synthetic: true, reason: expect.stringMatching(/^service-secret/) });
    expect(judge('Xuan2106!', "  dbPassword: 'Xuan2106!',")).toMatchObject({ synthetic: true });
    expect(judge('s3cr3t-Pg', 'POSTGRES_PASSWORD: s3cr3t-Pg')).toMatchObject({ synthetic: true });
    expect(judge('hoa@123', '    email: "hoahenry1803@gmail.com",\n    phone: "0928976640",\n    password: "hoa@123",')).toMatchObject({ synthetic: false });
    expect(judge('Xuan2106!', 'Mật khẩu: Xuan2106!')).toMatchObject({ synthetic: false });
    expect(judge('Xuan2106!', 'appointment password: Xuan2106!')).toMatchObject({ synthetic: false });
  });
});
