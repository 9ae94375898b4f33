import { describe, expect, test } from 'vitest';
import { isScriptFile, parseSource, positionOf, syntaxError, ts } from './parse.js';

describe('parseSource', () => {
  test('parses TS with decorators and sets parents', () => {
    const sf = parseSource('a.ts', '@Entity()\nclass A {\n  @Column() phone!: string;\n}\n');
    expect(syntaxError(sf)).toBeUndefined();
    const cls = sf.statements[0] as ts.ClassDeclaration;
    const prop = cls.members[0]!;
    expect(prop.parent).toBe(cls);
    expect(positionOf(sf, prop.name!)).toEqual({ line: 3, column: 13 });
  });

  test('JSX in .js and .tsx files', () => {
    expect(syntaxError(parseSource('a.js', 'const x = <div a="1">{y}</div>;'))).toBeUndefined();
    expect(syntaxError(parseSource('a.tsx', 'const x = <div>{y as string}</div>;'))).toBeUndefined();
  });

  test('reports the first syntax error with its position', () => {
    expect(syntaxError(parseSource('b.ts', 'const = ;\nfoo('))).toMatch(/^1:7 /);
  });

  test('sloppy-mode JavaScript that strict mode forbids still parses into a usable tree', () => {
    // A legacy leading-zero number (a phone number typed as a literal) in a plain .js model file.
    const sf = parseSource('m.js', "const A = mongoose.model('A', { phone_num: String });\nseed({ phone_num: 0921000000 });\n");
    expect(syntaxError(sf)).toBeUndefined();
    expect(syntaxError(parseSource('o.js', 'var mode = 0755;\nwith (obj) { x = 1; }\n'))).toBeUndefined();
    // A real syntax error after one of them is still reported.
    expect(syntaxError(parseSource('p.js', 'var a = 0755;\nconst = ;'))).toMatch(/^2:7 /);
  });

  test('script files', () => {
    for (const p of ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs', 'dir.v1/i.TS']) expect(isScriptFile(p)).toBe(true);
    for (const p of ['a.d', 'b.json', 'c', 'dir.ts/readme']) expect(isScriptFile(p)).toBe(false);
  });
});
