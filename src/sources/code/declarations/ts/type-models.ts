/**
 * Data models written as TypeScript types and undecorated classes:
 *
 *  - those of frameworks whose models are types (registry `declarations.typeModels`: generated
 *    database types, query-builder table interfaces, model classes with a static table name),
 *    asked first, with the helpers below to read members;
 *  - plain interfaces, type literals and classes named after a person or a person's record
 *    (interface User { email: string }). Nothing says these are stored or received, so they are
 *    `plain`: reported one level lower and only for owners the names classifier calls a person or
 *    record, never for code types (UserService, UserProps), vendored .d.ts or test files. A type
 *    with no owner of its own embedded in one (`address: Address` in Patient) is read too, its
 *    names decided by the embedding type.
 *
 * Only module-level declarations (and those inside namespaces / `declare module`) are read:
 * types local to a function are implementation detail, and this keeps the pass linear and cheap.
 */
import { ts } from '../../parse.js';
import { classifyOwner } from '../../../../classify/names.js';
import { identifierTokens } from '../../../../classify/names/tokens.js';
import type { DeclaredField, FrameworkId } from '../types.js';
import { nameText } from '../../engine/ast.js';
import { boundedText, pos, type Ctx } from './helpers.js';

const MAX_DEPTH = 4;

/** Vendored code: its types describe a library's data, not the application's. */
const VENDORED = /(^|\/)(node_modules|vendor|vendors|third[-_]party|bower_components|\.yarn|\.pnpm)\//;
/** Tests and stories declare fixtures and mocks, not the application's model. */
const TEST_PATH = /(^|\/)(__tests__|__mocks__|__fixtures__|test|tests|spec|specs|e2e|cypress|playwright|stories|mocks)\/|\.(test|spec|stories|story|e2e|cy)\.[cm]?[jt]sx?$/i;

/**
 * Last words of type names that are code, not data, whatever they are about (UserService,
 * UserController, UserContext, BookingFormProps). The names lexicon already knows many; these are
 * the ones that matter for whole type names.
 */
const CODE_HEADS = new Set([
  'props', 'prop', 'state', 'context', 'ctx', 'service', 'services', 'controller', 'resolver', 'resolvers', 'module', 'repository', 'repo',
  'provider', 'factory', 'handler', 'handlers', 'guard', 'strategy', 'gateway', 'client', 'api', 'hook', 'hooks', 'store', 'reducer',
  'action', 'actions', 'mock', 'mocks', 'stub', 'fake', 'fixture', 'component', 'page', 'view', 'screen', 'layout', 'error', 'exception',
  'event', 'events', 'options', 'option', 'config', 'configuration', 'settings', 'args', 'arguments', 'params', 'filter', 'filters',
  'query', 'sort', 'mapper', 'builder', 'adapter', 'loader', 'helper', 'helpers', 'util', 'utils', 'manager', 'middleware', 'interceptor',
  'pipe', 'listener', 'emitter', 'scope', 'job', 'worker', 'task', 'command', 'cache', 'selector', 'slice', 'column', 'columns', 'table', 'tables',
  'router', 'route', 'routes', 'schema', 'validator', 'validation', 'serializer', 'transformer', 'template', 'templates', 'metadata', 'meta',
  'def', 'defs', 'definition', 'definitions', 'fact', 'facts', 'ref', 'refs', 'spec', 'specs', 'descriptor', 'declaration',
  'stats', 'statistics', 'count', 'counts', 'result', 'results', 'response', 'res', 'list', 'lists', 'map', 'dict', 'set', 'key', 'keys', 'id', 'ids',
]);

/** Plain types are read outside vendored code (its .d.ts and sources alike) and outside tests. */
export function plainTypesAllowed(path: string): boolean {
  return !VENDORED.test(path) && !TEST_PATH.test(path);
}

/** Whether a type/class name may model a person's data: a person or record owner, not a code type. */
export function personTypeName(name: string): boolean {
  const tokens = identifierTokens(name);
  const head = tokens[tokens.length - 1];
  if (!head || CODE_HEADS.has(head)) return false;
  const kind = classifyOwner(name);
  return kind === 'person' || kind === 'record';
}

/** A module-level declaration that may be a model. */
export type TypeModelDecl = ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.ClassDeclaration;
type Decl = TypeModelDecl;

/** What a framework's type-model reader is given once per file (framework-api `typeModels`). */
export interface TypeFile {
  readonly decls: readonly TypeModelDecl[];
  /** Names of the file's declarations: a member typed with one is a relation, not a value. */
  readonly models: ReadonlySet<string>;
}

/** Module-level declarations, looking into namespaces and `declare module` blocks. */
function topLevel(statements: readonly ts.Statement[], out: Decl[], depth = 0): void {
  for (const s of statements) {
    if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isClassDeclaration(s)) out.push(s);
    else if (ts.isModuleDeclaration(s) && depth < 4) {
      let body = s.body;
      while (body && ts.isModuleDeclaration(body)) body = body.body;
      if (body && ts.isModuleBlock(body)) topLevel(body.statements, out, depth + 1);
    }
  }
}

const PRIMITIVE_REF = new Set(['Date', 'String', 'Number', 'Boolean', 'Array', 'Record', 'Partial', 'Maybe', 'Nullable', 'Optional', 'Generated', 'ColumnType', 'Json', 'JsonValue', 'Buffer', 'Uint8Array', 'Decimal', 'BigInt', 'Readonly', 'Scalars', 'InputMaybe', 'Timestamp']);

/** Strip `| null | undefined`, arrays and parentheses: what a member holds. */
function coreType(t: ts.TypeNode): ts.TypeNode {
  let cur = t;
  for (let guard = 0; guard < 10; guard++) {
    if (ts.isParenthesizedTypeNode(cur)) cur = cur.type;
    else if (ts.isArrayTypeNode(cur)) cur = cur.elementType;
    else if (ts.isUnionTypeNode(cur)) {
      const rest = cur.types.filter((x) => !(ts.isLiteralTypeNode(x) && (x.literal.kind === ts.SyntaxKind.NullKeyword)) && x.kind !== ts.SyntaxKind.UndefinedKeyword && x.kind !== ts.SyntaxKind.NullKeyword);
      if (rest.length !== 1) return cur;
      cur = rest[0]!;
    } else return cur;
  }
  return cur;
}

/** A member whose type is another model (profile: Profile, posts: Post[]): a relation, not a value. */
function isRelationType(t: ts.TypeNode | undefined, models: ReadonlySet<string>): boolean {
  if (!t) return false;
  const core = coreType(t);
  if (ts.isFunctionTypeNode(core) || ts.isConstructorTypeNode(core)) return true;
  if (!ts.isTypeReferenceNode(core)) return false;
  const name = ts.isIdentifier(core.typeName) ? core.typeName.text : core.typeName.right.text;
  if (PRIMITIVE_REF.has(name)) return false;
  return models.has(name) || (ts.isArrayTypeNode(coreArray(t)) && /^[A-Z]/.test(name));
}

function coreArray(t: ts.TypeNode): ts.TypeNode {
  let cur = t;
  while (ts.isParenthesizedTypeNode(cur)) cur = cur.type;
  if (ts.isUnionTypeNode(cur)) {
    const arr = cur.types.find(ts.isArrayTypeNode);
    if (arr) return arr;
  }
  return cur;
}

/** The model fields are emitted for. */
export interface Emit {
  model: string;
  /** The person type embedding this one (Patient for `address: Address`), deciding its names. */
  owner?: string;
  framework: FrameworkId;
  plain?: boolean;
  store?: string;
  table?: string;
  models: ReadonlySet<string>;
}

/** Members of a type literal or interface; nested literals become dotted paths. */
export function typeMembers(ctx: Ctx, members: readonly ts.TypeElement[], e: Emit, prefix: string, out: DeclaredField[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const m of members) {
    if (!ts.isPropertySignature(m)) continue;
    const name = nameText(m.name);
    if (!name) continue;
    const field = prefix ? `${prefix}.${name}` : name;
    const core = m.type ? coreType(m.type) : undefined;
    if (core && ts.isTypeLiteralNode(core)) {
      typeMembers(ctx, core.members, e, field, out, depth + 1);
      continue;
    }
    if (isRelationType(m.type, e.models)) continue;
    out.push(fieldAt(ctx, m.name, e, field, m.type));
  }
}

export function fieldAt(ctx: Ctx, nameNode: ts.Node, e: Emit, field: string, type: ts.Node | undefined): DeclaredField {
  const at = pos(ctx, nameNode);
  return {
    model: e.model,
    field,
    framework: e.framework,
    ...(e.store ? { store: e.store } : {}),
    ...(e.table && e.table !== e.model ? { table: e.table } : {}),
    ...(type ? { type: boundedText(ctx, type, 60) } : {}),
    line: at.line,
    column: ts.isStringLiteral(nameNode) ? at.column + 1 : at.column,
    ...(e.plain ? { plain: true } : {}),
    ...(e.owner ? { owner: e.owner } : {}),
  };
}

/** Name of the type a member holds: `Address` for `address?: Address | null` or `Address[]`. */
function referencedName(t: ts.TypeNode | undefined): string | undefined {
  if (!t) return undefined;
  const core = coreType(t);
  if (!ts.isTypeReferenceNode(core)) return undefined;
  return ts.isIdentifier(core.typeName) ? core.typeName.text : core.typeName.right.text;
}

/**
 * Types with no owner of their own (Address, ContactInfo) embedded in a person type of the same
 * file: `interface Patient { address: Address }` makes Address part of a patient's data.
 */
function embeddedTypes(decls: readonly Decl[], isPerson: (name: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of decls) {
    const name = d.name?.text;
    if (!name || ts.isClassDeclaration(d) || !isPerson(name)) continue;
    for (const m of literalMembers(d) ?? []) {
      if (!ts.isPropertySignature(m)) continue;
      const ref = referencedName(m.type);
      if (ref && ref !== name && !out.has(ref) && classifyOwner(ref) === 'unknown') out.set(ref, name);
    }
  }
  return out;
}

/** The literal members of `{...}`, `A & {...}`, or an interface. */
export function literalMembers(d: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): readonly ts.TypeElement[] | undefined {
  if (ts.isInterfaceDeclaration(d)) return d.members;
  const t = d.type;
  if (ts.isTypeLiteralNode(t)) return t.members;
  if (ts.isIntersectionTypeNode(t)) {
    const lits = t.types.filter(ts.isTypeLiteralNode);
    return lits.length ? lits.flatMap((l) => [...l.members]) : undefined;
  }
  return undefined;
}

/** The declared type of member `key`. */
export function memberType(members: readonly ts.TypeElement[], key: string): ts.TypeNode | undefined {
  for (const m of members) if (ts.isPropertySignature(m) && nameText(m.name) === key) return m.type;
  return undefined;
}

// ---------------------------------------------------------------- classes

function isStatic(m: ts.ClassElement): boolean {
  return ts.canHaveModifiers(m) && (ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

/** The value of a static property or getter of a class (`static tableName = 'persons'`). */
export function staticMember(cls: ts.ClassDeclaration, name: string): ts.Expression | undefined {
  for (const m of cls.members) {
    if (!isStatic(m) || nameText(m.name) !== name) continue;
    if (ts.isPropertyDeclaration(m)) return m.initializer;
    if (ts.isGetAccessorDeclaration(m) && m.body) {
      const ret = m.body.statements.find(ts.isReturnStatement);
      return ret?.expression;
    }
  }
  return undefined;
}

/** Instance properties of a class and its constructor's parameter properties, as fields. */
export function classProperties(ctx: Ctx, cls: ts.ClassDeclaration, e: Emit, out: DeclaredField[]): void {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m)) {
      const name = nameText(m.name);
      if (!name || ts.isPrivateIdentifier(m.name) || isStatic(m)) continue;
      const init = m.initializer;
      // `private getRenameLocations;` in a .d.ts: an ambient member with nothing declared about it.
      if (!m.type && !init) continue;
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isNewExpression(init) || ts.isCallExpression(init))) continue;
      if (isRelationType(m.type, e.models)) continue;
      out.push(fieldAt(ctx, m.name, e, name, m.type));
    } else if (ts.isConstructorDeclaration(m)) {
      // constructor(public name: string, private readonly email: string)
      for (const p of m.parameters) {
        if (!ts.getModifiers(p)?.length) continue;
        const name = nameText(p.name);
        if (!name || isRelationType(p.type, e.models)) continue;
        out.push(fieldAt(ctx, p.name, e, name, p.type));
      }
    }
  }
}

// ---------------------------------------------------------------- entry

/**
 * @param handled classes already reported by the decorator/DTO reader (classes.ts): skipped here
 *   so a DTO is never reported twice.
 */
export function typeDeclarationFields(ctx: Ctx, path: string, handled: ReadonlySet<ts.Node>): DeclaredField[] {
  const decls: Decl[] = [];
  topLevel(ctx.sf.statements, decls);
  if (decls.length === 0) return [];
  const out: DeclaredField[] = [];
  const models = new Set(decls.map((d) => d.name?.text).filter((n): n is string => Boolean(n)));
  const file: TypeFile = { decls, models };
  const readers = ctx.vocab.declarations.flatMap((d) => (d.typeModels ? [d.typeModels(ctx, file)] : []));
  const plainOk = plainTypesAllowed(path);
  const embedded = plainOk ? embeddedTypes(decls, personTypeName) : new Map<string, string>();
  for (const d of decls) {
    const name = d.name?.text;
    if (!name || handled.has(d)) continue;
    const found = firstModel(readers, d);
    if (found) {
      out.push(...found);
      continue;
    }
    if (!plainOk) continue;
    if (ts.isClassDeclaration(d)) {
      if (personTypeName(name)) classProperties(ctx, d, { model: name, framework: 'typescript', plain: true, models }, out);
      continue;
    }
    const members = literalMembers(d);
    if (!members) continue;
    if (personTypeName(name)) typeMembers(ctx, members, { model: name, framework: 'typescript', plain: true, models }, '', out, 0);
    else if (embedded.has(name)) typeMembers(ctx, members, { model: name, owner: embedded.get(name)!, framework: 'typescript', plain: true, models }, '', out, 0);
  }
  return out;
}

function firstModel(readers: ReadonlyArray<(d: Decl) => DeclaredField[] | undefined>, d: Decl): DeclaredField[] | undefined {
  for (const read of readers) {
    const found = read(d);
    if (found) return found;
  }
  return undefined;
}
