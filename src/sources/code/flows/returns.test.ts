import { describe, expect, test } from 'vitest';
import { flowSummary, scanSources } from '../../../../test/helpers/scan-sources.js';
import type { Finding } from '../../../model/finding.js';

/** Files a finding's codeFlow goes through, in order, without repeats. */
function pathsOf(f: Finding | undefined): string[] {
  const out: string[] = [];
  for (const s of f?.flow ?? []) if (out[out.length - 1] !== s.location.path) out.push(s.location.path);
  return out;
}

const SCHEMA = 'model BenhNhan {\n  id Int @id\n  ho_ten String\n  so_cccd String\n  chan_doan String\n}';

describe('values returned across files', () => {
  test('an ORM record returned by a function of another file reaches a log in the caller', () => {
    const out = scanSources({
      'prisma/schema.prisma': SCHEMA,
      'src/patients/patients.repo.ts': `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function findPatient(id: number) {
  return prisma.benhNhan.findUnique({ where: { id } });
}`,
      'src/patients/patients.controller.ts': `import { Logger } from '@nestjs/common';
import { findPatient } from './patients.repo';
const logger = new Logger('patients');
export async function show(id: number) {
  const p = await findPatient(id);
  logger.log(p);
}`,
    });
    const log = out.findings.find((f) => f.ruleId === 'pd-log')!;
    expect(log.location).toMatchObject({ path: 'src/patients/patients.controller.ts', line: 6 });
    expect(log.categories).toEqual(expect.arrayContaining(['health', 'national-id', 'full-name']));
    expect(pathsOf(log)).toEqual(['src/patients/patients.repo.ts', 'src/patients/patients.controller.ts']);
    expect(log.flow!.map((s) => s.message)).toEqual(expect.arrayContaining([expect.stringMatching(/Prisma BenhNhan record/), 'returned by findPatient()']));
  });

  test('an injected service method that returns its parameter passes the caller data through (NestJS)', () => {
    const out = scanSources({
      'src/users/users.service.ts': `import { Injectable } from '@nestjs/common';
import { CreateUserDto } from './dto';
@Injectable()
export class ProfileService {
  getProfile(dto: CreateUserDto) {
    return { ...dto, extra: 1 };
  }
}`,
      'src/users/dto.ts': `export class CreateUserDto { email: string; soDienThoai: string; plan: string }`,
      'src/users/users.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';
import { Analytics } from '@segment/analytics-node';
import { ProfileService } from './users.service';
import { CreateUserDto } from './dto';
const analytics = new Analytics({ writeKey: 'k' });
@Controller('users')
export class UsersController {
  constructor(private readonly profileService: ProfileService) {}
  @Post()
  create(@Body() body: CreateUserDto) {
    const prof = this.profileService.getProfile(body);
    analytics.track({ event: 'signup', properties: prof });
  }
}`,
    });
    const f = out.findings.find((x) => x.kind === 'flow' && x.location?.path === 'src/users/users.controller.ts')!;
    expect(f).toBeDefined();
    expect(f.location?.line).toBe(12);
    expect(f.categories).toEqual(expect.arrayContaining(['digital-account', 'phone']));
    expect(f.properties).toMatchObject({ recipient: { id: 'segment' } });
    const files = pathsOf(f);
    expect(files).toContain('src/users/users.service.ts');
    expect(files[files.length - 1]).toBe('src/users/users.controller.ts');
  });

  test('destructuring an awaited result keeps the callee path (default export)', () => {
    const out = scanSources({
      'src/users/get-user.ts': `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function getUser(id: number) {
  const user = await prisma.user.findFirst({ where: { id } });
  return user;
}`,
      'prisma/schema.prisma': 'model User {\n  id Int @id\n  cccd String\n  email String\n}',
      'src/api/handler.ts': `import getUser from '../users/get-user';
export async function handler(id: number) {
  const { cccd } = await getUser(id);
  console.log('checking', cccd);
}`,
    });
    const log = out.findings.find((f) => f.ruleId === 'pd-log')!;
    expect(log.categories).toEqual(['national-id']);
    expect(pathsOf(log)).toEqual(['src/users/get-user.ts', 'src/api/handler.ts']);
  });

  test('re-exports through an index.ts barrel, and a chain over three files', () => {
    const out = scanSources({
      'src/lib/format.ts': `export function label(v: string) { return 'KH: ' + v; }`,
      'src/lib/index.ts': `export { label } from './format';\nexport * from './wrap';`,
      'src/lib/wrap.ts': `import { label } from './format';
export function wrap(x: string) { return { text: label(x) }; }`,
      'src/api/send.ts': `import axios from 'axios';
import { wrap } from '../lib';
export async function send(soDienThoai: string) {
  const payload = wrap(soDienThoai);
  await axios.post('https://api.example-crm.com/v1/notes', payload);
}`,
    });
    const f = out.findings.find((x) => x.kind === 'flow')!;
    expect(f.categories).toEqual(['phone']);
    expect(f.location).toMatchObject({ path: 'src/api/send.ts', line: 5 });
    const files = f.flow!.map((s) => s.location.path);
    expect(files).toEqual(expect.arrayContaining(['src/lib/wrap.ts', 'src/lib/format.ts']));
  });
});

describe('values returned across files: negatives', () => {
  test('a function returning a constant or a non-personal value does not taint the caller', () => {
    expect(
      flowSummary(
        scanSources({
          'src/lib/util.ts': `export function version(user: { email: string }) { return '1.0'; }
export function count(user: { email: string; orders: number[] }) { return user.orders.length; }
export class Stats { total(dto: { phone: string }) { return 42; } }`,
          'src/api/a.ts': `import { version, count, Stats } from '../lib/util';
export function a(user: { email: string; orders: number[] }, stats: Stats) {
  const v = version(user);
  const n = count(user);
  console.log(v, n);
  console.log(Stats.prototype.total(user as any));
}`,
        }),
      ),
    ).toEqual([]);
  });

  test('recursion and cycles between files terminate', () => {
    const out = scanSources({
      'src/a.ts': `import { b } from './b';
export function a(x: string, n: number): string { return n > 0 ? b(x, n - 1) : n < -5 ? a(x, n + 1) : x; }`,
      'src/b.ts': `import { a } from './a';
export function b(x: string, n: number): string { return a(x, n); }`,
      'src/c.ts': `import { a } from './a';
export function c(email: string) {
  console.log(a(email, 3));
  console.log(a('x', 3));
}`,
    });
    expect(flowSummary(out)).toEqual(['pd-log 3 [digital-account]']);
  });

  test('a function whose caller elsewhere passes nothing personal stays silent', () => {
    expect(
      flowSummary(
        scanSources({
          'src/lib/id.ts': `export function same<T>(x: T): T { return x; }`,
          'src/x.ts': `import { same } from './lib/id';
export function x(order: { total: number }) { console.log(same(order.total)); }`,
        }),
      ),
    ).toEqual([]);
  });
});

describe('values returned across files: bounds', () => {
  // The summary bound is checked by its result; speed is measured in bench/, not with a wall-clock budget.
  test('a value rebuilt through hundreds of calls stays small and is reported once per sink', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  s = append(s, email, ${i});\n  const soDienThoai${i} = append(s, email, ${i});`).join('\n');
    const out = scanSources({
      'src/lib/append.ts': `export function append(acc: string, v: string, n: number) { return acc + v + n; }`,
      'src/build.ts': `import { append } from './lib/append';
export function build(email: string) {
  let s = '';
${lines}
  console.log(s);
}`,
    });
    expect(flowSummary(out)).toEqual(['pd-log 604 [digital-account]']);
  });
});
