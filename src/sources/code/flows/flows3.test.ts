import { describe, expect, test } from 'vitest';
import { flowSummary, scanSources } from '../../../../test/helpers/scan-sources.js';

const RESEND = `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_KEY);
const base = { from: 'team@example.test', to: 'fixed@example.test', subject: 'Invite' };`;

describe('categories carried through rendering', () => {
  test('JSX elements carry their attributes and children; components and render* calls carry their arguments', () => {
    const out = scanSources({
      'src/invite.tsx': `${RESEND}
import TeamInvitation from './team';
import Other from '@acme/emails/other';
import { renderInviteEmail } from 'some-templates';
import { render } from '@react-email/render';
export async function a(senderName: string) {
  await resend.emails.send({ ...base, react: <TeamInvitation senderName={senderName} /> });
}
export async function b(senderName: string) {
  await resend.emails.send({ ...base, react: TeamInvitation({ senderName }) });
}
export async function c(inviterName: string) {
  const html = await renderInviteEmail({ inviterName });
  await resend.emails.send({ ...base, html });
}
export async function d(inviterName: string) {
  const html = await render(Other({ inviterName }));
  await resend.emails.send({ ...base, html });
}
export function e(senderName: string) { console.log(<p>Hi {senderName}</p>); }
`,
      'src/team.tsx': `export default function TeamInvitation({ senderName }: { senderName: string }) { return <div>Hi {senderName}</div>; }`,
    });
    expect(flowSummary(out, 'src/invite.tsx')).toEqual([
      'pd-cross-border 12 [full-name]',
      'pd-cross-border 16 [full-name]',
      'pd-cross-border 20 [full-name]',
      'pd-cross-border 9 [full-name]',
      'pd-log 22 [full-name]',
    ]);
    const f = out.findings.find((x) => x.location?.path === 'src/invite.tsx' && x.location.line === 16);
    expect(f?.flow?.some((s) => s.message.includes('rendered by renderInviteEmail()'))).toBe(true);
  });

  test('hard negative: counting, hashing and numeric conversion do not pass data on', () => {
    const out = scanSources({
      'src/n.tsx': `${RESEND}
export async function h(email: string) {
  await resend.emails.send({ ...base, html: String(countWords(email)) + Number(email) + hashEmail(email) + isValidEmail(email) });
  console.log(<Badge count={countChars(email)} />);
}`,
    });
    expect(flowSummary(out)).toEqual([]);
  });
});

describe('parameter objects with wrapper names', () => {
  test('options.email, params.phone and config.email of a parameter keep their categories', () => {
    const out = scanSources({
      'src/p.ts': `export function f(options: { email: string }) { console.log(options.email); }
export function g(params: { phone: string }) { console.log(params.phone); }
export function h(config) { console.log(config.email); }`,
    });
    expect(flowSummary(out)).toEqual(['pd-log 1 [digital-account]', 'pd-log 2 [phone]', 'pd-log 3 [digital-account]']);
  });

  test('hard negative: a module-level config object and this.options stay configuration', () => {
    const out = scanSources({
      'src/q.ts': `const config = { email: process.env.ADMIN_EMAIL };
export class Mailer { options: { email: string } = { email: '' };
  f() { console.log(config.email); console.log(this.options.email); } }`,
    });
    expect(flowSummary(out)).toEqual([]);
  });
});

describe('untyped objects known by the fields read from them', () => {
  test('a whole parameter logged before its personal fields are read', () => {
    const out = scanSources({
      'src/r.js': `export const register = async (data) => {
  console.log(data);
  if (!data.email || !data.phonenumber) return;
};`,
    });
    expect(flowSummary(out)).toEqual(['pd-log 2 [digital-account,phone]']);
    const f = out.findings.find((x) => x.location?.line === 2);
    expect(f?.flow?.map((s) => s.message)).toContain('data.email read (digital-account)');
  });

  test('hard negative: only non-personal fields read, or a typed parameter', () => {
    const out = scanSources({
      'src/s.ts': `export function m(input) { logger.info(input); return input.total + input.count; }
export function t(order: Order) { console.log(order); return order.buyerEmail; }
interface Order { id: string; total: number }`,
    });
    expect(flowSummary(out)).toEqual([]);
  });
});

describe('AI SDKs', () => {
  const recipients = (files: Record<string, string>) =>
    scanSources(files)
      .findings.filter((f) => f.kind === 'flow')
      .map((f) => `${f.location?.line} ${(f.properties?.['recipient'] as { id: string } | undefined)?.id ?? '-'} [${f.categories.join(',')}]`)
      .sort();

  test('Vercel AI SDK calls go to the provider of their model; LangChain chat models to theirs', () => {
    expect(
      recipients({
        'src/ai.ts': `import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
import { ChatOpenAI } from '@langchain/openai';
export async function a(user: { email: string; fullName: string }) {
  return generateText({ model: openai('gpt-4o'), prompt: \`Write to \${user.fullName}\` });
}
export async function b(email: string) {
  const model = anthropic('claude-3');
  return streamText({ model, messages: [{ role: 'user', content: email }] });
}
export async function c(phone: string) {
  const llm = new ChatOpenAI({ model: 'gpt-4o' });
  return llm.invoke(\`call \${phone}\`);
}`,
      }),
    ).toEqual(['10 anthropic [digital-account]', '14 openai [phone]', '6 openai [full-name]']);
  });

  test('hard negative: a fixed prompt, and a model from the project itself', () => {
    expect(
      recipients({
        'src/ai.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { localModel } from './model';
export async function d() { return generateText({ model: openai('gpt-4o'), prompt: 'hello' }); }
export async function e(email: string) { return generateText({ model: localModel, prompt: email }); }`,
      }),
    ).toEqual([]);
  });
});

describe('bare name on an untyped object next to contact fields', () => {
  test('d.name beside d.email is a full name', () => {
    const out = scanSources({
      'src/mail.js': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export const send = async (d) => {
  await t.sendMail({ to: d.email, html: \`Hi \${d.name}\` });
};`,
    });
    expect(flowSummary(out)).toEqual(['pd-cross-border 4 [digital-account,full-name]']);
  });

  test('hard negative: name of an object without contact fields', () => {
    const out = scanSources({
      'src/mail.js': `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export const send = async (d, product) => {
  await t.sendMail({ to: d.email, html: \`New: \${product.name} \${product.price}\` });
};`,
    });
    expect(flowSummary(out)).toEqual(['pd-cross-border 4 [digital-account]']);
  });
});

describe('recipients named by environment variables', () => {
  const sentTo = (files: Record<string, string>) =>
    scanSources(files)
      .findings.filter((f) => f.kind === 'flow')
      .map((f) => `${f.location?.line} ${(f.properties?.['recipient'] as { id: string } | undefined)?.id ?? '-'} ${f.properties?.['hostEnv'] ?? ''} ${f.confidence}`)
      .sort();

  test('SLACK_WEBHOOK_URL and HUBSPOT_API_URL name their recipient; GHL_WEBHOOK_URL stays unknown', () => {
    expect(
      sentTo({
        'src/hooks.ts': `import axios from 'axios';
export async function a(email: string) {
  await axios.post(process.env.SLACK_WEBHOOK_URL!, { text: email });
  await fetch(process.env.HUBSPOT_API_URL + '/contacts', { method: 'POST', body: JSON.stringify({ email }) });
  await fetch(process.env.GHL_WEBHOOK_URL!, { method: 'POST', body: JSON.stringify({ email }) });
}`,
      }),
    ).toEqual(['3 slack SLACK_WEBHOOK_URL medium', '4 hubspot HUBSPOT_API_URL medium', '5 - GHL_WEBHOOK_URL medium']);
  });
});

describe("methods of the app's own client classes", () => {
  const SLACK = `export class SlackClient {
  async sendMessage(channel: string, message: { text: string }) {
    return fetch('https://slack.com/api/chat.postMessage', { method: 'POST', body: JSON.stringify({ channel, ...message }) });
  }
}`;
  const flows = (files: Record<string, string>) => scanSources(files).findings.filter((f) => f.kind === 'flow');

  test.each([
    ['a field initialiser', `private client = new SlackClient();`],
    ['a constructor assignment', `private client;\n  constructor() { this.client = new SlackClient(); }`],
    ['a typed constructor parameter', `constructor(private readonly client: SlackClient) {}`],
  ])('%s: the call reaches the SDK sink inside the class, reported at the call with the codeFlow through the class', (_, member) => {
    const out = flows({
      'src/slack.ts': SLACK,
      'src/notify.ts': `import { SlackClient } from './slack';
export class Notifier {
  ${member}
  async a(viewer: { email: string }) { await this.client.sendMessage('c', { text: \`by \${viewer.email}\` }); }
}`,
    });
    expect(out.map((f) => `${f.location?.path}:${f.location?.line} ${(f.properties?.['recipient'] as { id: string }).id} [${f.categories.join(',')}]`)).toEqual([`src/notify.ts:${3 + member.split('\n').length} slack [digital-account]`]);
    expect(out[0]!.flow?.some((s) => s.location.path === 'src/notify.ts' && s.message === 'call this.client.sendMessage()')).toBe(true);
    expect(out[0]!.flow?.[out[0]!.flow.length - 1]?.location).toMatchObject({ path: 'src/slack.ts', line: 3 });
  });

  test('a class in the same file is not confused with a namesake elsewhere; hard negative: a class that only keeps data', () => {
    const out = flows({
      'src/slack.ts': SLACK,
      'src/a.ts': `${SLACK}
class Cache { private m = new Map<string, string>(); put(k: string, v: string) { this.m.set(k, v); } }
export class N {
  private client = new SlackClient();
  private cache = new Cache();
  async a(viewer: { email: string }) { await this.client.sendMessage('c', { text: viewer.email }); this.cache.put('k', viewer.email); }
}`,
    });
    // The call of a.ts's own SlackClient (line 10), whose sink is line 3; Cache keeps data, no sink.
    expect(out.map((f) => `${f.location?.path}:${f.location?.line} → ${(f.properties?.['sinkLocation'] as { path: string; line: number }).path}:${(f.properties?.['sinkLocation'] as { line: number }).line}`)).toEqual(['src/a.ts:10 → src/a.ts:3']);
  });
});

describe('URLs built from a string field of the class', () => {
  test('this.baseUrl, directly or through a local const, names the host; hard negative: a relative base stays internal', () => {
    const out = scanSources({
      'src/slack.ts': `export class SlackClient {
  private baseUrl = "https://slack.com/api";
  async sendMessage(token: string, message: { text: string }) {
    const requestUrl = \`\${this.baseUrl}/chat.postMessage\`;
    await fetch(\`\${this.baseUrl}/chat.postMessage\`, { method: 'POST', body: JSON.stringify(message) });
    return fetch(requestUrl, { method: 'POST', body: JSON.stringify(message) });
  }
}
export class U { private c = new SlackClient(); async f(email: string) { await this.c.sendMessage('t', { text: email }); } }
export class Other { private baseUrl = '/api'; async g(email: string) { await fetch(\`\${this.baseUrl}/x\`, { method: 'POST', body: email }); } }`,
    });
    // Both fetch calls (lines 5 and 6) are reached from the one call of sendMessage (line 9).
    expect(out.findings.filter((f) => f.kind === 'flow').map((f) => `${f.location?.line}→${(f.properties?.['sinkLocation'] as { line: number } | undefined)?.line} ${(f.properties?.['recipient'] as { id: string } | undefined)?.id} [${f.categories.join(',')}]`)).toEqual([
      '9→5 slack [digital-account]',
      '9→6 slack [digital-account]',
    ]);
  });
});
