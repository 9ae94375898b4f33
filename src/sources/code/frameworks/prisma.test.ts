import { describe, expect, test } from 'vitest';
import { flowsWith, returnsOf, sinks } from '../../../../test/helpers/frameworks.js';
import { prisma } from './prisma.js';

describe('prisma', () => {
  const code = `
export function find(id: string) { return prisma.benhNhan.findUnique({ where: { id } }); }
export function save(email: string, password: string) {
  return prisma.user.create({ data: { email, passwordHash: hash(password) } });
}
export function count() { return prisma.user.count(); }`;

  test('model reads are sources of that model; writes store the data keys and return a record', () => {
    const flows = flowsWith([prisma], code);
    expect(returnsOf(flows, 'find')).toEqual(['type:BenhNhan (Prisma BenhNhan record)']);
    expect(sinks(flows)).toEqual(['prisma.user.create → storage: Prisma (User)']);
    expect(flows.hits[0]!.writtenKeys).toEqual(['email', 'passwordHash']);
    expect(returnsOf(flows, 'save')).toEqual(['type:User (Prisma User record)']);
    expect(returnsOf(flows, 'count')).toEqual([]);
  });

  test('without the module nothing is read or written', () => {
    const flows = flowsWith([], code);
    expect(sinks(flows)).toEqual([]);
    expect(returnsOf(flows, 'find')).toEqual([]);
  });

  test("a client under another name (a parameter, the app's db module) is Prisma by the call shape", () => {
    const code = `
import { db } from '@/lib/db';
export function adapter(p: any) {
  return {
    linkAccount: (data: any) => p.account.create({ data: { refresh_token: data.refresh_token } }),
    rename: (id: string, name: string) => db.user.update({ where: { id }, data: { name } }),
    touch: (id: string) => p.user.update({ where: { id } }),
    other: (email: string) => client.messages.create({ to: email }),
  };
}
export function find(id: string) { return db.user.findUnique({ where: { id } }); }`;
    expect(sinks(flowsWith([prisma], code))).toEqual(['p.account.create → storage: Prisma (Account)', 'db.user.update → storage: Prisma (User)']);
    expect(returnsOf(flowsWith([prisma], code), 'find')).toEqual(['type:User (Prisma User record)']);
  });
});
