/**
 * GraphQL SDL (.graphql files and gql`...` templates): fields of object, input and interface types.
 * Query/Mutation/Subscription are operations, not data models, and are skipped; so are fields whose
 * type is another object type of the document (the data lives there). Custom scalars named after
 * personal data (EmailAddress, PhoneNumber from graphql-scalars) are hints.
 */
import { classifyIdentifier } from '../../../classify/names.js';
import { LineIndex } from './line-index.js';
import type { DeclaredField, ExtractResult } from './types.js';

interface Tok {
  text: string;
  kind: 'name' | 'punct' | 'string';
  offset: number;
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e === -1 ? n : e;
    } else if (c === '"') {
      const block = text.startsWith('"""', i);
      let e: number;
      if (block) e = text.indexOf('"""', i + 3) + 3;
      else {
        e = i + 1;
        while (e < n && text[e] !== '"' && text[e] !== '\n') e += text[e] === '\\' ? 2 : 1;
        e++;
      }
      if (e <= i) e = n;
      out.push({ text: '', kind: 'string', offset: i });
      i = e;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /\w/.test(text[j]!)) j++;
      out.push({ text: text.slice(i, j), kind: 'name', offset: i });
      i = j;
    } else if (/\s|,/.test(c)) {
      i++;
    } else {
      out.push({ text: c, kind: 'punct', offset: i });
      i++;
    }
  }
  return out;
}

const BUILTIN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const OPERATIONS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * @param base offset of `text` inside the file (for gql templates) and the file's line index,
 *             so locations point into the enclosing file.
 */
export function extractGraphql(text: string, at?: { base: number; lines: LineIndex }): ExtractResult {
  const toks = tokenize(text);
  const lines = at?.lines ?? new LineIndex(text);
  const base = at?.base ?? 0;
  const objectTypes = new Set<string>();
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.kind === 'name' && ['type', 'interface', 'union', 'input'].includes(toks[i]!.text) && toks[i + 1]!.kind === 'name') {
      objectTypes.add(toks[i + 1]!.text);
    }
  }
  const fields: Array<DeclaredField & { typeName: string; list: boolean }> = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const isDef = t.kind === 'name' && (t.text === 'type' || t.text === 'input' || t.text === 'interface');
    if (!isDef || toks[i + 1]?.kind !== 'name') {
      // Skip other blocks (enum, schema, directive bodies) wholesale.
      i++;
      continue;
    }
    const model = toks[i + 1]!.text;
    let j = i + 2;
    while (j < toks.length && !(toks[j]!.kind === 'punct' && toks[j]!.text === '{')) {
      if (toks[j]!.kind === 'name' && ['type', 'input', 'interface', 'enum', 'scalar', 'union', 'schema', 'extend'].includes(toks[j]!.text)) break;
      j++;
    }
    if (toks[j]?.text !== '{') {
      i = j;
      continue;
    }
    j++;
    // Fields: [description] name [(args)] : Type [directives]
    while (j < toks.length && toks[j]!.text !== '}') {
      const tok = toks[j]!;
      if (tok.kind !== 'name') {
        j++;
        continue;
      }
      let k = j + 1;
      if (toks[k]?.text === '(') {
        let depth = 0;
        for (; k < toks.length; k++) {
          if (toks[k]!.text === '(') depth++;
          else if (toks[k]!.text === ')' && --depth === 0) break;
        }
        k++;
      }
      if (toks[k]?.text !== ':') {
        j = k;
        continue;
      }
      k++;
      let list = false;
      while (toks[k]?.text === '[') {
        list = true;
        k++;
      }
      const typeTok = toks[k];
      const typeName = typeTok?.kind === 'name' ? typeTok.text : '';
      while (k < toks.length && (toks[k]!.text === ']' || toks[k]!.text === '!' || toks[k]!.kind === 'name' && toks[k] === typeTok)) k++;
      // Directives: @name(args)
      while (toks[k]?.text === '@') {
        k += 2;
        if (toks[k]?.text === '(') {
          let depth = 0;
          for (; k < toks.length; k++) {
            if (toks[k]!.text === '(') depth++;
            else if (toks[k]!.text === ')' && --depth === 0) break;
          }
          k++;
        }
      }
      if (!OPERATIONS.has(model)) {
        const { line, column } = lines.at(base + tok.offset);
        const scalarHint = typeName && !BUILTIN.has(typeName) && !objectTypes.has(typeName) ? classifyIdentifier(typeName) : undefined;
        fields.push({
          model,
          field: tok.text,
          framework: 'graphql',
          // An SDL type is the API's shape, not storage.
          input: true,
          type: `${list ? '[' : ''}${typeName}${list ? ']' : ''}`,
          line,
          column,
          typeName,
          list,
          ...(scalarHint ? { hints: [{ category: scalarHint.category, confidence: 'medium' as const, reason: `GraphQL scalar ${typeName}` }] } : {}),
        });
      }
      j = k;
    }
    i = j + 1;
  }
  return {
    fields: fields.map(({ typeName, list, ...f }) =>
      objectTypes.has(typeName) || (list && !BUILTIN.has(typeName) && /^[A-Z]/.test(typeName) && !f.hints) ? { ...f, skip: true } : f,
    ),
  };
}
