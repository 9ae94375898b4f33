/**
 * SQL DDL and migrations: CREATE TABLE (...) column definitions and ALTER TABLE ... ADD [COLUMN].
 * A small hand-written tokenizer (comments, strings, "quoted", `quoted`, [quoted] identifiers)
 * instead of a full SQL grammar: dialects differ, and anything not understood is simply skipped.
 * Covers plain .sql files, Prisma's migration.sql, Rails/Flyway/Liquibase-style migrations.
 */
import { LineIndex } from './line-index.js';
import type { DeclaredField, ExtractResult } from './types.js';

interface Token {
  text: string;
  /** Lower-cased for keywords; the identifier itself for quoted names. */
  lower: string;
  quoted: boolean;
  kind: 'word' | 'punct' | 'string' | 'number';
  offset: number;
}

const WORD_START = /[\p{L}_$@]/u;
const WORD_PART = /[\p{L}\p{N}_$@]/u;

export function tokenizeSql(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const e = text.indexOf('\n', i);
      i = e === -1 ? n : e;
    } else if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e === -1 ? n : e;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e === -1 ? n : e + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < n && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      out.push({ text: text.slice(i, j + 1), lower: '', quoted: false, kind: 'string', offset: i });
      i = j + 1;
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const e = text.indexOf(close, i + 1);
      const end = e === -1 ? n : e;
      const name = text.slice(i + 1, end);
      out.push({ text: name, lower: name, quoted: true, kind: 'word', offset: i + 1 });
      i = end + 1;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(text[j]!)) j++;
      const w = text.slice(i, j);
      out.push({ text: w, lower: w.toLowerCase(), quoted: false, kind: 'word', offset: i });
      i = j;
    } else if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(text[j]!)) j++;
      out.push({ text: text.slice(i, j), lower: '', quoted: false, kind: 'number', offset: i });
      i = j;
    } else {
      out.push({ text: c, lower: c, quoted: false, kind: 'punct', offset: i });
      i++;
    }
  }
  return out;
}

const TABLE_CONSTRAINTS = new Set(['constraint', 'primary', 'foreign', 'unique', 'check', 'key', 'index', 'exclude', 'fulltext', 'spatial', 'like', 'period', 'inherits']);
const COLUMN_CONSTRAINTS = new Set(['not', 'null', 'default', 'primary', 'references', 'unique', 'check', 'constraint', 'generated', 'collate', 'comment', 'auto_increment', 'autoincrement', 'identity', 'on', 'as']);
const CREATE_MODIFIERS = new Set(['or', 'replace', 'temp', 'temporary', 'unlogged', 'global', 'local', 'virtual', 'external', 'transient']);

class Cursor {
  i = 0;
  constructor(readonly t: Token[]) {}
  peek(k = 0): Token | undefined {
    return this.t[this.i + k];
  }
  isWord(w: string, k = 0): boolean {
    const tok = this.t[this.i + k];
    return tok !== undefined && tok.kind === 'word' && !tok.quoted && tok.lower === w;
  }
  isPunct(p: string, k = 0): boolean {
    const tok = this.t[this.i + k];
    return tok !== undefined && tok.kind === 'punct' && tok.text === p;
  }
  /** Skip to just after the next `;` at depth 0. */
  skipStatement(): void {
    let depth = 0;
    while (this.i < this.t.length) {
      const tok = this.t[this.i++]!;
      if (tok.kind !== 'punct') continue;
      if (tok.text === '(') depth++;
      else if (tok.text === ')') depth = Math.max(0, depth - 1);
      else if (tok.text === ';' && depth === 0) return;
    }
  }
  /** schema.table → last part. */
  qualifiedName(): Token | undefined {
    let name = this.peek();
    if (!name || name.kind !== 'word') return undefined;
    this.i++;
    while (this.isPunct('.') && this.peek(1)?.kind === 'word') {
      name = this.peek(1)!;
      this.i += 2;
    }
    return name;
  }
  skipIfExists(not: boolean): void {
    if (this.isWord('if') && (not ? this.isWord('not', 1) && this.isWord('exists', 2) : this.isWord('exists', 1))) this.i += not ? 3 : 2;
  }
}

/** Tokens of one column definition up to a constraint keyword, as the declared type. */
function typeText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'word' && !t.quoted && COLUMN_CONSTRAINTS.has(t.lower)) break;
    parts.push(t.text);
  }
  return parts.join(' ').replace(/ ?([(),]) ?/g, '$1').slice(0, 80);
}

/** Split the tokens between matching parentheses into top-level comma-separated elements. */
function elements(c: Cursor): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  while (c.i < c.t.length) {
    const tok = c.t[c.i++]!;
    if (tok.kind === 'punct' && tok.text === '(') depth++;
    else if (tok.kind === 'punct' && tok.text === ')') {
      if (depth === 0) return out;
      depth--;
    } else if (tok.kind === 'punct' && tok.text === ',' && depth === 0) {
      out.push([]);
      continue;
    } else if (tok.kind === 'punct' && tok.text === ';' && depth === 0) {
      c.i--;
      return out;
    }
    out[out.length - 1]!.push(tok);
  }
  return out;
}

function guessStore(text: string): string | undefined {
  if (text.includes('`') || /\bENGINE\s*=/i.test(text.slice(0, 20000))) return 'mysql';
  if (/\b(jsonb|timestamptz|bytea|bigserial|citext|inet)\b/i.test(text.slice(0, 20000))) return 'postgresql';
  return undefined;
}

/** @param at offset of `text` in its file and the file's line index (SQL inside a JS string). */
export function extractSql(text: string, at?: { base: number; lines: LineIndex }): ExtractResult {
  const tokens = tokenizeSql(text);
  const lines = at?.lines ?? new LineIndex(text);
  const base = at?.base ?? 0;
  const store = guessStore(text);
  const fields: DeclaredField[] = [];
  const add = (table: Token, col: Token, type: string) => {
    const { line, column } = lines.at(base + col.offset);
    fields.push({ model: table.text, field: col.text, framework: 'sql', ...(type ? { type } : {}), ...(store ? { store } : {}), line, column });
  };
  const c = new Cursor(tokens);
  while (c.i < tokens.length) {
    if (c.isWord('create')) {
      c.i++;
      while (c.peek() && CREATE_MODIFIERS.has(c.peek()!.lower) && !c.peek()!.quoted) c.i++;
      if (!c.isWord('table')) {
        c.skipStatement();
        continue;
      }
      c.i++;
      c.skipIfExists(true);
      const table = c.qualifiedName();
      if (!table || !c.isPunct('(')) {
        c.skipStatement();
        continue;
      }
      c.i++;
      for (const el of elements(c)) {
        const first = el[0];
        if (!first || first.kind !== 'word' || (!first.quoted && TABLE_CONSTRAINTS.has(first.lower))) continue;
        add(table, first, typeText(el.slice(1)));
      }
      c.skipStatement();
    } else if (c.isWord('alter') && c.isWord('table', 1)) {
      c.i += 2;
      c.skipIfExists(false);
      if (c.isWord('only')) c.i++;
      const table = c.qualifiedName();
      if (!table) {
        c.skipStatement();
        continue;
      }
      // ADD [COLUMN] [IF NOT EXISTS] name type ..., ADD ... ; other actions are skipped.
      let depth = 0;
      let actionStart = true;
      while (c.i < tokens.length) {
        const tok = c.peek()!;
        if (tok.kind === 'punct' && tok.text === ';' && depth === 0) break;
        if (tok.kind === 'punct' && tok.text === '(') depth++;
        if (tok.kind === 'punct' && tok.text === ')') depth--;
        if (tok.kind === 'punct' && tok.text === ',' && depth === 0) {
          actionStart = true;
          c.i++;
          continue;
        }
        if (actionStart && c.isWord('add')) {
          c.i++;
          if (c.isWord('column')) c.i++;
          c.skipIfExists(true);
          const col = c.peek();
          if (col && col.kind === 'word' && (col.quoted || !TABLE_CONSTRAINTS.has(col.lower))) {
            c.i++;
            const rest: Token[] = [];
            while (c.peek() && !(c.isPunct(',') || c.isPunct(';')) && rest.length < 20) rest.push(c.t[c.i++]!);
            add(table, col, typeText(rest));
          }
          actionStart = false;
          continue;
        }
        actionStart = false;
        c.i++;
      }
      c.skipStatement();
    } else {
      c.skipStatement();
    }
  }
  return { fields };
}
