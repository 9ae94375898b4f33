/**
 * extractDeclarations: one file in, its declared personal-data fields out, as `declaration`
 * findings (rule pd-declared-<category>, see rules.ts) plus protection evidence.
 *
 *   .prisma                         Prisma schema                     prisma.ts
 *   .sql                            DDL, migrations (Prisma too)      sql.ts
 *   .graphql .gql .graphqls         GraphQL SDL                       graphql.ts
 *   .json .yaml .yml                OpenAPI / Swagger / JSON Schema   openapi.ts (sniffed)
 *   .ts .tsx .js .jsx .mjs .cjs ... models of the registry's frameworks (frameworks/: decorated
 *                                   entities and DTOs, call-built schemas, migrations, type
 *                                   models), gql`` and SQL strings, and plain person types
 *                                   (interface User {...})          typescript.ts
 *
 * Never throws: a file that cannot be parsed comes back with `problem` and no findings.
 */
import type { Finding } from '../../../model/finding.js';
import type { Evidence } from '../../../model/result.js';
import { isScriptFile, type ts } from '../parse.js';
import { extensionOf, isCodeFile } from '../scope.js';
import { extractPrisma } from './prisma.js';
import { extractSql } from './sql.js';
import { extractGraphql } from './graphql.js';
import { extractApiDoc, sniffApiDoc } from './openapi.js';
import { extractTypescript } from './typescript.js';
import { fieldsToFindings } from './findings.js';
import type { ExtractResult } from './types.js';

export { declarationRuleId, declarationRuleMetas, isDeclarationRule, DECLARATION_RULE_PREFIX } from './rules.js';
export type { DeclaredField, FrameworkId } from './types.js';

export interface DeclarationsResult {
  findings: Finding[];
  evidence: Evidence[];
  problem?: string;
}

/** Whether extractDeclarations may find anything in a file with this path (cheap pre-filter). */
export const mayDeclare = isCodeFile;

function extract(path: string, text: string, sourceFile?: ts.SourceFile): ExtractResult {
  if (isScriptFile(path)) return extractTypescript(path, text, sourceFile);
  switch (extensionOf(path)) {
    case 'prisma':
      return extractPrisma(text);
    case 'sql':
      // CREATE TABLE declares the app's storage whether the file is a migration or a dump that
      // also holds rows (a schema-plus-seed script is how many apps ship their database); the
      // rows themselves are judged by their values, like any data file.
      return extractSql(text);
    case 'graphql':
    case 'gql':
    case 'graphqls':
      return extractGraphql(text);
    case 'json':
    case 'yaml':
    case 'yml': {
      const kind = sniffApiDoc(path, text);
      return kind ? extractApiDoc(path, text, kind) : { fields: [] };
    }
    default:
      return { fields: [] };
  }
}

/**
 * @param path repo-relative, forward slashes (used in locations)
 * @param sourceFile the tree from parseSource(path, text), when the caller already parsed the file
 */
export function extractDeclarations(path: string, text: string, sourceFile?: ts.SourceFile): DeclarationsResult {
  let result: ExtractResult;
  try {
    result = extract(path, text, sourceFile);
  } catch (err) {
    // A bug or a pathological file must not stop the scan; report it like a parse failure.
    return { findings: [], evidence: [], problem: `declarations skipped: ${(err as Error).message.split('\n')[0]}` };
  }
  if (result.problem) return { findings: [], evidence: [], problem: result.problem };
  return fieldsToFindings(path, result.fields);
}
