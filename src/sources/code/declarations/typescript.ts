/**
 * TS/JS data models, in one walk of the tree parseSource built (shared with flow analysis):
 * decorated classes and DTOs (classes.ts); calls and `new` expressions go to the registry's
 * declaration extractors in order (frameworks/: Drizzle tables, EntitySchema, Mongoose and
 * validator schemas, migrations...); embedded SQL and GraphQL SDL (migrations.ts); then
 * module-level types: Kysely, Supabase, Objection and plain person types (type-models.ts). A file
 * that mentions none of the frameworks' markers is not walked: only its module-level interfaces,
 * type aliases and classes are read, and only if it has any.
 */
import { parseSource, syntaxError, ts } from '../parse.js';
import { LineIndex } from './line-index.js';
import type { DeclaredField, ExtractResult } from './types.js';
import { makeCtx, type Ctx } from './ts/helpers.js';
import { bodyParams, classFields } from './ts/classes.js';
import type { BuilderState } from './ts/builders.js';
import { typeDeclarationFields } from './ts/type-models.js';
import { embeddedSqlFields, gqlFields, isGqlTag } from './ts/migrations.js';
import { VOCABULARY, frameworksMentionedIn } from '../frameworks/index.js';

/** Whether the file mentions a framework that declares models (the registry's markers); if not, it is not walked. */
export function mentionsModels(lower: string): boolean {
  return VOCABULARY.markers.some((m) => lower.includes(m));
}

/** Module-level type or class declarations (plain person types, Kysely, Supabase, Objection). */
const TYPE_DECL = /(^|[\s;{}])(interface|type|class)\s+[A-Za-z_$]/;

export function extractTypescript(path: string, text: string, sourceFile?: ts.SourceFile): ExtractResult {
  const lower = text.toLowerCase();
  const frameworks = mentionsModels(lower);
  const types = TYPE_DECL.test(text);
  if (!frameworks && !types) return { fields: [] };
  const sf = sourceFile ?? parseSource(path, text);
  const problem = syntaxError(sf);
  if (problem) return { fields: [], problem: `cannot parse: ${problem}` };
  const ctx: Ctx = makeCtx(sf, frameworksMentionedIn(lower));
  const st: BuilderState = { consumed: new Set() };
  let lines: LineIndex | undefined;
  const lineIndex = () => (lines ??= new LineIndex(text));
  const fields: DeclaredField[] = [];
  const classes: ts.ClassLikeDeclaration[] = [];
  const bodyTypes = new Set<string>();
  const passes = VOCABULARY.declarations.flatMap((d) => (d.perFile ? [d.perFile(ctx)] : []));
  const mayHaveSql = lower.includes('table');

  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      classes.push(node);
    } else if (ts.isMethodDeclaration(node)) {
      fields.push(...bodyParams(ctx, node, bodyTypes));
    } else if (ts.isNewExpression(node)) {
      for (const d of VOCABULARY.declarations) {
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
    for (const d of VOCABULARY.declarations) {
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
  return { fields: out };
}
