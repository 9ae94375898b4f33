import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ownerAt } from './owner.js';

const ownerOf = (text: string, key: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(key, at + 1);
  const buf = Buffer.from(text);
  return ownerAt(buf, Buffer.byteLength(text.slice(0, at)));
};

describe('ownerAt', () => {
  test('YAML: the parent key, across list items and siblings', () => {
    const yaml = 'khach_hang:\n  - ho_ten: An\n    dia_chi: Huế\nproducts:\n  - name: Áo\n';
    expect(ownerOf(yaml, 'dia_chi')).toBe('khach_hang');
    expect(ownerOf(yaml, 'ho_ten')).toBe('khach_hang');
    expect(ownerOf(yaml, 'name')).toBe('products');
  });

  test('pretty JSON: the key that opens the enclosing object or array', () => {
    const json = '{\n  "patient": {\n    "address": "x"\n  },\n  "store": [\n    {\n      "address": "y"\n    }\n  ]\n}';
    expect(ownerOf(json, '"address"')).toBe('patient');
    expect(ownerOf(json, '"address"', 1)).toBe('store');
  });

  test('JS/TS: the declared name, not its type; control flow is not an owner', () => {
    expect(ownerOf('export const employees: Employee[] = [\n  { name: "An" },\n];', 'name')).toBe('employees');
    expect(ownerOf('function f() {\n  if (x) {\n    y = { name: "An" };\n  }\n}', 'name')).toBeUndefined();
  });

  test('no indentation, no owner', () => {
    expect(ownerOf('name: An\n', 'name')).toBeUndefined();
    expect(ownerOf('{"user":{"name":"An"}}', 'name')).toBeUndefined();
  });

  test('property: never throws for any offset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, n) => {
        const buf = Buffer.from(text);
        const r = ownerAt(buf, buf.length ? n % (buf.length + 1) : 0);
        expect(r === undefined || typeof r === 'string').toBe(true);
      }),
    );
  });
});
