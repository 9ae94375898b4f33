/**
 * Prisma schema (schema.prisma, prisma/schema/*.prisma): models, composite types and views, their
 * scalar fields, @map/@@map names, the datasource provider, and prisma-field-encryption's
 * `/// @encrypted` marks. Relation fields are skipped: the data lives in the related model.
 * Line-based: Prisma puts one field per line, and a line scanner never fails on odd input.
 */
import type { DeclaredField, ExtractResult } from './types.js';

const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);
const BLOCK = /^\s*(model|type|view|enum|datasource|generator)\s+([A-Za-z_]\w*)\s*\{/;
const FIELD = /^(\s*)([A-Za-z_]\w*)\s+([A-Za-z_][\w.]*)(\[\])?(\?)?/;
const MAX_LINE = 4000;

/** Remove a `//` comment that is not inside a string; returns [code, comment]. */
function splitComment(line: string): [string, string] {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return [line.slice(0, i), line.slice(i)];
  }
  return [line, ''];
}

function quotedArg(code: string, attr: string): string | undefined {
  const at = code.indexOf(attr);
  if (at === -1) return undefined;
  const open = code.indexOf('"', at + attr.length);
  const close = open === -1 ? -1 : code.indexOf('"', open + 1);
  return close === -1 ? undefined : code.slice(open + 1, close);
}

interface PendingField extends DeclaredField {
  isList: boolean;
  typeName: string;
  hasRelation: boolean;
}

export function extractPrisma(text: string): ExtractResult {
  const lines = text.split('\n');
  const models = new Set<string>();
  const enums = new Set<string>();
  let provider: string | undefined;
  const pending: PendingField[] = [];
  const tables = new Map<string, string>();
  /** Foreign-key scalars named in @relation(fields: [...]): ids, not the related data. */
  const foreignKeys = new Set<string>();
  let block: { kind: string; name: string } | undefined;
  let docEncrypted = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.length > MAX_LINE) continue;
    const [code, comment] = splitComment(raw);
    if (!block) {
      const m = BLOCK.exec(code);
      if (m) {
        block = { kind: m[1]!, name: m[2]! };
        if (block.kind === 'model' || block.kind === 'type' || block.kind === 'view') models.add(block.name);
        if (block.kind === 'enum') enums.add(block.name);
      }
      continue;
    }
    if (code.trim().startsWith('}')) {
      block = undefined;
      docEncrypted = false;
      continue;
    }
    if (block.kind === 'datasource') {
      const p = /^\s*provider\s*=\s*"([^"]*)"/.exec(code);
      if (p) provider = p[1];
      continue;
    }
    if (block.kind === 'enum' || block.kind === 'generator') continue;
    const trimmed = code.trim();
    if (trimmed.startsWith('@@')) {
      const table = trimmed.startsWith('@@map') ? quotedArg(trimmed, '@@map') : undefined;
      if (table) tables.set(block.name, table);
      continue;
    }
    if (!trimmed) {
      if (comment.startsWith('///') && /@encrypted\b/.test(comment)) docEncrypted = true;
      continue;
    }
    const f = FIELD.exec(code);
    if (!f) continue;
    const [, indent, name, typeName, list, optional] = f;
    const rest = code.slice(f[0].length);
    const mapped = quotedArg(rest, '@map(');
    const fk = /@relation\([^)]*\bfields\s*:\s*\[([^\]]*)\]/.exec(rest);
    if (fk) for (const k of fk[1]!.split(',')) foreignKeys.add(`${block.name}.${k.trim()}`);
    const nativeType = /@db\.(\w+(?:\([^)]*\))?)/.exec(rest)?.[1];
    const encrypted = docEncrypted || /@encrypted\b/.test(comment);
    docEncrypted = false;
    pending.push({
      model: block.name,
      field: name!,
      ...(mapped ? { aliases: [mapped] } : {}),
      framework: 'prisma',
      type: `${typeName}${list ?? ''}${optional ?? ''}${nativeType ? ` @db.${nativeType}` : ''}`,
      line: i + 1,
      column: indent!.length + 1,
      isList: Boolean(list),
      typeName: typeName!,
      hasRelation: rest.includes('@relation'),
      ...(encrypted
        ? { protection: [{ kind: 'encryption' as const, key: 'encryption:prisma-field-encryption', description: 'marked /// @encrypted (prisma-field-encryption)' }] }
        : {}),
    });
  }

  const store = provider && !provider.startsWith('env(') ? provider : undefined;
  const fields: DeclaredField[] = pending.map(({ isList, typeName, hasRelation, ...field }) => {
    const known = SCALARS.has(typeName) || enums.has(typeName);
    const relation =
      hasRelation || models.has(typeName) || foreignKeys.has(`${field.model}.${field.field}`) || (!known && isList && /^[A-Z]/.test(typeName));
    const table = tables.get(field.model);
    return { ...field, ...(store ? { store } : {}), ...(table ? { table } : {}), ...(relation ? { skip: true } : {}) };
  });
  return { fields };
}
