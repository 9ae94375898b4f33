/**
 * Test code is read as text but not as code by default: its models are throw-away and its SDK calls
 * are mocks. --include-tests (codeSettings.includeTests) brings them back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanFiles } from './scan-files.js';

let dir: string;

const MODEL = `import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class Customer {
  @PrimaryGeneratedColumn() id: number;
  @Column() phoneNumber: string;
  @Column() dateOfBirth: Date;
}
`;
const SPEC = `import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class FakeCustomer {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
}
const phone = '0912 345 678';
console.log({ phone, email: 'nguyen.van.a@gmail.com' });
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdscan-tests-scope-'));
  mkdirSync(path.join(dir, 'src/customers'), { recursive: true });
  writeFileSync(path.join(dir, 'src/customers/customer.entity.ts'), MODEL);
  writeFileSync(path.join(dir, 'src/customers/customer.spec.ts'), SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = (includeTests: boolean) =>
  scanFiles({ paths: ['.'], cwd: dir, threads: 1, maxFileSize: 1 << 20, ruleOptions: {}, codeSettings: { includeTests } });

describe('test files and code understanding', () => {
  test('by default a spec file is classified as text only', async () => {
    const r = await scan(false);
    const spec = r.findings.filter((f) => f.location?.path === 'src/customers/customer.spec.ts');
    expect(spec.some((f) => f.kind === 'value' && f.category === 'phone')).toBe(true);
    expect(spec.filter((f) => f.kind !== 'value' && !f.ruleId.startsWith('kv-'))).toEqual([]);
    const app = r.findings.filter((f) => f.location?.path === 'src/customers/customer.entity.ts').map((f) => f.ruleId);
    expect(app).toEqual(expect.arrayContaining(['pd-declared-phone', 'pd-declared-date-of-birth']));
  });

  test('--include-tests analyses it as code too', async () => {
    const r = await scan(true);
    const spec = r.findings.filter((f) => f.location?.path === 'src/customers/customer.spec.ts').map((f) => f.ruleId);
    expect(spec).toContain('pd-declared-digital-account');
  });

  test('files read for their code only (diff-mode context) get no value findings but still declare', async () => {
    const r = await scanFiles({ paths: ['.'], cwd: dir, threads: 1, maxFileSize: 1 << 20, ruleOptions: {}, codeSettings: { includeTests: true }, codeOnlyFiles: new Set(['src/customers/customer.spec.ts']) });
    const spec = r.findings.filter((f) => f.location?.path === 'src/customers/customer.spec.ts');
    expect(spec.filter((f) => f.kind === 'value')).toEqual([]);
    expect(spec.map((f) => f.ruleId)).toContain('pd-declared-digital-account');
  });
});
