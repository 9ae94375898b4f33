/**
 * What names in a file stand for: imports (package or relative module), values derived from
 * them (`const s3 = new S3Client({ region })`, `const log = pino()`), injected class members
 * (`constructor(private prisma: PrismaService)`), and module-level string constants (for URLs).
 */
import { ts } from 'ts-morph';

export interface Binding {
  /** Module specifier the value comes from ("axios", "../integrations/insurance-client"). */
  module?: string;
  /** Imported name: "default", "*" or the named export. */
  imported?: string;
  /** The expression that created a derived value (for its config: region, baseURL, host). */
  init?: ts.Expression;
  /** Declared type name for injected members and typed variables ("PrismaService"). */
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

/** Type name of a type annotation: `PrismaService`, `Repository<User>` → Repository (entity User). */
export function typeNameOf(t: ts.TypeNode | undefined): { name?: string; arg?: string } {
  if (!t) return {};
  if (ts.isTypeReferenceNode(t)) {
    const name = ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
    const a = t.typeArguments?.[0];
    const arg = a && ts.isTypeReferenceNode(a) ? (ts.isIdentifier(a.typeName) ? a.typeName.text : a.typeName.right.text) : undefined;
    return { name, arg };
  }
  if (ts.isArrayTypeNode(t)) return typeNameOf(t.elementType);
  if (ts.isUnionTypeNode(t)) {
    for (const m of t.types) {
      const r = typeNameOf(m);
      if (r.name) return r;
    }
  }
  return {};
}

/** First argument of a decorator such as @InjectRepository(User) / @InjectModel(User.name). */
export function decoratorArgName(node: ts.Node, decorator: string): string | undefined {
  const decos = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
  for (const d of decos ?? []) {
    const e = d.expression;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === decorator) {
      const a = e.arguments[0];
      if (!a) return undefined;
      if (ts.isIdentifier(a)) return a.text;
      if (ts.isPropertyAccessExpression(a) && ts.isIdentifier(a.expression)) return a.expression.text;
      if (ts.isStringLiteralLike(a)) return a.text;
    }
  }
  return undefined;
}

export function decoratorNames(node: ts.Node): string[] {
  const decos = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
  if (!decos) return [];
  const out: string[] = [];
  for (const d of decos) {
    const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    if (ts.isIdentifier(e)) out.push(e.text);
    else if (ts.isPropertyAccessExpression(e)) out.push(e.name.text);
  }
  return out;
}

/** First string argument of a decorator: @Controller('patients') → "patients". */
export function decoratorStringArg(node: ts.Node, names: ReadonlySet<string>): { name: string; arg?: string } | undefined {
  const decos = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
  for (const d of decos ?? []) {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    if (!ts.isIdentifier(callee) || !names.has(callee.text)) continue;
    const a = ts.isCallExpression(e) ? e.arguments[0] : undefined;
    if (a && ts.isStringLiteralLike(a)) return { name: callee.text, arg: a.text };
    if (a && ts.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'path' && ts.isStringLiteralLike(p.initializer)) {
          return { name: callee.text, arg: p.initializer.text };
        }
      }
    }
    return { name: callee.text };
  }
  return undefined;
}

/** A string-valued property of an object literal argument: { region: 'ap-southeast-1' }. */
export function objectStringProp(e: ts.Node | undefined, names: readonly string[], consts?: Map<string, string>): string | undefined {
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      if (!names.includes(p.name.text)) continue;
      const v = p.initializer;
      if (ts.isStringLiteralLike(v)) return v.text;
      if (ts.isIdentifier(v) && consts?.has(v.text)) return consts.get(v.text);
    }
    // nested config: new S3Client({ ...base, region }) or { credentials, config: { region } }
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer)) {
        const inner = objectStringProp(p.initializer, names, consts);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}
