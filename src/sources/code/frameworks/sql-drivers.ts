/**
 * Raw SQL through a driver (mysql, mysql2, pg, sqlite3, better-sqlite3, mssql, oracledb):
 * `db.query('INSERT INTO guests (...) VALUES (?, ?)', [fullname, idCard])`. The statement text is
 * the evidence, whatever the receiver is (a pool exported by another file, `db.promise()`, a
 * transaction): an INSERT, UPDATE or REPLACE writes the values bound to it into the named table.
 */
import { ts } from 'ts-morph';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';

const RUN_METHODS = new Set(['query', 'execute', 'run', 'exec', 'prepare']);
/** A write statement and its table: INSERT INTO t, UPDATE t, REPLACE INTO t (schema-qualified, quoted). */
const WRITE_SQL = /^\s*(?:insert\s+(?:ignore\s+)?into|update(?:\s+ignore)?|replace\s+into)\s+[`"[]?(?:\w+[`"\]]?\.[`"[]?)?(\w+)/i;

/** Any other statement: the call is the driver's, not a client of the app's own module. */
const OTHER_SQL = /^\s*(?:select|delete|with|create|alter|drop|begin|commit|rollback|set|show)\b/i;

/** The statement's leading text: a string literal, or a template's head (`INSERT ... ${table}`). */
function statementText(e: ts.Expression | undefined, consts: ReadonlyMap<string, string>): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text;
  if (ts.isIdentifier(e)) {
    const init = localInitializer(e);
    return init ? statementText(init, consts) : consts.get(e.text);
  }
  return undefined;
}

/**
 * `const insertQuery = \`INSERT INTO ...\`; db.query(insertQuery, values)`: the string a name was
 * declared with in an enclosing block (the nearest one declaring it), when it is a literal.
 */
function localInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text) return d.initializer && (ts.isStringLiteralLike(d.initializer) || ts.isTemplateExpression(d.initializer)) ? d.initializer : undefined;
      }
    }
  }
  return undefined;
}

export const sqlDrivers: Framework = {
  id: 'sql-drivers',
  description: 'SQL drivers: INSERT/UPDATE/REPLACE statements passed to query/execute write their bound values',
  packages: ['mysql', 'mysql2', 'pg', 'sqlite3', 'better-sqlite3', 'mssql', 'oracledb', 'tedious'],
  calls: {
    classify({ call, method, api, engine }) {
      if (!RUN_METHODS.has(method) || call.expression.kind !== ts.SyntaxKind.PropertyAccessExpression) return undefined;
      const text = statementText(call.arguments[0], engine.consts);
      const m = text === undefined ? null : WRITE_SQL.exec(text);
      if (!m) return text !== undefined && OTHER_SQL.test(text) ? DECIDED_NONE : undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'SQL', internal: true, model: m[1]! }, args: 'all' };
    },
  },
};
