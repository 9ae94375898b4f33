import { describe, expect, test } from 'vitest';
import { flowSummary, scanSources } from '../../../../test/helpers/scan-sources.js';
import type { Finding } from '../../../model/finding.js';

/** Third-party flows as "path:line recipient [categories]". */
function sent(files: Record<string, string>): string[] {
  return scanSources(files)
    .findings.filter((f) => f.kind === 'flow' && f.properties?.['sink'] !== 'log' && f.properties?.['sink'] !== 'storage')
    .map((f) => `${f.location?.path}:${f.location?.line} ${(f.properties?.['recipient'] as { id: string } | undefined)?.id ?? '-'} [${f.categories.join(',')}]`)
    .sort();
}

function flowFiles(f: Finding | undefined): string[] {
  const out: string[] = [];
  for (const s of f?.flow ?? []) if (out[out.length - 1] !== s.location.path) out.push(s.location.path);
  return out;
}

const STRIPE_CLIENT = `import Stripe from 'stripe';
export const stripe = new Stripe(process.env.STRIPE_KEY ?? '');`;

describe('SDK clients created in one module and used in another', () => {
  test('an exported client reaches its recipient through a relative import and path aliases', () => {
    const files = {
      'src/lib/stripe.ts': STRIPE_CLIENT,
      'src/billing/a.ts': `import { stripe } from '../lib/stripe';
export async function a(user: { email: string; name: string }) {
  return stripe.customers.create({ email: user.email, name: user.name });
}`,
      'src/billing/b.ts': `import { stripe } from '@app/lib/stripe';
export async function b(email: string) { return stripe.customers.create({ email }); }`,
      'src/billing/c.ts': `import { stripe } from '~/lib/stripe';
export async function c(email: string) { return stripe.customers.update('cus_1', { email }); }`,
    };
    expect(sent(files)).toEqual(['src/billing/a.ts:3 stripe [digital-account,full-name]', 'src/billing/b.ts:2 stripe [digital-account]', 'src/billing/c.ts:2 stripe [digital-account]']);
    const f = scanSources(files).findings.find((x) => x.location?.path === 'src/billing/a.ts' && x.kind === 'flow');
    expect(f?.ruleId).toBe('pd-cross-border');
    expect(f?.flow?.[f.flow.length - 1]?.message).toBe('stripe.customers.create(): Stripe');
  });

  test('a default export of a client, and a client passed on by a barrel', () => {
    expect(
      sent({
        'src/server.ts': `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.KEY!);\nexport default stripe;`,
        'src/lib/index.ts': `export * from './stripe';`,
        'src/lib/stripe.ts': STRIPE_CLIENT,
        'src/use.ts': `import stripe from './server';
import { stripe as s2 } from './lib';
export async function f(email: string) {
  await stripe.customers.create({ email });
  await s2.customers.create({ email });
}`,
      }),
    ).toEqual(['src/use.ts:4 stripe [digital-account]', 'src/use.ts:5 stripe [digital-account]']);
  });

  test('hard negative: an exported object that is not a client, and configuration calls', () => {
    expect(
      sent({
        'src/lib/stripe.ts': `export const stripe = { customers: { create: (x: unknown) => x } };`,
        'src/lib/real.ts': STRIPE_CLIENT,
        'src/use.ts': `import { stripe } from './lib/stripe';
import { stripe as real } from './lib/real';
export async function f(email: string) {
  await stripe.customers.create({ email });
  real.setConfig({ email });
}`,
      }),
    ).toEqual([]);
  });

  test('the codeFlow runs from the caller of the using file to the SDK call', () => {
    const out = scanSources({
      'src/lib/twilio.ts': `import twilio from 'twilio';\nexport const sms = twilio(process.env.SID, process.env.TOKEN);`,
      'src/notify.ts': `import { sms } from './lib/twilio';
export async function notify(target: string, body: string) { await sms.messages.create({ to: target, body }); }`,
      'src/controller.ts': `import { notify } from './notify';
export async function handler(req: { body: { soDienThoai: string } }) { await notify(req.body.soDienThoai, 'hi'); }`,
    });
    // notify() is the app's own wrapper: the result is where the phone number enters it.
    const f = out.findings.find((x) => x.kind === 'flow' && x.location?.path === 'src/controller.ts');
    expect(f?.properties).toMatchObject({ recipient: { id: 'twilio' }, wrapper: 'notify', sinkLocation: { path: 'src/notify.ts', line: 2 } });
    expect(f?.categories).toContain('phone');
    expect(flowFiles(f)).toEqual(['src/controller.ts', 'src/notify.ts']);
    expect(out.findings.filter((x) => x.kind === 'flow' && x.location?.path === 'src/notify.ts')).toEqual([]);
  });
});

describe('clients made by factories, conditionally or lazily', () => {
  test('a local factory (Twilio) and a factory returning new PostHog(), also across files', () => {
    expect(
      sent({
        'src/sms.ts': `import TwilioClient from 'twilio';
function createClient() {
  if (process.env.SID) return TwilioClient(process.env.SID, process.env.TOKEN);
  throw new Error('no credentials');
}
export async function send(phoneNumber: string, body: string) {
  const twilio = createClient();
  return twilio.messages.create({ to: phoneNumber, body });
}`,
        'src/app/posthog.ts': `import { PostHog } from 'posthog-node';
export default function PostHogClient() { return new PostHog(process.env.KEY!, { host: 'https://eu.i.posthog.com' }); }`,
        'src/track.ts': `import PostHogClient from '@/app/posthog';
export const posthog = PostHogClient();
export function track(userId: string, email: string) { posthog.capture({ distinctId: userId, event: 'x', properties: { email } }); }`,
        'src/other.ts': `import { posthog } from './track';
export function again(email: string) { posthog.capture({ distinctId: 'x', event: 'y', properties: { email } }); }`,
      }),
    ).toEqual(['src/other.ts:2 posthog [online-activity,digital-account]', 'src/sms.ts:8 twilio [phone]', 'src/track.ts:3 posthog [online-activity,digital-account]']);
  });

  test('conditional, fallback and lazily cached clients', () => {
    expect(
      sent({
        'src/resend.ts': `import { Resend } from 'resend';
export const resend = process.env.KEY ? new Resend(process.env.KEY) : null;`,
        'src/stripe.ts': `import Stripe from 'stripe';
let cached: Stripe | null = null;
export function getStripe() {
  if (!cached) cached = new Stripe(process.env.K!);
  return cached;
}
export const fallback = (globalThis as any).stripe ?? new Stripe('k');`,
        'src/use.ts': `import { resend } from './resend';
import { getStripe, fallback } from './stripe';
export async function f(email: string) {
  if (!resend) return;
  await resend.emails.send({ from: 'a@b.c', to: email, subject: 'x', text: 'y' });
  await getStripe().customers.create({ email });
  const s = getStripe();
  await s.customers.update('cus_1', { email });
  await fallback.customers.create({ email });
}`,
      }),
    ).toEqual(['src/use.ts:5 resend [digital-account]', 'src/use.ts:6 stripe [digital-account]', 'src/use.ts:8 stripe [digital-account]', 'src/use.ts:9 stripe [digital-account]']);
  });

  test('hard negative: a factory that returns a plain object, and a client named after an SDK whose module is scanned', () => {
    expect(
      sent({
        'src/sms.ts': `function createClient() { return { messages: { create: (x: unknown) => x } }; }
export async function send(phoneNumber: string) { const twilio = createClient(); return twilio.messages.create({ to: phoneNumber }); }`,
        'src/lib/resend.ts': `export const resend = { emails: { send: (x: unknown) => x } };`,
        'src/use.ts': `import { resend } from './lib/resend';
export async function f(email: string) { await resend.emails.send({ to: email }); }`,
      }),
    ).toEqual([]);
  });

  test('a client named after an SDK from a module left out of the scan is reported at medium confidence', () => {
    const out = scanSources({
      'src/send.ts': `import { resend } from './resend';
export async function f(email: string) { await resend.emails.send({ from: 'a@b.c', to: email, subject: 'x' }); }`,
    });
    const f = out.findings.find((x) => x.kind === 'flow');
    expect(f?.properties).toMatchObject({ recipient: { id: 'resend' } });
    expect(f?.confidence).toBe('medium');
  });
});

describe('a bare name next to contact data', () => {
  test('name beside an email parameter is a full name in an e-mail body and in a log (medium)', () => {
    const out = scanSources({
      'src/mail.ts': `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export async function welcome(email: string, name: string) {
  await transporter.sendMail({ to: email, html: \`<p>Hi \${name}</p>\` });
  console.log(\`Name: \${name}\`);
}
export async function subscribe({ email, name }: { email: string; name?: string }) {
  await transporter.sendMail({ to: email, subject: \`Hi \${name}\` });
}`,
    });
    expect(flowSummary(out)).toEqual(['pd-cross-border 4 [digital-account,full-name]', 'pd-cross-border 8 [digital-account,full-name]', 'pd-log 5 [full-name]']);
    const log = out.findings.find((f) => f.ruleId === 'pd-log')!;
    expect(log.confidence).toBe('medium');
  });

  test('hard negative: createTag(name), product.name, a name with no contact beside it', () => {
    const out = scanSources({
      'src/tags.ts': `import { Logger } from '@nestjs/common';
const logger = new Logger('tags');
export function createTag(name: string) { logger.log(\`tag \${name}\`); }
export function rename(product: { name: string; email: string }) { logger.log(product.name); }
export function group(name: string, ownerId: string) { logger.log(name, ownerId); }`,
    });
    expect(flowSummary(out)).toEqual([]);
  });
});

describe('payload keys decide for neutral values sent to a third party', () => {
  const CIO = `import { APIClient, SendEmailRequest } from 'customerio-node';
const client = new APIClient(process.env.KEY!);`;

  test('identifiers.email and to in a direct payload and inside an SDK request object', () => {
    const out = scanSources({
      'src/cio.ts': `${CIO}
export function direct(recipient: string) {
  return client.sendEmail({ to: recipient, identifiers: { email: recipient } });
}
export function wrapped(value: string) {
  const request = new SendEmailRequest({ transactional_message_id: 'welcome', to: value });
  return client.sendEmail(request);
}`,
    });
    const flows = out.findings.filter((f) => f.kind === 'flow');
    expect(flows.map((f) => `${f.location?.line} [${f.categories.join(',')}] ${f.confidence}`).sort()).toEqual(['4 [digital-account] medium', '8 [digital-account] medium']);
    expect(flows[0]!.flow!.some((s) => /key (email|to)/.test(s.message))).toBe(true);
  });

  test('to is a phone number for an SMS service', () => {
    expect(
      sent({
        'src/sms.ts': `import twilio from 'twilio';
const t = twilio('sid', 'token');
export function send(target: string, body: string) { return t.messages.create({ to: target, body }); }`,
      }),
    ).toEqual(['src/sms.ts:3 twilio [phone]']);
  });

  test('hard negative: the same keys in a log, in storage, with literals, and when callers pass no personal data', () => {
    const out = scanSources({
      'src/a.ts': `${CIO}
import { Logger } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
const logger = new Logger('a');
const prisma = new PrismaClient();
export function a(recipient: string) {
  logger.log({ email: recipient });
  return prisma.job.create({ data: { email: recipient } });
}
export function b() { return client.sendEmail({ to: 'ops@example.com', identifiers: { email: process.env.OPS_EMAIL } }); }
export function c(target: string) { return client.sendEmail({ to: target }); }
export function d() { return c('ops@example.com'); }`,
    });
    expect(flowSummary(out)).toEqual([]);
  });
});

describe('nodemailer recipients', () => {
  test('a host from the environment is an SMTP server to identify (no country), also across files', () => {
    const out = scanSources({
      'src/mailer.ts': `import nodemailer from 'nodemailer';
export const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });`,
      'src/use.ts': `import { transporter } from './mailer';
export async function f(email: string) { await transporter.sendMail({ to: email, subject: 'x' }); }`,
      'src/url.ts': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport(process.env.SMTP_URL);
export async function g(email: string) { await t.sendMail({ to: email }); }`,
    });
    const byPath = Object.fromEntries(out.findings.filter((f) => f.kind === 'flow').map((f) => [f.location!.path, f]));
    expect(byPath['src/use.ts']).toMatchObject({ ruleId: 'pd-third-party', properties: { recipient: { id: 'smtp:SMTP_HOST', name: 'SMTP server (from SMTP_HOST)' } } });
    expect((byPath['src/use.ts']!.properties!['recipient'] as { country?: string }).country).toBeUndefined();
    expect(byPath['src/url.ts']?.properties).toMatchObject({ recipient: { id: 'smtp:SMTP_URL' } });
  });

  test('a literal host or connection URL maps through the recipient catalogue', () => {
    expect(
      sent({
        'src/a.ts': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport('smtps://user:pass@smtp.gmail.com:465');
export async function g(email: string) { await t.sendMail({ to: email }); }`,
      }),
    ).toEqual(['src/a.ts:3 gmail-smtp [digital-account]']);
  });
});

describe('common real-app patterns', () => {
  test('sgMail.send(msg), posthog.identify, Sentry.setUser, an axios instance with a base URL', () => {
    expect(
      sent({
        'src/a.ts': `import sgMail from '@sendgrid/mail';
import { PostHog } from 'posthog-node';
import * as Sentry from '@sentry/node';
import axios from 'axios';
sgMail.setApiKey(process.env.K!);
const posthog = new PostHog('k');
const api = axios.create({ baseURL: 'https://api.hubapi.com' });
export async function f(user: { id: string; email: string }) {
  const msg = { to: user.email, from: 'a@b.c', subject: 'hi', text: 'x' };
  await sgMail.send(msg);
  posthog.identify({ distinctId: user.id, properties: { email: user.email } });
  Sentry.setUser({ id: user.id, email: user.email });
  await api.post('/crm/v3/objects/contacts', { email: user.email });
}`,
      }),
    ).toEqual(['src/a.ts:10 sendgrid [digital-account]', 'src/a.ts:11 posthog [online-activity,digital-account]', 'src/a.ts:12 sentry [digital-account]', 'src/a.ts:13 hubspot [digital-account]']);
  });
});

describe('storage frameworks from declarations', () => {
  test('a sensitive Drizzle column without encryption gets the unencrypted-storage risk, like a Prisma one', () => {
    const out = scanSources({
      'src/db/schema.ts': `import { pgTable, text, serial } from 'drizzle-orm/pg-core';
export const benhAn = pgTable('benh_an', { id: serial('id').primaryKey(), chanDoan: text('chan_doan') });`,
      'prisma/schema.prisma': 'model HoSo {\n  id Int @id\n  chan_doan String\n}',
    });
    const risks = out.findings.filter((f) => f.ruleId === 'pd-sensitive-unencrypted');
    expect(risks.map((f) => `${f.location?.path} ${f.properties?.['framework']}`).sort()).toEqual(['prisma/schema.prisma prisma', 'src/db/schema.ts drizzle']);
  });
});

describe('a lazily made client from another package', () => {
  test('getStripe() returning a cached client made by a workspace package factory reaches Stripe', () => {
    expect(
      sent({
        'package.json': '{"name":"root","workspaces":["packages/*","apps/*"]}',
        'packages/billing/package.json': '{"name":"@acme/billing","exports":{".":"./src/index.ts"}}',
        'packages/billing/src/index.ts': "export * from './lib/stripe';",
        'packages/billing/src/lib/stripe.ts': `import Stripe from 'stripe';
export function createStripeClient({ secretKey }: { secretKey: string }) { return new Stripe(secretKey, {}); }`,
        'apps/web/src/billing/service.ts': `import { createStripeClient } from '@acme/billing';
let stripeClient: ReturnType<typeof createStripeClient> | undefined;
export function getStripe() {
  if (!stripeClient) stripeClient = createStripeClient({ secretKey: process.env.STRIPE_SECRET_KEY! });
  return stripeClient;
}`,
        'apps/web/src/billing/actions.ts': `import { getStripe } from './service';
export async function checkout(user: { email: string; name: string }) {
  await getStripe().customers.create({ email: user.email, name: user.name });
}`,
      }),
    ).toEqual(['apps/web/src/billing/actions.ts:3 stripe [digital-account,full-name]']);
  });
});
