import { describe, expect, test } from 'vitest';
import { flowSummary, scanSources } from '../../../../test/helpers/scan-sources.js';

describe('personal data by property name, whatever the source', () => {
  test('ctx.user.email, session.user.name, input.phone, props.patient.cccd carry their categories from unknown sources', () => {
    const out = scanSources({
      'src/a.ts': `import pino from 'pino';
const logger = pino();
export const act = client.action(async ({ ctx, parsedInput }) => {
  logger.info(ctx.user.email);
  logger.info({ phone: parsedInput.phone });
});
export async function loader({ session }: any) { console.log(session.user.name); }
export function Card(props: any) { console.log(props.patient.cccd); }
export function h(req: any) { logger.info(req.body['email']); }
`,
    });
    expect(flowSummary(out, 'src/a.ts')).toEqual([
      'pd-log 4 [digital-account]',
      'pd-log 5 [phone]',
      'pd-log 7 [full-name]',
      'pd-log 8 [national-id]',
      'pd-log 9 [digital-account]',
    ]);
  });

  test('hard negative: configuration, environment and request/response metadata owners are not data subjects', () => {
    const out = scanSources({
      'src/c.ts': `import pino from 'pino';
const logger = pino();
const config = { adminEmail: 'ops@example.test' };
export function h(req: any, res: any, ctx: any) {
  logger.info(config.adminEmail);
  logger.info(this.settings.supportPhone);
  logger.info(ctx.env.ADMIN_EMAIL);
  logger.info(req.headers.email);
  logger.info(res.email);
}
`,
    });
    expect(flowSummary(out, 'src/c.ts')).toEqual([]);
  });

  test('headers still carry the visitor IP address; a record called res is still a record', () => {
    const out = scanSources({
      'src/h.ts': `import pino from 'pino';
const logger = pino();
export async function h(req: any, userRepo: any) {
  logger.info(req.headers['x-forwarded-for']);
  const res = await findUser();
  logger.info(res.email);
}
async function findUser(): Promise<User> { return db.user.findFirst(); }
`,
    });
    expect(flowSummary(out, 'src/h.ts')).toEqual(['pd-log 4 [online-activity]', 'pd-log 6 [digital-account]']);
  });
});

describe('uploads and forms', () => {
  test('an uploaded ID-card side, read through its path or buffer, reaches a file copy and an OCR API', () => {
    const out = scanSources({
      'src/u.ts': `import axios from 'axios';
import fs from 'fs';
export async function upload(req: any, files: any) {
  const front = files["id_photo_sidea"][0]["path"];
  fs.copyFile(front, './public/x.png', () => {});
  const buf = req.files.matTruoc[0].buffer;
  const fd = new FormData();
  fd.append('file', buf);
  await axios.post('https://api.fpt.ai/vision/idr/vnm', fd);
}
`,
    });
    expect(flowSummary(out, 'src/u.ts')).toEqual(['pd-sensitive-unencrypted 5 [id-document-image]', 'pd-storage 5 [id-document-image]', 'pd-third-party-sensitive 9 [id-document-image]']);
  });

  test('a neutral upload takes the category of the name it is given or the form key it is sent under', () => {
    const out = scanSources({
      'src/v.ts': `import axios from 'axios';
import pino from 'pino';
const logger = pino();
export async function order(req: any) {
  const prescriptionImageFile = req.file;
  logger.info(prescriptionImageFile.buffer);
  const form = new FormData();
  form.append('chan_dung', req.file.buffer);
  await axios.post('https://api.fpt.ai/face', form);
  const other = new FormData();
  other.append('file', req.file.buffer);
  await axios.post('https://api.fpt.ai/face', other);
}
`,
    });
    expect(flowSummary(out, 'src/v.ts')).toEqual(['pd-log 6 [health]', 'pd-third-party 9 [personal-image]']);
  });

  test('values pushed into a local array are logged with it', () => {
    const out = scanSources({
      'src/w.ts': `export function f(user: { email: string }) { const xs: string[] = []; xs.push(user.email); console.log(xs); }`,
    });
    expect(flowSummary(out, 'src/w.ts')).toEqual(['pd-log 1 [digital-account]']);
  });
});

describe('whole payloads', () => {
  test('a DTO that extends another (PartialType, extends) has its base fields; an Error subclass is no payload', () => {
    const out = scanSources({
      'src/dto.ts': `export class CustomerCreateBody { fullName: string; phone: string; }
export class CustomerUpdateBody extends PartialType(CustomerCreateBody) {}
export interface PatientView extends CustomerCreateBody { note: string }
export class AppError extends Error {}`,
      'src/svc.ts': `import { CustomerUpdateBody, PatientView } from './dto';
export function update(body: CustomerUpdateBody) { console.log(body); }
export function view(p: PatientView) { console.log(p); }`,
    });
    expect(flowSummary(out, 'src/svc.ts')).toEqual(['pd-log 2 [phone,full-name]', 'pd-log 3 [phone,full-name]']);
  });

  test('a request body or a person record of unknown shape is a low-confidence "may hold personal data" flow', () => {
    const out = scanSources({
      'src/p.ts': `import pino from 'pino';
import type { User } from 'some-auth-library';
const logger = pino();
export function h(req: any) {
  logger.info(req.body);
  logger.info(req.query);
}
export function g(user: User) { logger.info(JSON.stringify(user)); }
`,
    });
    expect(flowSummary(out, 'src/p.ts')).toEqual(['pd-log 5 [digital-account]', 'pd-log 8 [digital-account]']);
    const body = out.findings.find((f) => f.location?.line === 5)!;
    expect([body.confidence, body.level]).toEqual(['low', 'low']);
    expect(body.message).toContain('may hold personal data');
    expect(out.findings.some((f) => f.kind === 'declaration')).toBe(false);
  });

  test('hard negative: a person\'s id, a role constant or a query string is not a person\'s record', () => {
    const out = scanSources({
      'src/n.ts': `import pino from 'pino';
const logger = pino();
export function h(ev: any, req: any) {
  logger.warn(ev.userId);
  logger.info(ev.mentionedUserIds);
  logger.info(Role.VIEWER);
  logger.info(req.query);
}`,
    });
    expect(flowSummary(out, 'src/n.ts')).toEqual([]);
  });

  test('a request body whose fields are read carries those fields, not the fallback', () => {
    const out = scanSources({
      'src/q.ts': `export function h(req: any) { const { email } = req.body; console.log(email); }`,
    });
    const f = out.findings.filter((x) => x.kind === 'flow');
    expect(f.map((x) => [x.category, x.confidence])).toEqual([['digital-account', 'high']]);
  });
});

describe('person record names', () => {
  test('a type named after a person is a record; its ids, roles and secrets are not', async () => {
    const { isPersonRecordName } = await import('../engine/resolve.js');
    expect(['User', 'AuthUser', 'BenhNhan', 'Customer'].filter(isPersonRecordName)).toEqual(['User', 'AuthUser', 'BenhNhan', 'Customer']);
    expect(['UserId', 'MentionedUserIds', 'ClientSecret', 'VIEWER', 'UserRole', 'Order'].filter(isPersonRecordName)).toEqual([]);
  });
});
