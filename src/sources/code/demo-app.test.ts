/**
 * End-to-end check of code analysis on fixtures/demo-app (a synthetic NestJS + Prisma clinic):
 * every file through analyzeFile, then linkProject, as the scan pipeline does.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { scanSources, type ScanOutput } from '../../../test/helpers/scan-sources.js';
import type { Finding } from '../../model/finding.js';

const BASE = 'fixtures/demo-app';
const files: Record<string, string> = {};
for (const rel of fg.sync(['**/*.{ts,js,prisma}'], { cwd: path.join(PACKAGE_ROOT, BASE), dot: true })) {
  files[`${BASE}/${rel}`] = readFileSync(path.join(PACKAGE_ROOT, BASE, rel), 'utf8');
}
files[`${BASE}/src/broken.ts`] = 'export class {';
const out: ScanOutput = scanSources(files);

function at(file: string, line: number, ruleId?: string): Finding[] {
  return out.findings.filter((f) => f.location?.path === `${BASE}/${file}` && f.location.line === line && (!ruleId || f.ruleId === ruleId));
}
function one(file: string, line: number, ruleId: string): Finding {
  const list = at(file, line, ruleId);
  expect(list, `${file}:${line} ${ruleId} in\n${out.findings.filter((f) => f.location?.path === `${BASE}/${file}`).map((f) => `${f.location?.line} ${f.ruleId}`).join('\n')}`).toHaveLength(1);
  return list[0]!;
}

describe('fixtures/demo-app', () => {
  test('the broken file is reported and skipped, nothing else fails', () => {
    expect(out.problems).toEqual([{ path: `${BASE}/src/broken.ts`, problem: expect.stringMatching(/cannot parse/) }]);
  });

  test('patient name and CCCD logged by winston in patients.service.ts line 15', () => {
    const f = one('src/patients/patients.service.ts', 15, 'pd-log');
    expect(f.categories).toEqual(expect.arrayContaining(['national-id', 'full-name']));
    expect(f.properties).toMatchObject({ sink: 'log', sinkApi: 'logger.info' });
    expect(f.value).toBeUndefined();
  });

  test('ethnicity and blood group logged with console.log (line 46); phone with NestJS Logger (line 36), reported where the controller passes it (line 17)', () => {
    expect(one('src/patients/patients.service.ts', 46, 'pd-log').categories).toContain('ethnicity');
    const phone = one('src/patients/patients.controller.ts', 17, 'pd-log');
    expect(phone.categories).toEqual(['phone']);
    expect(phone.properties).toMatchObject({ wrapper: 'this.patients.findByPhone', sinkLocation: { path: `${BASE}/src/patients/patients.service.ts`, line: 36 } });
    expect(at('src/patients/patients.service.ts', 36, 'pd-log')).toEqual([]);
  });

  test('the patient DTO is stored (the request body passed whole to the service); ethnicity is not encrypted, diagnosis and religion are', () => {
    const stored = one('src/patients/patients.controller.ts', 11, 'pd-storage');
    expect(stored.properties).toMatchObject({ wrapper: 'this.patients.create', sinkLocation: { line: 16 } });
    expect(stored.categories).toEqual(expect.arrayContaining(['national-id', 'ethnicity', 'phone', 'date-of-birth']));
    expect(stored.categories).not.toContain('health');
    expect(stored.categories).not.toContain('political-religious');
    expect(one('src/patients/patients.controller.ts', 11, 'pd-sensitive-unencrypted').categories).toEqual(['ethnicity']);
  });

  test("doctor's notes to OpenAI: sensitive, cross-border to the US", () => {
    const f = one('src/ai/notes-summary.service.ts', 15, 'pd-cross-border');
    expect(f.category).toBe('health');
    expect(f.level).toBe('high');
    expect(f.properties).toMatchObject({ sink: 'ai', crossBorder: true, recipient: { id: 'openai', country: 'US' } });
    expect(f.flow![0]!.message).toMatch(/Prisma BenhNhan record/);
    one('src/ai/notes-summary.service.ts', 15, 'pd-third-party-sensitive');
  });

  test('phone to Zalo OA stays in Vietnam; the same phone to Twilio crosses the border', () => {
    const zalo = one('src/appointments/appointments.service.ts', 21, 'pd-third-party');
    expect(zalo.properties).toMatchObject({ sink: 'messaging', crossBorder: false, recipient: { id: 'zalo-oa', country: 'VN' } });
    expect(zalo.categories).toEqual(expect.arrayContaining(['phone', 'full-name']));
    const twilio = one('src/appointments/appointments.service.ts', 28, 'pd-cross-border');
    expect(twilio.properties).toMatchObject({ recipient: { id: 'twilio', country: 'US' }, purposes: ['essential.service.notifications.sms'] });
  });

  test('card number to Stripe (US), buyer contact to MoMo (VN)', () => {
    const stripe = one('src/orders/orders.service.ts', 31, 'pd-cross-border');
    expect(stripe.category).toBe('financial');
    expect(stripe.properties).toMatchObject({ sink: 'payment', recipient: { id: 'stripe', country: 'US' }, purposes: ['essential.service.payment_processing'] });
    const momo = one('src/orders/orders.service.ts', 45, 'pd-third-party');
    expect(momo.properties).toMatchObject({ sink: 'payment', crossBorder: false, recipient: { id: 'momo', country: 'VN' } });
  });

  test('ID card photo to S3 in ap-southeast-1 is a transfer to Singapore', () => {
    const f = one('src/storage/id-card-upload.service.ts', 14, 'pd-cross-border');
    expect(f.category).toBe('id-document-image');
    expect(f.properties).toMatchObject({ recipient: { id: 'aws-s3', country: 'SG', region: 'ap-southeast-1' } });
  });

  test('cross-file: the claim built in patients.service.ts reaches axios in insurance-client.ts', () => {
    const f = one('src/patients/patients.service.ts', 32, 'pd-third-party-sensitive');
    expect(f.categories).toEqual(expect.arrayContaining(['health', 'health-insurance']));
    expect(f.flow![f.flow!.length - 1]!.location).toMatchObject({ path: `${BASE}/src/integrations/insurance-client.ts`, line: 14 });
    expect(at('src/integrations/insurance-client.ts', 14, 'pd-third-party-sensitive')).toEqual([]);
    expect(f.properties).toMatchObject({ crossBorder: false, recipient: { country: 'VN' } });
  });

  test('personal data in URLs: CCCD in an outgoing query string, phone in a route query string', () => {
    expect(one('src/integrations/insurance-client.ts', 20, 'pd-in-url').category).toBe('national-id');
    expect(one('src/patients/patients.controller.ts', 16, 'pd-in-url').category).toBe('phone');
  });

  test('passwords: logged (line 28) and stored unhashed (line 37), but not the bcrypt path (line 20)', () => {
    one('src/auth/auth.service.ts', 28, 'pd-plaintext-credential');
    one('src/auth/auth.service.ts', 37, 'pd-plaintext-credential');
    expect(at('src/auth/auth.service.ts', 20, 'pd-plaintext-credential')).toEqual([]);
    // The bcrypt hash is still a credential stored, named by its key and said to be hashed.
    expect(one('src/auth/auth.service.ts', 20, 'pd-storage').properties?.fields).toContain('User.passwordHash (stored hashed)');
  });

  test('marketing e-mail through SendGrid raises the consent rule', () => {
    const f = one('src/marketing/marketing.service.ts', 15, 'pd-cross-border');
    expect(f.properties?.purposes).toEqual(['marketing.communications.email']);
    const consent = one('src/marketing/marketing.service.ts', 15, 'pd-marketing-consent');
    const detail = (consent.properties?.purposeDetails as Array<{ status: string; evidence: string[] }>)[0]!;
    expect(detail.status).toBe('to-confirm');
    expect(detail.evidence.join(' ')).toMatch(/sendPromotion/);
  });

  test('error tracker and analytics SDKs', () => {
    expect(one('src/users/users.service.ts', 17, 'pd-cross-border').properties).toMatchObject({ sink: 'error-tracker', recipient: { id: 'sentry' } });
    expect(one('src/users/users.service.ts', 18, 'pd-cross-border').properties).toMatchObject({ sink: 'analytics', recipient: { id: 'segment' } });
    expect(one('src/users/users.service.ts', 23, 'pd-cross-border').properties).toMatchObject({ sink: 'analytics', recipient: { id: 'mixpanel' } });
    expect(at('src/users/users.service.ts', 30)).toEqual([]); // captureException(err, { extra: { userId } })
    expect(one('web/tracking.js', 5, 'pd-marketing-consent').properties?.purposes).toEqual(['marketing.advertising.third_party.targeted']);
    expect(one('web/tracking.js', 6, 'pd-cross-border').properties).toMatchObject({ recipient: { id: 'tiktok-pixel' } });
    // A gtag purchase event without personal properties: the tag's own collection (device, cookies) at medium confidence.
    expect(one('web/tracking.js', 3, 'pd-cross-border')).toMatchObject({ categories: ['online-activity'], confidence: 'medium' });
  });

  test('a sensitive model field nothing protects is reported on the schema', () => {
    const schema = 'prisma/schema.prisma';
    const bank = out.findings.filter((f) => f.ruleId === 'pd-sensitive-unencrypted' && f.location?.path === `${BASE}/${schema}`);
    expect(bank.map((f) => (f.properties as { field: string }).field)).toContain('bankAccount');
    expect(bank.map((f) => (f.properties as { field: string }).field)).not.toContain('chan_doan');
    expect(bank.map((f) => (f.properties as { field: string }).field)).not.toContain('passwordHash');
  });

  test('protection and retention evidence', () => {
    const keys = out.evidence.map((e) => `${e.kind}:${e.key}:${e.location?.path.replace(`${BASE}/`, '')}`);
    expect(keys).toContain('protection:hashing:bcrypt:src/auth/auth.service.ts');
    expect(keys).toContain('protection:encryption:aes-256-gcm:src/common/field-crypto.ts');
    expect(keys).toContain('retention:deletion-job:src/jobs/retention.job.ts');
    expect(out.evidence.find((e) => e.key === 'encryption:function' && e.categories?.includes('health'))).toBeDefined();
  });

  test('quiet files stay quiet; declarations come from the schema and DTOs', () => {
    for (const f of ['src/main.ts', 'src/app.module.ts', 'src/common/prisma.service.ts', 'src/common/field-crypto.ts', 'src/jobs/retention.job.ts', 'src/orders/orders.controller.ts']) {
      expect(out.findings.filter((x) => x.location?.path === `${BASE}/${f}` && x.kind !== 'declaration'), f).toEqual([]);
    }
    expect(out.findings.filter((f) => f.kind === 'declaration' && f.location?.path.endsWith('schema.prisma')).length).toBeGreaterThan(10);
  });

  test('no finding carries a raw value', () => {
    for (const f of out.findings.filter((x) => x.kind !== 'declaration')) expect(f.value).toBeUndefined();
  });
});
