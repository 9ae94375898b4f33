/**
 * A TypeScript ORM is one frameworks/ module: the declaration walkers name no framework and read
 * what a module declares from the registry they are given. This made-up ORM, registered only in a
 * test registry, is read like the real ones.
 */
import { describe, expect, test } from 'vitest';
import { ts } from '../parse.js';
import type { Framework } from '../engine/framework-api.js';
import { vocabularyOf } from '../engine/vocabulary.js';
import { nameText, stringValue } from '../engine/ast.js';
import { VOCABULARY } from '../frameworks/index.js';
import { pos } from './ts/helpers.js';
import { literalMembers, typeMembers } from './ts/type-models.js';
import type { DeclaredField } from './types.js';
import { extractTypescript } from './typescript.js';

const fakeOrm: Framework = {
  id: 'fake-orm',
  description: 'a made-up ORM, registered only in this test',
  declarations: {
    markers: ['fake-orm'],
    mentionedIn: (lower) => lower.includes("from 'fake-orm'"),
    persistent: true,
    decorators: { models: ['Record'], tableFromOptions: true, properties: ['Attr'], relations: ['Owns'], store: 'fakedb' },
    // defineRecord('Visit', { notes: 'text' })
    call(ctx, _st, call) {
      const [name, shape] = call.arguments;
      if (!ts.isIdentifier(call.expression) || call.expression.text !== 'defineRecord' || !shape || !ts.isObjectLiteralExpression(shape)) return undefined;
      const model = stringValue(name) ?? 'record';
      return shape.properties.filter(ts.isPropertyAssignment).flatMap((p): DeclaredField[] => {
        const field = nameText(p.name);
        return field ? [{ model, field, framework: 'fake-orm', ...pos(ctx, p.name) }] : [];
      });
    },
    // interface PatientRow extends FakeRow { ... }
    typeModels: (ctx, { models }) => (d) => {
      if (!ts.isInterfaceDeclaration(d) || !d.heritageClauses?.some((h) => h.types.some((t) => t.expression.getText(ctx.sf) === 'FakeRow'))) return undefined;
      const out: DeclaredField[] = [];
      typeMembers(ctx, literalMembers(d) ?? [], { model: d.name.text, framework: 'fake-orm', models }, '', out, 0);
      return out;
    },
  },
};

const CODE = `
import { Record, Attr, Owns, defineRecord, FakeRow } from 'fake-orm';

@Record({ tableName: 'customers' })
export class Customer {
  @Attr() email: string;
  @Attr() phone: string;
  @Owns() orders: Order[];
}

export class Address {
  @Attr() street: string;
}

export const Visit = defineRecord('Visit', { notes: 'text' });

export interface PatientRow extends FakeRow { diagnosis: string }
`;

function declared(fields: readonly DeclaredField[]): string[] {
  return fields.filter((f) => !f.skip).map((f) => `${f.model}.${f.field} ${f.framework}${f.table ? ` table=${f.table}` : ''}${f.store ? ` store=${f.store}` : ''}`);
}

describe('a framework module is all a new ORM needs', () => {
  test('registered in a test registry, its entities, property-decorated classes, calls and type models are declarations', () => {
    const { fields } = extractTypescript('src/models.ts', CODE, undefined, vocabularyOf([fakeOrm]));
    expect(declared(fields)).toEqual([
      'Visit.notes fake-orm',
      'Customer.email fake-orm table=customers store=fakedb',
      'Customer.phone fake-orm table=customers store=fakedb',
      'Address.street fake-orm',
      'PatientRow.diagnosis fake-orm',
    ]);
    expect(vocabularyOf([fakeOrm]).persistent.has('fake-orm')).toBe(true);
  });

  test('without the module the walkers recognise none of these shapes: at most plain person types remain', () => {
    for (const vocab of [vocabularyOf([]), VOCABULARY]) {
      const { fields } = extractTypescript('src/models.ts', CODE, undefined, vocab);
      expect(fields.every((f) => f.framework === 'typescript' && f.plain)).toBe(true);
      expect(fields.map((f) => f.model)).not.toContain('Visit');
    }
  });
});
