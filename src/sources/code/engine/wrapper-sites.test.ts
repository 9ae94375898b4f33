import { describe, expect, test } from 'vitest';
import { flowSites, scanSources } from '../../../../test/helpers/scan-sources.js';

const flows = flowSites;

const TRANSPORTER = `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: process.env.MAILER_HOST });
export default transporter;`;

describe('a module exporting an instance of its service class', () => {
  const service = (exportLine: string): string => `import transporter from './transporter.js';
class EmailService {
  async activated(user) {
    const mailOptions = { to: user.email, subject: 'Activated' };
    return transporter.sendMail(mailOptions);
  }
}
${exportLine}`;
  const caller = (importLine: string, call: string): string => `${importLine}
export async function activate(req) {
  const user = { email: req.body.email };
  ${call};
}`;

  test('export default new EmailService(): a call on the default import reaches the method, reported at the call', () => {
    expect(
      flows({
        'src/transporter.js': TRANSPORTER,
        'src/email.service.js': service('export default new EmailService();'),
        'src/auth.service.js': caller("import EmailService from './email.service.js';", 'EmailService.activated(user)'),
      }),
    ).toEqual(['src/auth.service.js:4 → src/email.service.js:5 [digital-account]']);
  });

  test('module.exports = new EmailService(), required; and a named instance export', () => {
    expect(
      flows({
        'src/transporter.js': TRANSPORTER,
        'src/email.service.js': service('module.exports = new EmailService();'),
        'src/auth.service.js': caller("const emailService = require('./email.service.js');", 'emailService.activated(user)'),
      }),
    ).toEqual(['src/auth.service.js:4 → src/email.service.js:5 [digital-account]']);
    expect(
      flows({
        'src/transporter.js': TRANSPORTER,
        'src/email.service.ts': service('export const emailService = new EmailService();'),
        'src/auth.service.ts': caller("import { emailService } from './email.service';", 'emailService.activated(user)'),
      }),
    ).toEqual(['src/auth.service.ts:4 → src/email.service.ts:5 [digital-account]']);
  });
});

describe('fields read on a parameter', () => {
  test('untyped (plain JavaScript): reported at each call handing a value, with the fields read only', () => {
    expect(
      flows({
        'src/transporter.js': TRANSPORTER,
        'src/mail.js': `import transporter from './transporter.js';
export async function sendWelcome(user) { await transporter.sendMail({ to: user.email, subject: 'Welcome' }); }`,
        'src/users.js': `import { sendWelcome } from './mail.js';
export async function a(req) { await sendWelcome({ email: req.body.email, phone: req.body.phone }); }
export async function b(req) { await sendWelcome(req.body); }
export async function c() { await sendWelcome({ email: 'ops@app.io' }); }`,
      }),
      // Not the caller's phone: only what the wrapper reads. The literal address is no one's.
    ).toEqual(['src/users.js:2 → src/mail.js:2 [digital-account]', 'src/users.js:3 → src/mail.js:2 [digital-account]']);
  });

  test('declared with a record type (a DTO the service works on): stays at the sink', () => {
    expect(
      flows({
        'src/create-user.dto.ts': 'export class CreateUserDto { email!: string; fullName!: string }',
        'src/mail.ts': `import nodemailer from 'nodemailer';
import { CreateUserDto } from './create-user.dto';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export async function welcome(dto: CreateUserDto) { await t.sendMail({ to: dto.email, subject: 'Welcome' }); }`,
        'src/users.ts': `import { welcome } from './mail';
export async function a(req: any) { await welcome(req.body); }`,
      }),
    ).toEqual(['src/mail.ts:4 [digital-account]']);
  });
});

describe('analytics wrappers', () => {
  const POSTHOG = `import { PostHog } from 'posthog-node';
let instance: PostHog | undefined;
export function posthog() {
  if (!instance) instance = new PostHog(process.env.POSTHOG_KEY!, {});
  return instance;
}
export function track(user: { id: string }, event: { event: string; properties?: Record<string, unknown> }) {
  posthog()?.capture({ ...event, distinctId: user.id });
}`;

  test('every call of the wrapper is a tracking call: online activity at medium confidence, higher with personal properties', () => {
    const out = scanSources({
      'src/lib/posthog.ts': POSTHOG,
      'src/auth.ts': `import { track } from './lib/posthog';
export async function onLogin(user: { id: string; email: string; name: string }) {
  track({ id: user.id }, { event: 'login' });
  track({ id: user.id }, { event: 'register', properties: { $set: { name: user.name, email: user.email } } });
  const n = count({ event: 'x' });
}
function count(x: unknown) { return 1; }`,
    });
    const at = (line: number) => out.findings.filter((f) => f.ruleId === 'pd-cross-border' && f.location?.path === 'src/auth.ts' && f.location.line === line);
    expect(at(3).map((f) => [f.categories, f.confidence])).toEqual([[['online-activity'], 'medium']]);
    expect(at(4).map((f) => f.categories)).toEqual([['online-activity', 'digital-account', 'full-name']]);
    expect(at(4)[0]!.confidence).toBe('high');
    // Nothing at the sink itself: its callers are where the events happen.
    expect(out.findings.filter((f) => f.kind === 'flow' && f.location?.path === 'src/lib/posthog.ts')).toEqual([]);
  });

  test('a wrapper of a non-tracking sink is not reported where nothing personal is passed', () => {
    expect(
      flows({
        'src/mail.ts': `${TRANSPORTER}
export async function notify(email: string, text: string) { await transporter.sendMail({ to: email, text }); }`,
        'src/jobs.ts': `import { notify } from './mail';
export async function daily() { await notify(process.env.OPS_EMAIL!, 'done'); }`,
      }),
    ).toEqual(['src/mail.ts:4 [digital-account]']);
  });
});

describe('destructured fields whose names say nothing', () => {
  test('({ to, subject }) passes on what each caller puts there; a literal address is no one', () => {
    expect(
      flows({
        'src/lib/resend.ts': `import { Resend } from 'resend';
export const resend = process.env.K ? new Resend(process.env.K) : null;
export const sendEmail = async ({ to, subject, test }: { to: string; subject: string; test?: boolean }) => {
  await resend!.emails.send({ from: 'a@b.c', to: test ? 'x@resend.dev' : to, subject });
};`,
        'src/otp.ts': `import { sendEmail } from './lib/resend';
export const sendOtp = async (email: string, code: string) => { await sendEmail({ to: email, subject: 'code ' + code }); };
export const report = async () => { await sendEmail({ to: 'ops@x.io', subject: 'ok' }); };`,
      }),
    ).toEqual(['src/otp.ts:2 → src/lib/resend.ts:4 [digital-account]']);
  });
});

describe('an options parameter', () => {
  const SEND = `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
interface DispatchOptions { to: string; subject?: string }
async function dispatch(options: DispatchOptions) {
  await t.sendMail({ from: 'a@b.c', to: options.to, subject: options.subject });
}
export async function sendX(args: { to: string; code: string }) { await dispatch({ to: args.to, subject: 'code ' + args.code }); }`;

  test('options.to stands for what each caller puts under "to", through wrappers of wrappers', () => {
    expect(
      flows({
        'src/send.ts': SEND,
        'src/auth.ts': `import { sendX } from './send';
export async function onOtp(req: any) { await sendX({ to: req.body.email, code: '1' }); }
export async function daily() { await sendX({ to: 'ops@app.io', code: '2' }); }`,
      }),
    ).toEqual(['src/auth.ts:2 → src/send.ts:5 [digital-account]']);
  });

  test('a record parameter is not an options object: user.id is the id only', () => {
    expect(
      flows({
        'src/a.ts': `import { PostHog } from 'posthog-node';
const ph = new PostHog('k');
function identify(user: { id: string }) { ph.identify({ distinctId: user.id }); }
export function f(account: { id: string; email: string; phone: string }) { identify(account); }`,
      }).join(' '),
    ).not.toMatch(/digital-account|phone/);
  });
});
