import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractGraphql } from './graphql.js';
import { extractDeclarations } from './index.js';
import { fieldNames, fixture, summary } from '../../../../test/helpers/declarations.js';

describe('GraphQL SDL', () => {
  const { path, text } = fixture('schema.graphql');

  test('fields of types, inputs and extensions; not operations, enums or object-typed fields', () => {
    const names = fieldNames(extractGraphql(text).fields);
    expect(names).toContain('Customer.fullName');
    expect(names).toContain('CreateCustomerInput.cccd');
    expect(names).toContain('Customer.religion');
    expect(names).not.toContain('Customer.orders');
    expect(names).not.toContain('Order.customer');
    expect(names.some((n) => n.startsWith('Query.') || n.startsWith('Role.'))).toBe(false);
  });

  test('findings, with a custom scalar as a hint', () => {
    const r = extractDeclarations(path, text);
    expect(summary(r.findings)).toEqual(
      [
        'Customer.fullName full-name',
        'Customer.contact digital-account',
        'Customer.phone phone',
        'Customer.dateOfBirth date-of-birth',
        'Order.shippingAddress address',
        'CreateCustomerInput.fullName full-name',
        'CreateCustomerInput.email digital-account',
        'CreateCustomerInput.cccd national-id',
        'Customer.religion political-religious',
      ].sort(),
    );
    const contact = r.findings.find((f) => f.properties!['field'] === 'contact')!;
    expect(contact.confidence).toBe('medium');
    expect(contact.explain!.join(' ')).toContain('GraphQL scalar EmailAddress');
    const phone = r.findings.find((f) => f.properties!['field'] === 'phone')!;
    expect(phone.location).toMatchObject({ line: 12, column: 3 });
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(() => extractGraphql(`type A { ${s} }\n${s}`)).not.toThrow();
      }),
    );
  });
});
