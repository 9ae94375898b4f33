import { describe, expect, test } from 'vitest';
import { declarationRuleId, declarationRuleMetas, extractDeclarations, isDeclarationRule, mayDeclare } from './index.js';
import { allCategories, allSubkinds } from '../../../model/categories.js';
import { fixture } from '../../../../test/helpers/declarations.js';

describe('declaration findings', () => {
  const { path, text } = fixture('schema.prisma');
  const r = extractDeclarations(path, text);
  const sdt = r.findings.find((f) => f.properties!['field'] === 'sdt')!;

  test('shape: rule per category, kind, categories, confidence and score', () => {
    expect(sdt).toMatchObject({
      ruleId: 'pd-declared-phone',
      kind: 'declaration',
      category: 'phone',
      categories: ['phone'],
      confidence: 'high',
      location: { path: 'fixtures/code/declarations/schema.prisma', line: 22, column: 3 },
    });
    expect(sdt.score).toBeGreaterThanOrEqual(0.8);
    expect(sdt.value).toBeUndefined();
  });

  test('logical locations name the model and the member', () => {
    expect(sdt.logicalLocations).toEqual([
      { kind: 'model', name: 'BenhNhan' },
      { kind: 'member', name: 'sdt', fullyQualifiedName: 'BenhNhan.sdt' },
    ]);
  });

  test('properties carry model, field, framework, store and type', () => {
    expect(sdt.properties).toMatchObject({ model: 'BenhNhan', field: 'sdt', framework: 'prisma', store: 'postgresql', type: 'String?', table: 'benh_nhan', term: 'sđt' });
  });

  test('message names the field without any value', () => {
    expect(sdt.message).toBe('BenhNhan.sdt is declared to hold phone number (prisma, postgresql)');
  });

  test('explain says why', () => {
    expect(sdt.explain!.join('\n')).toMatch(/sđt.*BenhNhan/s);
  });

  test('evidence points at the field', () => {
    const e = r.evidence.find((x) => x.key === 'hashing:field-name')!;
    expect(e).toMatchObject({ kind: 'protection', categories: ['credentials'], location: { line: 27 } });
    expect(e.logicalLocations![1]!.fullyQualifiedName).toBe('BenhNhan.passwordHash');
  });
});

describe('rules', () => {
  test('one stable rule per category', () => {
    const metas = declarationRuleMetas();
    // Sub-kinds keep their own declaration rule (reported under the parent category).
    expect(metas.map((m) => m.id)).toEqual([...allCategories(), ...allSubkinds()].map((c) => `pd-declared-${c.id}`));
    expect(declarationRuleId('health')).toBe('pd-declared-health');
    expect(isDeclarationRule('pd-declared-health')).toBe(true);
    expect(isDeclarationRule('pd-log')).toBe(false);
    const health = metas.find((m) => m.id === 'pd-declared-health')!;
    expect(health.name).toBe('DeclaredHealthField');
    expect(health.fullDescription).toContain('sensitive');
    expect(health.categories).toEqual(['health']);
  });
});

describe('dispatch', () => {
  test.each([
    ['prisma/schema.prisma', true],
    ['db/001.sql', true],
    ['api/schema.graphql', true],
    ['src/user.entity.ts', true],
    ['src/App.jsx', true],
    ['openapi.yaml', true],
    ['README.md', false],
    ['image.png', false],
  ])('%s → %s', (p, expected) => {
    expect(mayDeclare(p)).toBe(expected);
  });
});

describe('SQL files with rows', () => {
  const ddl = 'CREATE TABLE khach_hang (\n  id BIGINT,\n  email VARCHAR(255),\n  mat_khau VARCHAR(255)\n);\n';
  test('pure DDL declares its personal columns', () => {
    expect(extractDeclarations('db/001_init.sql', ddl).findings.map((f) => f.category).sort()).toEqual(['credentials', 'digital-account']);
  });
  test('a dump with INSERT rows still declares the columns of its CREATE TABLE', () => {
    const dump = `${ddl}INSERT INTO khach_hang (id, email, mat_khau) VALUES (1, 'x', '<your-password>');\n`;
    expect(extractDeclarations('db/dump.sql', dump).findings.map((f) => f.category).sort()).toEqual(['credentials', 'digital-account']);
  });
  test('rows alone (no CREATE TABLE) declare nothing', () => {
    expect(extractDeclarations('db/seed.sql', "INSERT INTO khach_hang (id, email) VALUES (1, 'a@example.com');\n").findings).toEqual([]);
  });
});

describe('input marker', () => {
  const inputOf = (path: string, text: string) =>
    Object.fromEntries(extractDeclarations(path, text).findings.map((f) => [`${f.properties!['model'] as string}.${f.properties!['field'] as string} ${f.properties!['framework'] as string}`, f.properties!['input'] === true]));

  test('validation schemas, DTOs, handler parameters and GraphQL types are input; ORM models are not', () => {
    const code = `
import { z } from 'zod';
import { IsEmail } from 'class-validator';
import { Body, Controller, Post } from '@nestjs/common';
import { Entity, Column } from 'typeorm';
import { InputType, Field } from '@nestjs/graphql';
export const Signup = z.object({ email: z.string().email() });
export class CreateUserDto { @IsEmail() email: string; }
@Controller() export class C { @Post() create(@Body() body: { phone: string }) {} }
@Entity() export class Customer { @Column() phone: string; }
@InputType() export class PatientInput { @Field() soDienThoai: string; @Field() email: string; }`;
    expect(inputOf('src/app.ts', code)).toEqual({
      'Signup.email zod': true,
      'CreateUserDto.email class-validator': true,
      'C.create.phone nestjs': true,
      'Customer.phone typeorm': false,
      'PatientInput.soDienThoai graphql': true,
      'PatientInput.email graphql': true,
    });
  });

  test('GraphQL SDL and OpenAPI documents are input; SQL and Prisma are not', () => {
    expect(Object.values(inputOf('schema.graphql', 'type Patient { fullName: String\n phone: String }\n'))).toEqual([true, true]);
    const openapi = 'openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    Customer:\n      type: object\n      properties:\n        email: { type: string, format: email }\n';
    expect(Object.values(inputOf('openapi.yaml', openapi))).toEqual([true]);
    expect(Object.values(inputOf('db.sql', 'CREATE TABLE customers (phone varchar(20));\n'))).toEqual([false]);
    const prisma = fixture('schema.prisma');
    expect(Object.values(inputOf(prisma.path, prisma.text)).every((v) => !v)).toBe(true);
  });
});
