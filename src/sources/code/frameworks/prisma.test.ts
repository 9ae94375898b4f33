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
});
