import { describe, expect, test } from 'vitest';
import { flowsWith } from '../../../../test/helpers/frameworks.js';
import { smtp } from './smtp.js';

describe('smtp (nodemailer)', () => {
  test('sendMail goes to the configured service, host, or environment-named server', () => {
    const code = `
import nodemailer from 'nodemailer';
const gmail = nodemailer.createTransport({ service: 'gmail' });
const ses = nodemailer.createTransport({ host: process.env.SMTP_HOST });
export async function send(email: string) {
  await gmail.sendMail({ to: email });
  await ses.sendMail({ to: email });
}`;
    const hits = flowsWith([smtp], code).hits.map((h) => `${h.sink.api} ${h.sink.recipient?.id}`);
    expect(hits).toEqual(['gmail.sendMail gmail-smtp', 'ses.sendMail smtp:SMTP_HOST']);
  });

  test('a mailer-named object imported from the project falls back to SMTP when its module is no client', () => {
    const flows = flowsWith([smtp], `import { mailer } from './mail';\nexport function f(email: string) { mailer.sendMail({ to: email }); }`);
    expect(flows.hits).toHaveLength(1);
    expect(flows.hits[0]!.client).toMatchObject({ key: 'src/mail#mailer', fallback: { sink: { label: 'SMTP (nodemailer)', heuristic: true } } });
  });

  test('an exported transport only sends through sendMail', () => {
    const flows = flowsWith([smtp], `import nodemailer from 'nodemailer';\nexport const transporter = nodemailer.createTransport({ service: 'sendgrid' });`);
    expect(flows.clients['src/app#transporter']).toMatchObject({ methods: ['sendMail'], sink: { recipient: { id: 'sendgrid' } } });
  });
});
