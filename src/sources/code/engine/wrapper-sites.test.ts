import { describe, expect, test } from 'vitest';
import { flowSites } from '../../../../test/helpers/scan-sources.js';

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
