/**
 * Prisma schema (schema.prisma, prisma/schema/*.prisma): models, composite types and views, their
 * scalar fields, @map/@@map names, the datasource provider, and prisma-field-encryption's
 * `/// @encrypted` marks, and `///` doc comments (or a trailing `//` comment) as a hint when the
 * field name says nothing (`/// Số CCCD` above `idNo String`). Relation fields are skipped: the data lives in the related
 * model; enums are types, not fields.
 * Line-based: Prisma puts one field per line, and a line scanner never fails on odd input.
 */
import type { CategoryHint, DeclaredField, ExtractResult } from './types.js';
import { classifyIdentifier } from '../../../classify/names.js';
import { identifierTokens } from '../../../classify/names/tokens.js';

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

/** Short doc comments only: a sentence about a field mentions other things too. */
const MAX_DOC_TOKENS = 6;

/**
 * A `///` comment that names personal data, for a text field whose name does not say it. Only
 * strings: "/// Whether the phone was verified" above a Boolean is about the phone, not one.
 */
function docHint(doc: string, model: string, typeName: string): CategoryHint | undefined {
  if (typeName !== 'String' || !doc) return undefined;
  if (identifierTokens(doc).length > MAX_DOC_TOKENS) return undefined;
  const m = classifyIdentifier(doc, model);
  if (!m) return undefined;
  return { category: m.category as CategoryHint['category'], confidence: m.confidence === 'high' ? 'medium' : 'low', reason: `doc comment "${doc}" ${m.reason}` };
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
  const composites = new Set<string>();
  let provider: string | undefined;
  const pending: PendingField[] = [];
  const tables = new Map<string, string>();
  /** Foreign-key scalars named in @relation(fields: [...]): ids, not the related data. */
  const foreignKeys = new Set<string>();
  let block: { kind: string; name: string } | undefined;
  let docEncrypted = false;
  let doc: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.length > MAX_LINE) continue;
    const [code, comment] = splitComment(raw);
    if (!block) {
      const m = BLOCK.exec(code);
      if (m) {
        const kind = m[1]!;
        const name = m[2]!;
        if (kind === 'model' || kind === 'type' || kind === 'view') models.add(name);
        if (kind === 'type') composites.add(name);
        if (kind === 'enum') enums.add(name);
        // `enum Role { USER ADMIN }` on one line opens and closes the block.
        if (!code.slice(m[0].length).includes('}')) block = { kind, name };
      }
      continue;
    }
    if (code.trim().startsWith('}')) {
      block = undefined;
      docEncrypted = false;
      doc = [];
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
      if (comment.startsWith('///')) {
        if (/@encrypted\b/.test(comment)) docEncrypted = true;
        else doc.push(comment.slice(3).trim());
      } else if (!comment) doc = [];
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
    // A trailing `//` comment describes the field as much as a `///` doc comment does
    // (`recipient String // Email address of the recipient`).
    // A `//` comment listing values or keys (`// ho_ten, ma_nhan_vien...`) gives examples, not a description.
    const listing = !comment.startsWith('///') && /[,;…]|\.\.\.|\w_\w/.test(comment);
    const trailing = comment && !listing && !/@encrypted\b/.test(comment) ? comment.replace(/^\/{2,3}/, '').trim() : '';
    const hint = docHint([...doc, trailing].filter(Boolean).join(' '), block.name, typeName!);
    doc = [];
    pending.push({
      model: block.name,
      field: name!,
      ...(mapped ? { aliases: [mapped], dbColumn: mapped } : {}),
      framework: 'prisma',
      ...(hint ? { hints: [hint] } : {}),
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

  // A composite type (MongoDB `type Address {...}`) has no owner of its own: the model that
  // embeds it decides ambiguous names (Customer.address.city is a person's city).
  const embeddedIn = new Map<string, string>();
  for (const f of pending) if (composites.has(f.typeName) && !embeddedIn.has(f.typeName) && !composites.has(f.model)) embeddedIn.set(f.typeName, f.model);
  const store = provider && !provider.startsWith('env(') ? provider : undefined;
  const fields: DeclaredField[] = pending.map(({ isList, typeName, hasRelation, ...field }) => {
    const known = SCALARS.has(typeName) || enums.has(typeName);
    const relation =
      hasRelation || models.has(typeName) || foreignKeys.has(`${field.model}.${field.field}`) || (!known && isList && /^[A-Z]/.test(typeName));
    const table = tables.get(field.model);
    const owner = embeddedIn.get(field.model);
    // A type that is neither a scalar nor a composite is an enum or a model, declared here or in
    // another file of a split schema (prisma/schema/*.prisma): it never holds an e-mail or a name.
    const enumLike = !SCALARS.has(typeName) && !composites.has(typeName);
    return { ...field, ...(enumLike ? { enumType: true } : {}), ...(owner ? { owner } : {}), ...(store ? { store } : {}), ...(table ? { table } : {}), ...(relation ? { skip: true } : {}) };
  });
  return { fields };
}
