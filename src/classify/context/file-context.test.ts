import { describe, expect, test } from 'vitest';
import { classifyFileContext, compileFileContexts, loadFileContextsFile, FILE_CONTEXTS, type FileContext } from './file-context.js';
import { ConfigError } from '../../util/errors.js';

const file = loadFileContextsFile();

describe('file contexts (rules/file-contexts.yml)', () => {
  const examples = Object.entries(file.examples) as Array<[FileContext, string[]]>;
  test('every context has examples', () => {
    expect(examples.map(([c]) => c).sort()).toEqual([...FILE_CONTEXTS].sort());
  });
  for (const [context, paths] of examples) {
    for (const p of paths) {
      test(`${p} → ${context}`, () => expect(classifyFileContext(p).context).toBe(context));
    }
  }

  test('paths are read relative to the scanned directory: a demo under fixtures/ is not a fixture', () => {
    expect(classifyFileContext('seed/patients.csv').context).toBe('data');
    expect(classifyFileContext('fixtures/demo-app/seed/patients.csv').context).toBe('test');
  });

  test('the reason names the directory, extension or file name that decided', () => {
    expect(classifyFileContext('src/__tests__/a.ts').reason).toBe('directory "__tests__/"');
    expect(classifyFileContext('icons/x.svg').reason).toContain('icons');
    expect(classifyFileContext('logo.svg').reason).toBe('extension .svg');
  });

  const catalogue = Buffer.from(
    JSON.stringify({
      team: { name: 'Organización Equipo Empleado', members: 'Miembros', invite: 'Invitar {name}' },
      policy: { title: 'Zeitabwesenheitsrichtlinie Mitarbeiter', save: 'Guardar', cancel: 'Cancelar', del: 'Eliminar' },
      nav: { home: 'Inicio', settings: 'Ajustes', profile: 'Perfil', logout: 'Cerrar sesión', help: 'Ayuda' },
    }),
  );
  const records = Buffer.from(
    JSON.stringify({
      users: Array.from({ length: 8 }, (_, i) => ({ fullName: `Trần Văn Hùng ${i}`, email: `hung${i}@gmail.com`, city: 'Hà Nội' })),
    }),
  );

  test('a JSON catalogue of distinct keys with text values is i18n wherever it sits', () => {
    expect(classifyFileContext('src/strings.json', catalogue)).toEqual({ context: 'i18n', reason: expect.stringContaining('distinct keys') });
  });

  test('a JSON list of records repeats its keys: not a catalogue', () => {
    expect(classifyFileContext('src/strings.json', records).context).toBe('source');
    expect(classifyFileContext('src/strings.json', Buffer.from('[{"a":"b"}]')).context).toBe('source');
    expect(classifyFileContext('src/strings.json', Buffer.from('{ broken')).context).toBe('source');
  });

  test('a pattern RE2 refuses is a ConfigError naming the field', () => {
    const bad = { ...file, contexts: [{ context: 'test' as const, files: ['(?<=x)y'] }] };
    expect(() => compileFileContexts(bad, 'ctx.yml')).toThrow(ConfigError);
    expect(() => compileFileContexts(bad, 'ctx.yml')).toThrow(/ctx\.yml: contexts\[0\]\.files\[0\]/);
  });
});

describe('inline vector data', () => {
  test('SVG path, polygon and viewBox lines are asset lines; ordinary lines are not', async () => {
    const { lineContext } = await import('./file-context.js');
    expect(lineContext('      <path d="M12 2C6.48 51A-123.45 29C1-234.56z" />')?.context).toBe('asset');
    expect(lineContext('<svg viewBox="0 0 24 24"><polygon points="51A-123.45 1 2" /></svg>')?.context).toBe('asset');
    expect(lineContext('Biển số: 30A-123.45, path=/api/parking')).toBeUndefined();
  });
});

describe('attribution lines', () => {
  test('licence headers, copyright and author lines are docs; a plain contact line is not', async () => {
    const { lineContext } = await import('./file-context.js');
    for (const line of [
      ' * Copyright (c) 2021 Trần Văn Hùng <hung.tran82@gmail.com>',
      '# (c) 2019 Lê Thị Thu',
      'This Font Software is licensed under the SIL Open Font License, Version 1.1. Reserved Font Name "Ngọc Anh"',
      ' * @author Phạm Minh Đức <duc.pham@gmail.com>',
      '// Author: Nguyễn Thị Lan',
      '<!-- Created by: hoang.lan82@gmail.com -->',
    ]) {
      expect(lineContext(line), line).toMatchObject({ context: 'docs', reason: expect.stringContaining('attribution') });
    }
    expect(lineContext("const owner = { name: 'Trần Văn Hùng', email: 'hung.tran82@gmail.com' };")).toBeUndefined();
    expect(lineContext('author_name,email')).toBeUndefined();
  });
  test('a line_contexts pattern RE2 refuses is a ConfigError naming the field', () => {
    const bad = { ...file, line_contexts: [{ context: 'docs' as const, reason: 'x', line_patterns: ['(?<=x)y'] }] };
    expect(() => compileFileContexts(bad, 'ctx.yml')).toThrow(/ctx\.yml: line_contexts\[0\]\.line_patterns\[0\]/);
  });
});

describe('JSDoc examples', () => {
  const text = [
    '/**',
    ' * Sends the welcome mail.',
    ' * @example',
    " * sendWelcome({ email: 'hoang.lan82@gmail.com' })",
    ' */',
    "const owner = { email: 'ngoc.anh91@gmail.com' };",
    '/** Owner: tran.thi.mai88@yahoo.com.vn */',
  ];
  const at = (n: number) => text[n - 1] ?? '';
  test('a value under @example in a JSDoc block is docs', async () => {
    const { jsdocExampleContext } = await import('./file-context.js');
    expect(jsdocExampleContext(at, 4)).toEqual({ context: 'docs', reason: 'a JSDoc @example' });
  });
  test('code after the block, and a comment without @example, are not', async () => {
    const { jsdocExampleContext } = await import('./file-context.js');
    expect(jsdocExampleContext(at, 6)).toBeUndefined();
    expect(jsdocExampleContext(at, 7)).toBeUndefined();
    expect(jsdocExampleContext(at, 2)).toBeUndefined();
  });
});
