import { describe, expect, test } from 'vitest';
import { flowSites, scanSources } from '../../../../test/helpers/scan-sources.js';
import type { Finding } from '../../../model/finding.js';

const flows = flowSites;

function only(files: Record<string, string>, path: string): Finding {
  const list = scanSources(files).findings.filter((f) => f.kind === 'flow' && f.location?.path === path);
  expect(list).toHaveLength(1);
  return list[0]!;
}

const MAILER = `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.gmail.com' });`;

describe("the app's own wrappers are sinks for their callers", () => {
  test('an exported function over nodemailer: one result per call site with personal data, none for a literal address', () => {
    const files = {
      'src/utils/sendMail.ts': `${MAILER}
export async function sendMail(to: string, subject: string, html: string) {
  await transporter.sendMail({ from: 'noreply@app.io', to, subject, html });
}`,
      'src/users.ts': `import { sendMail } from './utils/sendMail';
export async function register(user: { email: string; fullName: string }) {
  await sendMail(user.email, 'Welcome', '<p>hi</p>');
  await sendMail(user.email, 'Hello ' + user.fullName, '<p>again</p>');
}
export async function report() { await sendMail('ops@app.io', 'Daily report', '<p>ok</p>'); }`,
    };
    expect(flows(files)).toEqual([
      'src/users.ts:3 → src/utils/sendMail.ts:4 [digital-account]',
      'src/users.ts:4 → src/utils/sendMail.ts:4 [digital-account,full-name]',
    ]);
    const f = scanSources(files).findings.find((x) => x.location?.line === 3)!;
    expect(f.message).toContain('via sendMail() → transporter.sendMail()');
    expect(f.properties).toMatchObject({ wrapper: 'sendMail', recipient: { id: 'gmail-smtp' } });
    expect(f.flow!.map((s) => `${s.location.path}:${s.location.line}`)).toEqual([
      'src/users.ts:2',
      'src/users.ts:3',
      'src/users.ts:3',
      'src/utils/sendMail.ts:3',
      'src/utils/sendMail.ts:4',
    ]);
  });

  test('a default export, an arrow function in a const and a CommonJS module.exports, imported and required', () => {
    expect(
      flows({
        'src/lib/http.ts': `import axios from 'axios';
export default async function post(path: string, body: unknown) { return axios.post('https://crm.partner.io' + path, body); }`,
        'src/lib/log.ts': `import pino from 'pino';
const log = pino();
export const audit = (event: string, meta: object) => log.info(meta, event);`,
        'src/lib/mail.js': `${MAILER.replace("import nodemailer from 'nodemailer';", "const nodemailer = require('nodemailer');")}
async function sendMail(to, subject) { await transporter.sendMail({ to, subject }); }
module.exports = sendMail;`,
        'src/a.ts': `import post from './lib/http';
import { audit } from './lib/log';
export async function a(customer: { phone: string; cccd: string }) {
  await post('/customers', { phone: customer.phone });
  audit('customer.created', { cccd: customer.cccd });
}`,
        'src/b.js': `const sendMail = require('./lib/mail');
exports.reset = async (req, res) => { await sendMail(req.body.email, 'Reset'); };`,
      }),
    ).toEqual([
      'src/a.ts:4 → src/lib/http.ts:2 [phone]',
      'src/a.ts:5 → src/lib/log.ts:3 [national-id]',
      'src/b.js:2 → src/lib/mail.js:3 [digital-account]',
    ]);
  });

  test('a method of an injected service (this.mailService.send): reported in the caller, path through the class', () => {
    const f = only(
      {
        'src/mail/mail.service.ts': `import { Injectable } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
@Injectable()
export class MailService {
  private transporter = nodemailer.createTransport({ host: 'smtp.office365.com' });
  async send(to: string, subject: string) { await this.transporter.sendMail({ to, subject }); }
}`,
        'src/users/users.service.ts': `import { Injectable } from '@nestjs/common';
import { MailService } from '../mail/mail.service';
@Injectable()
export class UsersService {
  constructor(private readonly mailService: MailService) {}
  async invite(member: { email: string }) { await this.mailService.send(member.email, 'Invitation'); }
}`,
      },
      'src/users/users.service.ts',
    );
    expect(f.location?.line).toBe(6);
    expect(f.logicalLocations?.[0]).toMatchObject({ name: 'invite', fullyQualifiedName: 'UsersService.invite' });
    expect(f.properties).toMatchObject({ wrapper: 'this.mailService.send', sinkLocation: { path: 'src/mail/mail.service.ts', line: 6 } });
  });

  test('wrappers of wrappers: reported where the data entered the first one, the path through both', () => {
    const f = only(
      {
        'src/mail.ts': `${MAILER}
export function sendRaw(to: string, html: string) { return transporter.sendMail({ to, html }); }
export function sendTemplate(to: string, name: string) { return sendRaw(to, '<p>' + name + '</p>'); }`,
        'src/b.ts': `import { sendTemplate } from './mail';
export async function b(patient: { email: string; hoTen: string }) { await sendTemplate(patient.email, patient.hoTen); }`,
      },
      'src/b.ts',
    );
    expect(f.categories).toEqual(['digital-account', 'full-name']);
    expect(f.flow!.map((s) => s.message)).toEqual([
      'parameter patient of b',
      'patient.email (digital-account)',
      'call sendTemplate()',
      'parameter to of sendTemplate',
      'call sendRaw()',
      'parameter to of sendRaw',
      'transporter.sendMail(): SMTP (nodemailer)',
    ]);
  });

  test('across workspace packages: a logger wrapper in @acme/logger called from an app', () => {
    expect(
      flows({
        'package.json': '{ "name": "root", "workspaces": ["packages/*", "apps/*"] }',
        'packages/logger/package.json': '{ "name": "@acme/logger", "main": "src/index.ts" }',
        'packages/logger/src/index.ts': `import winston from 'winston';
const logger = winston.createLogger({});
export function logEvent(message: string, data?: unknown) { logger.info(message, { data }); }`,
        'apps/api/src/signup.ts': `import { logEvent } from '@acme/logger';
export async function signup(input: { email: string; phone: string }) {
  logEvent('signup', { phone: input.phone });
  logEvent('boot');
}`,
      }),
    ).toEqual(['apps/api/src/signup.ts:3 → packages/logger/src/index.ts:3 [phone]']);
  });

  test("the wrapper's own data stays at its sink; a parameter named after personal data too, when no caller passes any", () => {
    expect(
      flows({
        'src/notify.ts': `import pino from 'pino';
const log = pino();
export function notifyAdmin(message: string, user: { email: string }) { log.info({ message, admin: user.email }); }
export function lookup(phoneNumber: string) { log.info({ phoneNumber }); }`,
        'src/c.ts': `import { notifyAdmin } from './notify';
export function c(patient: { cccd: string }) { notifyAdmin(patient.cccd, { email: 'x' } as never); }`,
      }),
    ).toEqual([
      // Field read by the wrapper itself: at its sink. The caller's CCCD: at the call.
      'src/c.ts:2 → src/notify.ts:3 [national-id]',
      'src/notify.ts:3 [digital-account]',
      'src/notify.ts:4 [phone]',
    ]);
  });

  test('a parameter named after personal data: the callers passing data replace it, one result each', () => {
    expect(
      flows({
        'src/sms.ts': `import twilio from 'twilio';
const client = twilio(process.env.SID, process.env.TOKEN);
export async function sendOtp(phone: string, code: string) { await client.messages.create({ to: phone, body: code }); }`,
        'src/a.ts': `import { sendOtp } from './sms';
export async function a(account: { phone: string }) { await sendOtp(account.phone, '1234'); }
export async function b(req: { body: { soDienThoai: string } }) { await sendOtp(req.body.soDienThoai, '9999'); }`,
      }),
    ).toEqual(['src/a.ts:2 → src/sms.ts:3 [phone]', 'src/a.ts:3 → src/sms.ts:3 [phone]']);
  });

  test('hard negative: a wrapper only ever called with non-personal data reports nothing', () => {
    expect(
      flows({
        'src/lib/log.ts': `import pino from 'pino';
const log = pino();
export function info(message: string, meta?: object) { log.info(meta ?? {}, message); }`,
        'src/a.ts': `import { info } from './lib/log';
export function a(job: { id: string; status: string }) { info('job done', { id: job.id, status: job.status }); info('started'); }`,
      }),
    ).toEqual([]);
  });

  test('a module-private wrapper with local callers only: split in the file, one result per call', () => {
    expect(
      flows({
        'src/a.ts': `import pino from 'pino';
const log = pino();
function trace(what: string, value: unknown) { log.debug({ what, value }); }
export function a(user: { email: string; phone: string }) {
  trace('email', user.email);
  trace('phone', user.phone);
}`,
      }),
    ).toEqual(['src/a.ts:5 → src/a.ts:3 [digital-account]', 'src/a.ts:6 → src/a.ts:3 [phone]']);
  });
});

describe('wrappers taking an options object', () => {
  test('fields destructured in the parameter list are passed on: each call with personal data is a result', () => {
    expect(
      flows({
        'src/helpers/notification.js': `const nodemailer = require('nodemailer');
const sendReminderEmail = async ({ email, subject, htmlContent }) => {
  const transporter = nodemailer.createTransport({ host: 'smtp.gmail.com' });
  await transporter.sendMail({ from: 'shop@app.io', to: email, subject, html: htmlContent });
};
module.exports = sendReminderEmail;`,
        'src/orders.js': `const sendReminderEmail = require('./helpers/notification');
exports.cancel = async (req, res) => {
  const { email } = req.body;
  await sendReminderEmail({ email, subject: 'Cancelled', htmlContent: '<p>x</p>' });
};
exports.refund = async (req, res) => {
  await sendReminderEmail({ email: req.body.email, subject: 'Refund', htmlContent: '<p>y</p>' });
};`,
      }),
    ).toEqual(['src/orders.js:4 → src/helpers/notification.js:4 [digital-account]', 'src/orders.js:7 → src/helpers/notification.js:4 [digital-account]']);
  });

  test('a destructured parameter no caller fills stays at the sink', () => {
    expect(
      flows({
        'src/mail.ts': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export async function send({ email, subject }: { email: string; subject: string }) { await t.sendMail({ to: email, subject }); }`,
      }),
    ).toEqual(['src/mail.ts:3 [digital-account]']);
  });
});
