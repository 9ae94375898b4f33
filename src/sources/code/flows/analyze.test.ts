import { describe, expect, test } from 'vitest';
import { flowSummary, scanSources } from '../../../../test/helpers/scan-sources.js';
import { analyzeFile } from '../index.js';

function only(files: Record<string, string>) {
  return flowSummary(scanSources(files));
}

describe('sources and propagation', () => {
  test('Express request body, destructuring, console and a third-party CRM', () => {
    const out = scanSources({
      'src/app.js': `const express = require('express');
const axios = require('axios');
const app = express();
app.post('/register', async (req, res) => {
  const { email, phone, fullName } = req.body;
  console.log('register', email);
  await axios.post('https://api.hubapi.com/crm/v3/objects/contacts', { properties: { email, phone, firstname: fullName } });
  res.json({ ok: true });
});`,
    });
    const f = out.findings.filter((x) => x.kind === 'flow');
    const log = f.find((x) => x.ruleId === 'pd-log')!;
    expect(log.location).toMatchObject({ path: 'src/app.js', line: 6 });
    expect(log.categories).toEqual(['digital-account']);
    expect(log.flow?.[0]?.message).toMatch(/request body/);
    const crm = f.find((x) => x.location?.line === 7)!;
    expect(crm.ruleId).toBe('pd-cross-border');
    expect(crm.properties).toMatchObject({ sink: 'http', crossBorder: true, recipient: { id: 'hubspot', country: 'US' } });
    expect(crm.categories).toEqual(expect.arrayContaining(['digital-account', 'phone', 'full-name']));
  });

  test('template literals, string methods, spreads and callbacks carry data', () => {
    expect(
      only({
        'src/b.ts': `import pino from 'pino';
const log = pino();
export async function run(users: Array<{ email: string }>, dto: { phone: string }) {
  users.forEach((u) => log.info({ mail: u.email }));
  for (const u of users) log.warn(u.email.toLowerCase());
  const emails = users.map((u) => u.email);
  log.info(emails.join(','));
  const copy = { ...{ tel: dto.phone } };
  log.info(\`copy \${JSON.stringify(copy)}\`);
}`,
      }),
    ).toEqual(['pd-log 4 [digital-account]', 'pd-log 5 [digital-account]', 'pd-log 7 [digital-account]', 'pd-log 9 [phone]']);
  });

  test('values returned by local functions keep their data; masking removes it', () => {
    expect(
      only({
        'src/c.ts': `import winston from 'winston';
const logger = winston.createLogger();
function mask(x: string) { return x.slice(0, 2) + '***'; }
function fmt(user: { phone: string }) { return 'tel:' + user.phone; }
export function g(user: { phone: string }) {
  logger.info(mask(user.phone));
  logger.info(fmt(user));
}`,
      }),
    ).toEqual(['pd-log 7 [phone]']);
  });

  test('NestJS @Query of a personal value is personal data in a URL', () => {
    const out = scanSources({
      'src/p.controller.ts': `import { Controller, Get, Query, Param } from '@nestjs/common';
@Controller('patients')
export class PController {
  @Get('search')
  search(@Query('soDienThoai') phone: string, @Query('page') page: string) { return phone + page; }
  @Get(':id')
  one(@Param('id') id: string) { return id; }
}`,
    });
    expect(flowSummary(out)).toEqual(['pd-in-url 5 [phone]']);
    expect(out.findings.find((f) => f.ruleId === 'pd-in-url')?.message).toMatch(/\/patients\/search/);
  });
});

describe('negatives (hard cases that must stay silent)', () => {
  test('non-personal fields, constants, Math.log, Map.set, internal and relative URLs', () => {
    expect(
      only({
        'src/n.ts': `import { Logger } from '@nestjs/common';
import axios from 'axios';
const logger = new Logger('x');
export async function f(order: { id: number; total: number }, product: { name: string }, email: string) {
  logger.log(\`order \${order.id} total \${order.total}\`);
  logger.log(\`product \${product.name}\`);
  console.log(Math.log(2));
  const sender = 'noreply@clinic.vn';
  console.log(sender);
  const map = new Map(); map.set('phone', email);
  await axios.post('http://localhost:3001/internal', { email });
  await fetch('/api/audit', { method: 'POST', body: JSON.stringify({ email }) });
  await axios.post('http://payments:8080/x', { email });
}`,
      }),
    ).toEqual([]);
  });

  test('Sentry: an error alone is not personal data, an explicit user is', () => {
    expect(
      only({
        'src/d.ts': `import * as Sentry from '@sentry/node';
export function h(err: Error, user: { email: string; id: number }) {
  Sentry.init({ dsn: 'https://x@o0.ingest.sentry.io/1' });
  Sentry.captureException(err);
  Sentry.captureException(err, { user: { email: user.email } });
}`,
      }),
    ).toEqual(['pd-cross-border 5 [digital-account]']);
  });

  test('gtag calls are online-activity transfers (the tag collects device and cookies), a config with user_id too; pixels with e-mail are marketing', () => {
    expect(
      only({
        'web/e.js': `gtag('config', 'G-XXXX', { user_id: user.id });
gtag('event', 'login', { method: 'google' });
window.fbq('track', 'Lead', { em: customer.email });`,
      }),
    ).toEqual([
      'pd-cross-border 1 [online-activity]',
      'pd-cross-border 2 [online-activity]',
      'pd-cross-border 3 [online-activity,digital-account]',
      'pd-marketing-consent 3 [online-activity,digital-account]',
      'pd-third-party-sensitive 1 [online-activity]',
      'pd-third-party-sensitive 2 [online-activity]',
      'pd-third-party-sensitive 3 [online-activity]',
    ]);
  });

  test('a password hashed with bcrypt is not a plaintext credential; the raw one is', () => {
    const out = scanSources({
      'src/a.ts': `import bcrypt from 'bcryptjs';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(email: string, password: string) {
  const hash = await bcrypt.hash(password, 10);
  await prisma.user.create({ data: { email, password: hash } });
  await prisma.user.create({ data: { email, password } });
}`,
    });
    // The hash is still a credential stored (its key says so), not a plain-text one.
    expect(flowSummary(out)).toEqual(['pd-plaintext-credential 7 [credentials]', 'pd-storage 6 [credentials,digital-account]', 'pd-storage 7 [credentials,digital-account]']);
    expect(out.findings.find((f) => f.ruleId === 'pd-storage' && f.location?.line === 6)!.properties?.['fields']).toContain('User.password (stored hashed)');
    expect(out.evidence.some((e) => e.key === 'hashing:bcrypt' && e.location?.line === 5)).toBe(true);
  });
});

describe('sinks', () => {
  test('storage: Redis, files; credentials in a cache are plaintext', () => {
    expect(
      only({
        'src/c.ts': `import Redis from 'ioredis';
import { writeFileSync } from 'node:fs';
import * as fs from 'fs';
const redis = new Redis();
export async function cache(otp: string, phone: string) {
  await redis.set('otp:' + phone, otp);
  writeFileSync('/tmp/x.json', JSON.stringify({ phone }));
  await fs.promises.writeFile('/tmp/y', phone);
}`,
      }),
    ).toEqual(['pd-plaintext-credential 6 [credentials]', 'pd-storage 6 [credentials]', 'pd-storage 7 [phone]', 'pd-storage 8 [phone]']);
  });

  test('cloud storage: the region decides the country, an unknown region leaves it open', () => {
    const out = scanSources({
      'src/f.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const sg = new S3Client({ region: 'ap-southeast-1' });
const unknown = new S3Client({ region: process.env.AWS_REGION });
export async function up(passportScan: Buffer) {
  await sg.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: passportScan }));
  await unknown.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: passportScan }));
}`,
    });
    const l5 = out.findings.filter((f) => f.location?.line === 5);
    expect(l5.map((f) => f.ruleId).sort()).toEqual(['pd-cross-border', 'pd-third-party-sensitive']);
    expect(l5[0]!.properties).toMatchObject({ recipient: { id: 'aws-s3', country: 'SG', region: 'ap-southeast-1' }, crossBorder: true });
    const l6 = out.findings.filter((f) => f.location?.line === 6);
    expect(l6.map((f) => f.ruleId)).toEqual(['pd-third-party-sensitive']);
    expect(l6[0]!.properties).not.toHaveProperty('crossBorder');
  });

  test('nodemailer: the SMTP host names the recipient', () => {
    const out = scanSources({
      'src/m.ts': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ host: 'smtp.sendgrid.net' });
const g = nodemailer.createTransport({ service: 'gmail' });
export async function send(email: string) {
  await t.sendMail({ to: email, subject: 'x' });
  await g.sendMail({ to: email, subject: 'x' });
}`,
    });
    const recips = out.findings.filter((f) => f.kind === 'flow').map((f) => (f.properties?.recipient as { id: string }).id);
    expect(recips).toEqual(['sendgrid', 'gmail-smtp']);
  });

  test('an HTTP call to a host from the environment is a low-confidence flow with no country', () => {
    const out = scanSources({
      'src/h.ts': `import axios from 'axios';
export async function push(phone: string) {
  await axios.post(\`\${process.env.CRM_URL}/contacts\`, { phone });
}`,
    });
    const f = out.findings.find((x) => x.kind === 'flow')!;
    expect(f.ruleId).toBe('pd-third-party');
    expect(f.properties).toMatchObject({ sink: 'http', hostEnv: 'CRM_URL' });
    expect(f.confidence).toBe('medium');
  });

  test('personal data in an outgoing URL and in a redirect', () => {
    expect(
      only({
        'src/u.ts': `import axios from 'axios';
export async function look(soCccd: string, res: any, email: string) {
  await axios.get(\`https://api.doitac.vn/v1/cong-dan?cccd=\${soCccd}\`);
  res.redirect(\`/welcome?email=\${email}\`);
}`,
      }),
    ).toEqual(['pd-in-url 3 [national-id]', 'pd-in-url 4 [digital-account]', 'pd-third-party 3 [national-id]']);
  });
});

describe('across files', () => {
  test('a path alias import resolves to the project file (Next.js "@/lib")', () => {
    const out = scanSources({
      'apps/web/lib/email.ts': `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.sendgrid.net', port: 587 });
export async function sendEmail(to: string, subject: string, html: string) {
  await transporter.sendMail({ from: 'a@b.vn', to, subject, html });
}`,
      'apps/web/pages/api/invite.ts': `import { sendEmail } from '@/lib/email';
export default async function handler(req, res) {
  const { inviteeEmail } = req.body;
  await sendEmail(inviteeEmail, 'Invite', '<p>hi</p>');
}`,
    });
    // Reported where the address enters the app's own sendEmail(), the path going on to nodemailer.
    const f = out.findings.find((x) => x.kind === 'flow')!;
    expect(f.location).toMatchObject({ path: 'apps/web/pages/api/invite.ts', line: 4 });
    expect(f.flow![f.flow!.length - 1]!.location).toMatchObject({ path: 'apps/web/lib/email.ts', line: 4 });
    expect(f.categories).toEqual(['digital-account']);
    expect(f.flow!.map((s) => s.location.path)).toEqual(expect.arrayContaining(['apps/web/pages/api/invite.ts', 'apps/web/lib/email.ts']));
  });

  test('an injected service (NestJS DI) links the controller DTO to the SDK call', () => {
    const out = scanSources({
      'src/mail/mail.service.ts': `import { Injectable } from '@nestjs/common';
import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_KEY);
@Injectable()
export class MailService {
  async send(target: string, body: string) {
    await resend.emails.send({ from: 'x@y.vn', to: target, subject: 's', html: body });
  }
}`,
      'src/users/users.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';
import { MailService } from '../mail/mail.service';
class SignupDto { email: string; hoTen: string }
@Controller('users')
export class UsersController {
  constructor(private readonly mail: MailService) {}
  @Post('signup')
  async signup(@Body() dto: SignupDto) {
    await this.mail.send(dto.email, 'Xin chao ' + dto.hoTen);
  }
}`,
    });
    // At the call of the service (the wrapper), not inside it: one result, in the controller.
    expect(flowSummary(out)).toEqual(['pd-cross-border 9 [digital-account,full-name]']);
    const f = out.findings.find((x) => x.ruleId === 'pd-cross-border')!;
    expect(f.location?.path).toBe('src/users/users.controller.ts');
    expect(f.message).toContain('via this.mail.send() → resend.emails.send()');
    expect(f.flow![f.flow!.length - 1]!.location).toMatchObject({ path: 'src/mail/mail.service.ts', line: 7 });
    expect(f.properties).toMatchObject({ recipient: { id: 'resend' } });
  });

  test('a parameter that is never given personal data stays silent', () => {
    expect(
      only({
        'src/lib/notify.ts': `import axios from 'axios';
export async function notify(to: string, text: string) {
  return axios.post('https://rest.esms.vn/api/send', { Phone: to, Content: text });
}`,
        'src/jobs/cron.ts': `import { notify } from '../lib/notify';
export async function ping() { await notify('0900000000', 'health check'); }`,
      }),
    ).toEqual([]);
  });

  test('whole DTO objects resolve to their declared personal fields, minus overridden ones', () => {
    const out = scanSources({
      'src/dto.ts': `export class CreateCustomerDto { hoTen: string; soCccd: string; tonGiao: string; ghiChu: string }`,
      'src/svc.ts': `import { PrismaClient } from '@prisma/client';
import { CreateCustomerDto } from './dto';
const prisma = new PrismaClient();
declare function encrypt(x: string): string;
export async function create(dto: CreateCustomerDto) {
  await prisma.customer.create({ data: { ...dto, tonGiao: encrypt(dto.tonGiao) } });
}`,
    });
    const s = out.findings.find((f) => f.ruleId === 'pd-storage')!;
    expect(s.categories).toEqual(expect.arrayContaining(['national-id', 'full-name']));
    // The religion is stored encrypted: named by its key only, and no unencrypted-storage risk for
    // it (the free-text note on the customer is private life, stored as is).
    expect(s.properties?.['fields']).toContain('Customer.tonGiao (stored encrypted)');
    expect(s.properties?.['fields']).not.toContain('CreateCustomerDto.tonGiao');
    expect(out.findings.some((f) => f.ruleId === 'pd-sensitive-unencrypted' && f.category === 'political-religious')).toBe(false);
  });

  test('an unencrypted-storage risk is no stronger than its field: a guessed free-text field is a note', () => {
    const out = scanSources({
      'src/patient.entity.ts': `import { Entity, Column } from 'typeorm';
@Entity() export class Patient { @Column() hoTen: string; @Column() tienSuBenh: string; @Column() ghiChu: string }`,
    });
    const risks = out.findings.filter((f) => f.ruleId === 'pd-sensitive-unencrypted');
    expect(risks.find((f) => f.category === 'health')?.level).toBe('medium');
    expect(risks.find((f) => f.category === 'private-life')?.level).toBe('low');
  });
});

describe('whole records', () => {
  test('a Prisma record resolves to the model declared in schema.prisma (Next.js API route)', () => {
    const out = scanSources({
      'packages/prisma/index.ts': `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default prisma;`,
      'packages/prisma/schema.prisma': 'model User {\n  id Int @id\n  email String\n  name String?\n  phone String?\n  plan String\n}',
      'apps/web/pages/api/signup.ts': `import prisma from '@acme/prisma';
import logger from '@acme/lib/logger';
import Stripe from 'stripe';
import { PostHog } from 'posthog-node';
import type { NextApiRequest, NextApiResponse } from 'next';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const posthog = new PostHog('key');
const log = logger.getSubLogger({ prefix: ['signup'] });
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const user = await prisma.user.findUnique({ where: { email: req.body.email } });
  if (!user) return res.status(404).end();
  log.debug('user', safeStringify(user));
  await stripe.customers.create({ email: user.email, name: user.name });
  posthog.capture({ distinctId: String(user.id), event: 'signup', properties: { plan: user.plan } });
  log.info(\`signed up \${user.id}\`);
  res.json(user);
}`,
    });
    expect(flowSummary(out, 'apps/web/pages/api/signup.ts')).toEqual([
      'pd-cross-border 13 [digital-account,full-name]',
      // Neither the id nor the plan is personal by name: PostHog's own collection is.
      'pd-cross-border 14 [online-activity]',
      'pd-log 12 [digital-account,phone,full-name]',
      'pd-third-party-sensitive 14 [online-activity]',
    ]);
  });
});

describe('robustness', () => {
  test('files that do not parse are reported and skipped', () => {
    const r = analyzeFile({ path: 'src/broken.ts' }, 'export function (');
    expect(r.problem).toMatch(/cannot parse/);
    expect(r.findings).toEqual([]);
  });

  test('deeply nested expressions do not crash the scan', () => {
    const deep = `console.log(${'('.repeat(3000)}email${')'.repeat(3000)});`;
    const r = analyzeFile({ path: 'src/deep.js' }, `export function f(email) { ${deep} }`);
    expect(r.problem === undefined || /skipped|cannot parse/.test(r.problem)).toBe(true);
  });

  test('summaries are plain data (they cross worker threads)', () => {
    const r = analyzeFile({ path: 'src/x.ts' }, `import axios from 'axios';
export async function f(p: any) { await axios.post('https://api.x.vn', p); }`);
    expect(() => structuredClone(r.summary)).not.toThrow();
    expect(JSON.parse(JSON.stringify(r.summary))).toEqual(r.summary);
  });
});
