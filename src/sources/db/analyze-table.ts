/**
 * One sampled table → findings (kind `column`) and protection evidence. Columns are judged one by
 * one; JSON columns and MongoDB documents are flattened so each field path is judged like a column.
 *
 * Artifact location (SARIF physicalLocation): a database object is not a file, so each table gets
 * a synthetic, repository-relative URI `db/<engine>/<database>/<schema>/<table>` (MySQL and
 * MongoDB have no schema level: `db/<engine>/<database>/<table>`), and the region's line is the
 * column's position in the table (1-based), as if the table were listed one column per line. The
 * exact names (with any character) are in `logicalLocations`; the URI replaces characters that
 * would change its meaning (`/ \ ? # %`) with `_`.
 */
import type { Classifier } from '../../classify/engine.js';
import type { Confidence, Finding, LogicalLocation } from '../../model/finding.js';
import type { Evidence } from '../../model/result.js';
import type { Regime } from '../../model/categories.js';
import { contentFingerprint } from '../../model/fingerprint.js';
import type { ColumnInfo, TableInfo, TableSample } from './types.js';
import type { DbEngine } from './url.js';
import { PathCollector, parseJsonValue } from './flatten.js';
import { kindFromTypes } from './values.js';
import { nameSignal, tableOwner } from './name-signal.js';
import { columnFacts, type ColumnInput } from './column-facts.js';
import { judgeColumn, type ColumnFacts, type ColumnVerdict } from './column-judge.js';
import { dbRuleId } from '../../rules/meta/db.js';

/** The risk rule shared with code analysis (rules/code-rules.yml). */
export const PLAINTEXT_CREDENTIAL_RULE = 'pd-plaintext-credential';

/**
 * A column named for passwords/credentials whose values have no protection shape: stored in the
 * clear. Reported as a risk next to the column finding; confidence follows the name's.
 */
function plaintextCredential(facts: ColumnFacts, verdict: ColumnVerdict): Confidence | undefined {
  const name = facts.name;
  if (!name || name.category !== 'credentials' || name.confidence === 'low') return undefined;
  if (facts.protection || !facts.valuesChecked || facts.nonNull < 5 || facts.keyLike) return undefined;
  if (!verdict.categories.some((c) => c.category === 'credentials')) return undefined;
  return name.confidence;
}

export interface TableAnalysis {
  findings: Finding[];
  evidence: Evidence[];
  columns: number;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function uriSegment(name: string): string {
  return name.replace(/[/\\?#%]/g, '_') || '_';
}

export function tableArtifactPath(engine: DbEngine, t: Pick<TableInfo, 'database' | 'schema' | 'name'>): string {
  return ['db', engine, t.database, ...(t.schema !== undefined ? [t.schema] : []), t.name].map(uriSegment).join('/');
}

/** `public.khach_hang` (PostgreSQL), `shop.customers` (MySQL, MongoDB). */
export function qualifiedName(t: Pick<TableInfo, 'database' | 'schema' | 'name'>): string {
  return t.schema !== undefined ? `${t.schema}.${t.name}` : `${t.database}.${t.name}`;
}

interface Unit extends ColumnInput {
  column: ColumnInfo;
  path?: string;
  ordinal: number;
}

function unitsOf(table: TableInfo, sample: TableSample): Unit[] {
  const { owner, kind: ownerKind } = tableOwner(table.name);
  const units: Unit[] = [];
  const tq = quoteIdent(table.name);
  for (const col of sample.columns) {
    const values = sample.values.get(col.name) ?? [];
    const isDocument = col.name === '';
    if (col.kind === 'json' || (col.kind === 'text' && holdsJson(values))) {
      const collector = new PathCollector();
      const plain: unknown[] = [];
      for (const v of values) {
        if (v === null || v === undefined) continue;
        const parsed = parseJsonValue(v);
        if (parsed !== null && typeof parsed === 'object') collector.add(parsed);
        else plain.push(parsed);
      }
      const paths = [...collector.paths.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      paths.forEach((p, i) => {
        const keys = p.path.replace(/\[\]/g, ' ').replace(/\./g, ' ');
        units.push({
          column: col,
          path: p.path,
          ordinal: isDocument ? i + 1 : col.ordinal,
          display: isDocument ? `${tq}.${p.path}` : `${tq}.${quoteIdent(col.name)} → ${p.path}`,
          kind: kindFromTypes(p.types),
          values: p.values,
          // Rows without the path count as nulls: a sparse optional field is still a field.
          rows: Math.max(p.values.length, sample.rows),
          hint: isDocument ? keys : `${col.name} ${keys}`,
          name: nameSignal(table.name, col.name, p.path),
          owner,
          ownerKind,
        });
      });
      // JSON columns that hold scalars or broken JSON: judge those values as text.
      if (!isDocument && (plain.length || !paths.length)) {
        units.push({ column: col, ordinal: col.ordinal, display: `${tq}.${quoteIdent(col.name)}`, kind: 'text', values: plain, rows: sample.rows, hint: col.name, name: nameSignal(table.name, col.name), owner, ownerKind });
      }
      continue;
    }
    units.push({
      column: col,
      ordinal: col.ordinal,
      display: `${tq}.${quoteIdent(col.name)}`,
      kind: col.kind,
      values,
      rows: sample.rows,
      hint: col.name,
      name: nameSignal(table.name, col.name),
      owner,
      ownerKind,
    });
  }
  return units;
}

/** Text columns that hold JSON documents (MariaDB's JSON type is LONGTEXT) are flattened too. */
function holdsJson(values: unknown[]): boolean {
  let seen = 0;
  let json = 0;
  for (const v of values) {
    if (typeof v !== 'string' || !v.trim()) continue;
    if (++seen > 50) break;
    const t = v.trimStart();
    if ((t[0] === '{' || t[0] === '[') && typeof parseJsonValue(t) === 'object') json++;
  }
  return seen > 0 && json >= Math.min(seen, 50) * 0.8;
}

export function analyzeTable(
  engine: DbEngine,
  table: TableInfo,
  sample: TableSample,
  classifier: Classifier,
  regime: Regime,
): TableAnalysis {
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  const path = tableArtifactPath(engine, table);
  const units = unitsOf(table, sample);
  for (const u of units) {
    const facts = columnFacts(u, classifier);
    const verdict = judgeColumn(facts, regime);
    const fieldName = u.path ?? u.column.name;
    const logical = logicalLocations(engine, table, u.column.name, u.path);
    const location = { path, line: Math.max(1, u.ordinal), column: 1 };
    if (facts.protection) {
      evidence.push({
        kind: 'protection',
        key: facts.protection.key,
        description: `${u.display}: ${facts.protection.description}`,
        ...(facts.name ? { categories: [facts.name.category] } : {}),
        location,
        logicalLocations: logical,
      });
    }
    if (!verdict) continue;
    const plain = plaintextCredential(facts, verdict);
    if (plain) {
      findings.push({
        ruleId: PLAINTEXT_CREDENTIAL_RULE,
        kind: 'risk',
        category: 'credentials',
        categories: ['credentials'],
        confidence: plain,
        score: plain === 'high' ? 0.85 : 0.65,
        level: 'high',
        message: `Column ${u.display} stores passwords or credentials in plain text (no hash, encryption or mask in ${facts.nonNull} sampled values)`,
        location,
        logicalLocations: logical,
        explain: [`column name: ${facts.name!.reason}`, 'values are not bcrypt/argon2/scrypt/PBKDF2 hashes, hex digests, ciphertext or masks'],
        fingerprint: contentFingerprint([engine, table.database, table.schema ?? '', table.name, fieldName, PLAINTEXT_CREDENTIAL_RULE]),
        properties: { engine, database: table.database, ...(table.schema !== undefined ? { schema: table.schema } : {}), table: table.name, column: u.column.name || fieldName, ...(u.path ? { path: u.path } : {}) },
      });
    }
    const top = verdict.categories[0]!;
    const ruleId = dbRuleId(top.category);
    findings.push({
      ruleId,
      kind: 'column',
      category: top.category,
      categories: verdict.categories.map((v) => v.category),
      confidence: top.confidence,
      score: top.score,
      message: verdict.message,
      ...(top.example !== undefined ? { value: top.example } : {}),
      location,
      logicalLocations: logical,
      explain: [...verdict.explain, ...verdict.categories.flatMap((v) => (verdict.categories.length > 1 ? v.explain.map((e) => `${v.category}: ${e}`) : v.explain))],
      fingerprint: contentFingerprint([engine, table.database, table.schema ?? '', table.name, fieldName, ruleId]),
      properties: {
        engine,
        database: table.database,
        ...(table.schema !== undefined ? { schema: table.schema } : {}),
        table: table.name,
        column: u.column.name || fieldName,
        ...(u.path ? { path: u.path } : {}),
        type: u.path ? `${u.column.type} → ${u.kind}` : u.column.type,
        matchRatio: top.matchRatio,
        ...(top.validatorPassRate !== undefined ? { validatorPassRate: top.validatorPassRate } : {}),
        distinct: facts.distinct,
        nullRatio: facts.rows ? Math.round((1 - facts.nonNull / facts.rows) * 100) / 100 : 0,
        sampled: facts.rows,
        sampleMethod: sample.method,
        basis: top.source,
        ...(verdict.protection ? { protection: verdict.protection.key } : {}),
        ...(verdict.categories.length > 1
          ? { perCategory: verdict.categories.map((v) => ({ category: v.category, confidence: v.confidence, matchRatio: v.matchRatio })) }
          : {}),
      },
    });
  }
  return { findings, evidence, columns: units.length };
}

function logicalLocations(engine: DbEngine, t: TableInfo, column: string, path?: string): LogicalLocation[] {
  const out: LogicalLocation[] = [{ kind: 'database', name: t.database, fullyQualifiedName: t.database }];
  let fq = t.database;
  if (t.schema !== undefined) {
    fq = `${fq}.${t.schema}`;
    out.push({ kind: 'schema', name: t.schema, fullyQualifiedName: fq });
  }
  fq = `${fq}.${t.name}`;
  out.push({ kind: engine === 'mongodb' ? 'collection' : 'table', name: t.name, fullyQualifiedName: fq });
  if (column) {
    fq = `${fq}.${column}`;
    out.push({ kind: 'column', name: column, fullyQualifiedName: fq });
  }
  if (path) out.push({ kind: 'field', name: path, fullyQualifiedName: `${fq}.${path}` });
  return out;
}
