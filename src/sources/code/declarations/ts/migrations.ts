/**
 * Schemas embedded in strings: SQL DDL (`queryRunner.query("CREATE TABLE ...")` in a migration)
 * and GraphQL SDL in tagged templates (gql`type User {...}`), read by the SQL and SDL readers.
 * Migrations written as calls (`createTable('users', (t) => ...)`) are frameworks/sql.ts's.
 */
import { ts } from '../../parse.js';
import { extractSql } from '../sql.js';
import { extractGraphql } from '../graphql.js';
import type { LineIndex } from '../line-index.js';
import type { DeclaredField } from '../types.js';
import { calleeName } from '../../engine/ast.js';
import type { Ctx } from './helpers.js';

/** Raw text between the quotes/backticks, `${...}` blanked so offsets stay aligned with the file. */
function rawLiteralText(ctx: Ctx, lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): { text: string; base: number } {
  const start = lit.getStart(ctx.sf) + 1;
  const end = lit.end - 1;
  let text = ctx.sf.text.slice(start, Math.max(start, end));
  if (ts.isTemplateExpression(lit)) {
    for (const span of lit.templateSpans) {
      const a = span.expression.getFullStart() - 2 - start;
      const b = span.literal.getStart(ctx.sf) + 1 - start;
      if (a >= 0 && b <= text.length) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
    }
  }
  return { text, base: start };
}

const SQL_DDL = /\b(create|alter)\s+(\w+\s+){0,3}table\b/i;

/** CREATE/ALTER TABLE inside a string literal (TypeORM/Sequelize raw migrations). */
export function embeddedSqlFields(ctx: Ctx, lines: LineIndex, lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): DeclaredField[] | undefined {
  const head = ts.isTemplateExpression(lit) ? lit.head.text : lit.text;
  if (head.length < 12 || !SQL_DDL.test(head.slice(0, 400))) return undefined;
  const { text, base } = rawLiteralText(ctx, lit);
  return extractSql(text, { base, lines }).fields;
}

export function isGqlTag(tag: ts.Expression): boolean {
  const name = calleeName(tag);
  return name === 'gql' || name === 'graphql';
}

export function gqlFields(ctx: Ctx, lines: LineIndex, node: ts.TaggedTemplateExpression): DeclaredField[] {
  const tpl = node.template;
  const { text, base } = rawLiteralText(ctx, tpl);
  return extractGraphql(text, { base, lines }).fields;
}
