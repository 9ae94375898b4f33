/**
 * What names in a file stand for: imports (package or relative module), values derived from
 * them (`const storage = new Sdk({ region })`, `const log = makeLogger()`), injected class members
 * (`constructor(private users: UsersService)`), and module-level string constants (for URLs).
 */
import path from 'node:path';
import { ts } from 'ts-morph';

export interface Binding {
  /** Module specifier the value comes from ("some-sdk", "../integrations/insurance-client"). */
  module?: string;
  /** Imported name: "default", "*" or the named export. */
  imported?: string;
  /** The expression that created a derived value (for its config: region, baseURL, host). */
  init?: ts.Expression;
  /** Declared type name for injected members and typed variables ("UsersService"). */
  typeName?: string;
  /** Entity/model for repositories (@InjectRepository(User), Repository<User>, @InjectModel). */
  entity?: string;
  /** A local function or class defined in this file. */
  local?: 'function' | 'class';
  /** Members called on the import to make a derived value (admin.messaging() → ["messaging"]). */
  members?: string[];
}

export type Bindings = Map<string, Binding>;

export function isRelative(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/');
}

/** Collect import declarations and top-level require() calls. */
export function collectImports(sf: ts.SourceFile, out: Bindings): void {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const module = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (!clause) continue;
      if (clause.name) out.set(clause.name.text, { module, imported: 'default' });
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.set(nb.name.text, { module, imported: '*' });
      else if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) out.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
      const e = st.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.set(st.name.text, { module: e.text, imported: '*' });
    } else if (ts.isVariableStatement(st)) {
      // `const { User, Order } = require('../models')`: named imports in CommonJS.
      for (const d of st.declarationList.declarations) {
        const req = ts.isObjectBindingPattern(d.name) && d.initializer ? requiredModule(d.initializer) : undefined;
        if (!req || req.member || !ts.isObjectBindingPattern(d.name)) continue;
        for (const el of d.name.elements) {
          const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
          if (imported && ts.isIdentifier(el.name) && !el.dotDotDotToken) out.set(el.name.text, { module: req.module, imported });
        }
      }
    }
  }
}

/** `require('x')`, `require('x').y`, `await import('x')` → module specifier. */
export function requiredModule(e: ts.Expression): { module: string; member?: string } | undefined {
  let x = e;
  while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x)) x = x.expression;
  let member: string | undefined;
  if (ts.isPropertyAccessExpression(x)) {
    member = x.name.text;
    x = x.expression;
  }
  if (ts.isCallExpression(x) && x.arguments.length === 1 && ts.isStringLiteralLike(x.arguments[0]!)) {
    const callee = x.expression;
    if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
      return { module: (x.arguments[0] as ts.StringLiteral).text, member };
    }
  }
  return undefined;
}

/** Repo path without extension and /index: the key of a module for import resolution. */
export function moduleKey(p: string): string {
  return p.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs|mts|cts)$/, '').replace(/\/index$/, '');
}

export function resolveImport(fromPath: string, spec: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), spec));
  return moduleKey(joined);
}
