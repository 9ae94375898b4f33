import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { i18n } from './i18n.js';
import { smtp } from './smtp.js';

describe('translation calls', () => {
  test('the values interpolated into a message reach where the message goes', () => {
    const flows = flowsWith(
      [i18n, smtp],
      `import nodemailer from 'nodemailer';
import i18next from 'i18next';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export async function notify(user: { email: string }) {
  await t.sendMail({ to: process.env.ADMIN_EMAIL, subject: 'signup', html: i18next.t('signup.message', { email: user.email }) });
}`,
    );
    expect(sinks(flows)).toEqual(['t.sendMail → messaging: SMTP (nodemailer)']);
    expect(flows.hits[0]!.taint.some((l) => l.k === 'cat' && l.cat === 'digital-account')).toBe(true);
  });

  test('a message with no personal value stays clean', () => {
    const flows = flowsWith(
      [i18n, smtp],
      `import nodemailer from 'nodemailer';
import i18next from 'i18next';
const t = nodemailer.createTransport({ host: 'smtp.gmail.com' });
export async function notify() {
  await t.sendMail({ to: process.env.ADMIN_EMAIL, subject: i18next.t('report.subject', { count: 3 }) });
}`,
    );
    expect(flows.hits.filter((h) => h.taint.some((l) => l.k === 'cat'))).toEqual([]);
  });
});
