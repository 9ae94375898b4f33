import { describe, expect, test } from 'vitest';
import { scanSources } from '../../../../test/helpers/scan-sources.js';
import type { Finding } from '../../../model/finding.js';

function results(files: Record<string, string>): Finding[] {
  return scanSources(files).findings.filter((f) => f.kind === 'flow' || f.kind === 'risk');
}

/** Storage results as "path:line rule [categories] confidence". */
function stored(files: Record<string, string>): string[] {
  return results(files)
    .filter((f) => f.ruleId === 'pd-storage')
    .map((f) => `${f.location?.path}:${f.location?.line} [${f.categories.join(',')}] ${f.confidence}`)
    .sort();
}

describe('keys written to storage name what is stored (stored-keys.ts)', () => {
  test('prisma data keys judged with the model as owner, even when the values are a hash or a date', () => {
    const files = {
      'src/user.service.ts': `import { prisma } from './db';
export async function saveToken(uid: string, hash: string) {
  await prisma.user.update({ where: { uid }, data: { refreshToken: hash } });
}
export async function touch(uid: string) {
  await prisma.user.update({ where: { uid }, data: { lastLoggedOn: new Date() } });
}
export async function rename(id: string, name: string) {
  await prisma.project.update({ where: { id }, data: { name, updatedAt: new Date() } });
}
export async function logout(uid: string) {
  await prisma.user.update({ where: { uid }, data: { refreshToken: null, isActive: false, role: 'user' } });
}`,
      'src/db.ts': 'export const prisma = {} as any;',
    };
    // The refresh token's key, lowered one level (the name alone is medium); a project's name is nobody's.
    expect(stored(files)).toEqual(['src/user.service.ts:3 [credentials] low', 'src/user.service.ts:6 [online-activity] medium']);
    const f = results(files).find((x) => x.location?.line === 3)!;
    expect(f.explain?.join('\n')).toContain('known from the write to the model only');
    expect(f.flow?.[0]?.message).toBe('key refreshToken written to User (credentials)');
    // A key is no evidence of plain text: no plaintext-credential risk.
    expect(results(files).some((x) => x.ruleId === 'pd-plaintext-credential')).toBe(false);
  });

  test('a hash passed to a wrapper that stores it is reported at the call site, through the wrapper', () => {
    const files = {
      'src/store.ts': `import { prisma } from './db';
export async function saveToken(tokenHash: string, uid: string) {
  await prisma.user.update({ where: { uid }, data: { refreshToken: tokenHash } });
}`,
      'src/auth.ts': `import * as argon2 from 'argon2';
import { saveToken } from './store';
export async function login(uid: string, t: string) {
  const h = await argon2.hash(t);
  await saveToken(h, uid);
}`,
      'src/db.ts': 'export const prisma = {} as any;',
    };
    const f = results(files).find((x) => x.ruleId === 'pd-storage')!;
    expect(`${f.location?.path}:${f.location?.line}`).toBe('src/auth.ts:5');
    expect(f.flow!.map((s) => `${s.location.path}:${s.location.line}`)).toEqual(['src/auth.ts:5', 'src/store.ts:3', 'src/store.ts:3']);
  });

  test('mongoose: new Model({...}).save(), doc.field = hash then save(), update operators', () => {
    const files = {
      'models/account.js': `const bcrypt = require('bcrypt');
const accountDB = require('./schemas/account');
module.exports.addAdmin = async function () {
  const doc = new accountDB({ username: 'admin', password: await bcrypt.hash('123456', 10), isAdmin: true });
  await doc.save();
};
module.exports.reset = async function (id, pw) {
  const user = await accountDB.findById(id);
  user.password = await bcrypt.hash(pw, 10);
  user.first_time = false;
  await user.save();
};`,
      'models/schemas/account.js': `const mongoose = require('mongoose');
module.exports = mongoose.model('account', new mongoose.Schema({ username: String, password: String }));`,
      'models/user.js': `const User = require('./schemas/user');
module.exports.touch = async (id) => User.updateOne({ _id: id }, { $set: { lastLoginAt: new Date() } });
module.exports.count = async (id) => User.updateOne({ _id: id }, { $inc: { loginCount: 1 } });`,
      'models/schemas/user.js': `const mongoose = require('mongoose');
module.exports = mongoose.model('User', new mongoose.Schema({ lastLoginAt: Date, loginCount: Number }));`,
    };
    expect(stored(files)).toEqual([
      'models/account.js:11 [credentials] medium',
      'models/account.js:5 [credentials] medium',
      'models/user.js:2 [online-activity] medium',
    ]);
  });

  test('keys written count at storage only: a document logged or sent carries only what its values carry', () => {
    const files = {
      'src/a.js': `const Account = require('./account');
const logger = require('pino')();
async function f(h) {
  const doc = new Account({ password: h, createdAt: new Date() });
  logger.info(doc);
}
module.exports = { f };`,
      'src/account.js': 'module.exports = {};',
    };
    expect(results(files)).toEqual([]);
  });

  test('drizzle: update(table).set(row) and insert(table).values(row) write rows; a wrapper is reported at its callers', () => {
    const files = {
      'src/auth.ts': `import { db, eq } from '@acme/db';
import { user, project } from '@acme/db/schema';
async function syncUser(userId: number, fields: { firstName?: string; photoUrl?: string }) {
  await db.update(user).set({ ...fields, updatedAt: new Date() }).where(eq(user.id, userId));
}
export async function signIn(params: any) {
  await syncUser(Number(params.user.id), { firstName: params.profile.given_name, photoUrl: params.profile.picture });
}
export async function rename(id: number, name: string) {
  await db.update(project).set({ name }).where(eq(project.id, id));
}
export async function register(email: string) {
  await db.insert(user).values({ email, createdAt: new Date() });
}`,
    };
    expect(stored(files)).toEqual(['src/auth.ts:13 [digital-account] high', 'src/auth.ts:7 [personal-image,full-name] high']);
  });

  test("payload keys passed to the app's own storage wrapper are judged with the model it writes", () => {
    const files = {
      'src/user.service.ts': `import { prisma } from './db';
export class UserService {
  updateUser(params: { data: any; where: any }) { return prisma.user.update(params); }
  updateOrg(params: { data: any; where: any }) { return prisma.organization.update(params); }
}`,
      'src/auth.service.ts': `import bcrypt from 'bcrypt';
import { UserService } from './user.service';
export class AuthService {
  constructor(private userService: UserService) {}
  async reset(id: string, pw: string, contact: string) {
    await this.userService.updateUser({ data: { password: await bcrypt.hash(pw, 10) }, where: { id } });
    await this.userService.updateOrg({ data: { email: await sha256(contact) }, where: { id } });
  }
}`,
      'src/db.ts': 'export const prisma = {} as any;',
    };
    // An organisation's e-mail is nobody's: the same key judged with its model says nothing.
    expect(stored(files)).toEqual(['src/auth.service.ts:6 [credentials] medium']);
  });

  test('a whole request written to a model stores what the model declares', () => {
    const files = {
      'src/models/user.model.js': `const mongoose = require('mongoose');
const userSchema = new mongoose.Schema({ fullName: String, cccd: String, status: String });
module.exports = mongoose.model('User', userSchema);`,
      'src/user.controller.js': `const userModel = require('./models/user.model');
const update = async (req, res) => {
  await userModel.findByIdAndUpdate(req.params.id, req.body);
  res.json({ ok: true });
};
module.exports = { update };`,
    };
    expect(stored(files)).toEqual(['src/user.controller.js:3 [national-id,full-name] medium']);
  });

  test('sequelize Model.update(values, { where }) stores the values by their keys', () => {
    const files = {
      'src/auth.js': `const bcrypt = require('bcrypt');
const TaiKhoan = require('./models/TaiKhoan');
async function changePassword(id, matKhauMoi) {
  const hashed = await bcrypt.hash(matKhauMoi, 10);
  return TaiKhoan.update({ Password: hashed }, { where: { MaTK: id } });
}
module.exports = { changePassword };`,
      'src/models/TaiKhoan.js': 'module.exports = {};',
    };
    expect(stored(files)).toEqual(['src/auth.js:5 [credentials] medium']);
    expect(results(files).find((f) => f.ruleId === 'pd-storage')!.message).toContain('TaiKhoan.Password (stored hashed)');
  });

  test("an object of unknown shape spread into a model's write stores the model's fields, one level lower", () => {
    const files = {
      'prisma/schema.prisma': `model User {
  id    String @id
  name  String?
  email String @unique
  image String?
}
model Project {
  id   String @id
  name String
}`,
      'src/adapter.ts': `export function createAdapter(p: any) {
  return {
    createUser: async (data) => p.user.create({ data: { ...data, id: newId() } }),
    createProject: async (data) => p.project.create({ data: { ...data } }),
  };
}`,
    };
    expect(stored(files)).toEqual(['src/adapter.ts:3 [digital-account,personal-image,full-name] medium']);
  });

  test('a service injected from a baseUrl import (`src/user/user.service`) is followed like a relative one', () => {
    const files = {
      'src/user/user.service.ts': `import { PrismaService } from 'src/prisma/prisma.service';
export class UserService {
  constructor(private readonly prisma: PrismaService) {}
  async createUserViaMagicLink(email: string) {
    return this.prisma.user.create({ data: { email } });
  }
}`,
      'src/auth/auth.service.ts': `import { UserService } from 'src/user/user.service';
export class AuthService {
  constructor(private readonly usersService: UserService) {}
  async signIn(email: string) {
    return this.usersService.createUserViaMagicLink(email);
  }
}`,
    };
    expect(stored(files)).toEqual(['src/auth/auth.service.ts:5 [digital-account] high']);
  });
});
