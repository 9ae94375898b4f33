/**
 * TS/JS data models, in one walk of the tree parseSource built (shared with flow analysis):
 * decorated classes and DTOs (classes.ts, with the registry's decorators); calls and `new`
 * expressions go to the registry's declaration extractors in order (frameworks/: tables, entity
 * schemas, object schemas, migrations...); embedded SQL and GraphQL SDL (migrations.ts); then
 * module-level types: the registry's type models, then plain person types (type-models.ts). A
 * file that mentions none of the frameworks' markers is not walked: only its module-level
 * interfaces, type aliases and classes are read, and only if it has any. Nothing here names a
 * framework: a new one is a frameworks/ module and a registry line.
 */
import { parseSource, syntaxError, ts } from '../parse.js';
import { LineIndex } from './line-index.js';
import type { DeclaredField, ExtractResult } from './types.js';
import { makeCtx, type Ctx } from './ts/helpers.js';
import { bodyParams, classFields } from './ts/classes.js';
import type { BuilderState } from './ts/builders.js';
import { typeDeclarationFields } from './ts/type-models.js';
import { embeddedSqlFields, gqlFields, isGqlTag } from './ts/migrations.js';
import { VOCABULARY } from '../frameworks/index.js';
import { mentionedIn, type Vocabulary } from '../engine/vocabulary.js';

/** Whether the file mentions a framework that declares models (the registry's markers); if not, it is not walked. */
function mentionsModels(lower: string, vocab: Vocabulary): boolean {
  return vocab.markers.some((m) => lower.includes(m));
}

/** Module-level type or class declarations (type models of frameworks, plain person types). */
const TYPE_DECL = /(^|[\s;{}])(interface|type|class)\s+[A-Za-z_$]/;

/** @param vocab the registry to read with (tests pass one of their own). */
export function extractTypescript(path: string, text: string, sourceFile?: ts.SourceFile, vocab: Vocabulary = VOCABULARY): ExtractResult {
  const lower = text.toLowerCase();
  const frameworks = mentionsModels(lower, vocab);
  const types = TYPE_DECL.test(text);
  if (!frameworks && !types) return { fields: [] };
  const sf = sourceFile ?? parseSource(path, text);
  const problem = syntaxError(sf);
  if (problem) return { fields: [], problem: `cannot parse: ${problem}` };
  const ctx: Ctx = makeCtx(sf, mentionedIn(vocab, lower), vocab);
  const st: BuilderState = { consumed: new Set() };
  let lines: LineIndex | undefined;
  const lineIndex = () => (lines ??= new LineIndex(text));
  const fields: DeclaredField[] = [];
  const classes: ts.ClassLikeDeclaration[] = [];
  /** Types of handler input parameters → the framework whose decorator declared them. */
  const bodyTypes = new Map<string, string>();
  const passes = vocab.declarations.flatMap((d) => (d.perFile ? [d.perFile(ctx)] : []));
  const mayHaveSql = lower.includes('table');

  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      classes.push(node);
    } else if (ts.isMethodDeclaration(node)) {
      fields.push(...bodyParams(ctx, node, bodyTypes));
    } else if (ts.isNewExpression(node)) {
      for (const d of vocab.declarations) {
        const found = d.construct?.(ctx, st, node);
        if (found) {
          fields.push(...found);
          break;
        }
      }
    } else if (ts.isCallExpression(node)) {
      visitCall(node);
    } else if (ts.isTaggedTemplateExpression(node) && isGqlTag(node.tag)) {
      fields.push(...gqlFields(ctx, lineIndex(), node));
      return;
    } else if (mayHaveSql && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))) {
      const sql = embeddedSqlFields(ctx, lineIndex(), node);
      if (sql) fields.push(...sql.map((f) => ({ ...f, framework: 'sql' as const })));
      return;
    }
    ts.forEachChild(node, visit);
  };

  const visitCall = (call: ts.CallExpression): void => {
    for (const p of passes) p.call(call);
    for (const d of vocab.declarations) {
      const found = d.call?.(ctx, st, call);
      if (found) {
        fields.push(...found);
        return;
      }
    }
  };

  if (frameworks) visit(sf);
  else for (const st of sf.statements) if (ts.isClassDeclaration(st)) classes.push(st);
  const handled = new Set<ts.Node>();
  for (const cls of classes) {
    const found = classFields(ctx, cls, bodyTypes);
    if (!found) continue;
    handled.add(cls);
    fields.push(...found);
  }
  if (types) fields.push(...typeDeclarationFields(ctx, path, handled));

  let out = fields;
  for (const p of passes) out = p.finish(out);
  for (const f of out) if (vocab.inputModels.has(f.framework)) f.input = true;
  return { fields: out };
}
