/**
 * Flow analysis of one TS/JS file: a single walk over the syntax tree (no type checker) that
 * follows values from sources (request input, DTO parameters, ORM reads, personal-looking
 * names) through assignments, destructuring, spreads, templates and calls to sinks (loggers,
 * third-party SDKs, HTTP calls, storage). Calls into other functions are recorded as edges and
 * resolved afterwards (in this file, then across files by linkProject), so each file is walked
 * once and nothing outlives the walk but plain facts.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import { positionOf } from '../parse.js';
import type { Evidence } from '../../../model/result.js';
import type { Confidence } from '../../../model/finding.js';
import { classifyIdentifier, classifyOwner, type NameMatch } from '../../../classify/names.js';
import {
  EMPTY, boundCalls, protect, union, unionAll, withStep, isLive, onlyCallResults, trimArgs,
  type CatLabel, type Label, type RetLabel, type Step, type Taint, type TypeLabel,
} from './taint.js';
import {
  collectImports, decoratorArgName, decoratorNames, decoratorStringArg, isRelative, objectStringProp, requiredModule, typeNameOf,
  type Binding, type Bindings,
} from './bindings.js';
import {
  ARG_PASS, CONFIG_METHODS, CONSOLE_METHODS, DELETE_METHODS, ELEMENT_CALLBACK, ERROR_TRACKER_CONTEXT_ARG, FILTER_FIRST,
  FS_MODULES, FS_WRITES, HTTP_MODULES, HTTP_VERBS, LOG_METHODS, LOGGER_MODULES, ORM_READS, ORM_WRITES, PASSWORD_HASH_MODULES, PRISMA_READS,
  PRISMA_WRITES, RECEIVER_PASS, REDIS_WRITES, SCHEDULE_DECORATORS, TYPEORM_BUILDERS, chainOf, isLoggerBinding, isLoggerName,
  isRedisLike, looksLikeModelName, rootName, sanitizerKind, type Chain,
} from './sinks.js';
import { envName, hostOf, isInternalHost, isRelativeUrl, urlShape, type UrlShape } from './urls.js';
import { sinkKindOf, unknownHostRecipient, type Recipient, type RecipientCatalog, type RecipientDef } from './recipients.js';
import { ADDRESSEE, smtpFromEnv, type ClientFacts, type ClientSink, type ClientUse } from './clients.js';
import type { CallEdge, CalleeRef, HitContext, SinkHit, SinkInfo, TypeFacts } from './types.js';

export interface FnInfo {
  key: string;
  name: string;
  className?: string;
  params: string[];
  /** Callable from other files: exported function, or a method of a class. */
  callable: boolean;
  returns: Taint;
  done: boolean;
  route?: string;
  scheduled?: boolean;
}

/** Personal data read from a URL (req.query.email, @Query('sdt')): reported as pd-in-url. */
export interface UrlInput {
  step: Step;
  cat: string;
  conf: Confidence;
  field: string;
  ctx: HitContext;
}

export interface FileFlows {
  hits: SinkHit[];
  edges: CallEdge[];
  fns: Map<string, FnInfo>;
  types: TypeFacts[];
  evidence: Evidence[];
  urlInputs: UrlInput[];
  exported: string[];
  aliases: Record<string, string>;
  /** Modules re-exported whole (`export * from './x'`). */
  reexports: string[];
  classes: string[];
  passwordHashing: boolean;
  /** SDK clients exported by this file, by export key. */
  clients: Record<string, ClientFacts>;
  /** Every function key this file calls, whatever it passes: "has callers" for payload-key labels. */
  called: string[];
}

type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/**
 * A bare `name` (or address, gender, birth date) names a person when it sits next to a contact
 * (email, phone): `sendWelcome(email, name)`, `{ email, name }`. Owner-dependent terms only,
 * decided as if the owner were a contact, one level less sure.
 */
const SIBLING_CATEGORIES = new Set(['full-name', 'address', 'gender', 'date-of-birth']);
const CONTACT_CATEGORIES = new Set(['digital-account', 'phone']);
/** Payload keys naming the addressee of a message: email or phone depending on the recipient. */
const ADDRESSEE_KEYS = new Set(['to', 'cc', 'bcc']);
/** Wrapper words at the end of a type name: the owner is what comes before (UpdateCustomerOptions). */
const WRAPPER_SUFFIX = /(Options|Opts|Params|Args|Arguments|Input|Props|Payload|Data|Dto|DTO|Request|Body|Config)$/;

/** Depth of factories returning factories followed when binding a client (mk() → make() → new X()). */
const MAX_FACTORY_DEPTH = 3;

class Env {
  readonly vars = new Map<string, Taint>();
  constructor(readonly parent?: Env) {}
  get(name: string): Taint | undefined {
    const t = this.vars.get(name);
    if (t !== undefined) return t;
    return this.parent?.get(name);
  }
  /** Assignment: weak update where the variable lives (branches may not all run). */
  assign(name: string, t: Taint): void {
    if (!this.update(name, t)) this.vars.set(name, t);
  }
  private update(name: string, t: Taint): boolean {
    const old = this.vars.get(name);
    if (old !== undefined) {
      this.vars.set(name, union(old, t));
      return true;
    }
    return this.parent?.update(name, t) ?? false;
  }
}

interface ClassCtx {
  name: string;
  bindings: Bindings;
  prefix?: string;
  methods: Set<string>;
}

interface Frame {
  fn: FnInfo;
  env: Env;
  cls?: ClassCtx;
  deletes: Step[];
}

type CallKind =
  | { t: 'sink'; info: SinkInfo; args: number[] | 'all' | 'none'; recv?: boolean; url?: ts.Expression; prismaData?: boolean; returns?: Taint }
  | { t: 'source'; type: string; source: string }
  | { t: 'builder' }
  | { t: 'internal-url'; url?: ts.Expression };

const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'context', 'event', 'c']);
const REQUEST_PARTS: Record<string, string> = {
  body: 'request body',
  query: 'query string',
  params: 'path parameters',
  headers: 'request headers',
  cookies: 'cookies',
  files: 'uploaded files',
  file: 'uploaded file',
  payload: 'request payload',
  queryStringParameters: 'query string',
  pathParameters: 'path parameters',
};
/** Objects that just wrap data: reading them keeps everything the base carries. */
const CONTAINERS = new Set([
  'data', 'body', 'payload', 'params', 'value', 'values', 'attributes', 'attrs', 'fields', 'props', 'info', 'details', 'detail',
  'record', 'records', 'item', 'items', 'result', 'results', 'row', 'rows', 'doc', 'docs', 'document', 'dataValues', '_doc',
  'input', 'args', 'entity', 'entities', 'dto', 'form', 'formData', 'content', 'raw', 'json', 'response',
]);
/** Local names of parameter objects: `options.email` keeps the category `email` has alone. */
const GENERIC_OWNERS = new Set(['options', 'opts', 'option', 'params', 'param', 'input', 'inputs', 'args', 'arg', 'props', 'data', 'payload', 'values', 'variables', 'vars']);
/** Configuration words: neutral only for a function's own parameter (`config.email` elsewhere is an operator's). */
const CONFIG_OWNERS = new Set(['config', 'cfg', 'settings']);
/** Words of environment variable names that say nothing of a recipient (see recipientOfEnv). */
const ENV_NOISE = new Set(['URL', 'URI', 'API', 'HOST', 'ENDPOINT', 'WEBHOOK', 'BASE', 'NEXT', 'PUBLIC', 'VITE', 'REACT', 'APP', 'SERVER', 'SERVICE', 'HTTP', 'HTTPS']);
/** Vercel AI SDK calls that send a prompt to the model named in `model:`. */
const AI_SDK_CALLS = /^(generate|stream)(Text|Object)$|^embed(Many)?$/;
/** Personal fields remembered per untyped parameter (see fieldsReadOn). */
const MAX_READ_FIELDS = 6;
const MAX_READS = 64;
const PRIMITIVE_TYPES = new Set([
  'string', 'number', 'boolean', 'String', 'Number', 'Boolean', 'Date', 'Buffer', 'Record', 'Promise', 'Array', 'Map', 'Set',
  'Partial', 'Readonly', 'Pick', 'Omit', 'Error', 'Function', 'Object', 'unknown', 'any', 'Request', 'Response', 'NextFunction',
  'Uint8Array', 'ReadonlyArray', 'Iterable', 'RegExp', 'URL', 'Blob', 'File', 'Express', 'Observable',
]);
const NEST_PARAM_DECORATORS: Record<string, string> = {
  Body: 'request body',
  Query: 'query string',
  Param: 'path parameters',
  Headers: 'request headers',
  Args: 'GraphQL arguments',
  Payload: 'message payload',
  UploadedFile: 'uploaded file',
};
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);
const EXPRESS_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'head', 'options']);
const CRON_CALLS = new Set(['schedule', 'scheduleJob', 'every', 'define', 'CronJob', 'setInterval', 'cron', 'repeat']);
const URL_ROOTS = new Set(['res', 'response', 'reply', 'ctx', 'h']);
const NODE_BUILTINS = new Set([
  'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'stream', 'events', 'child_process', 'zlib', 'net', 'tls', 'dns',
  'assert', 'buffer', 'querystring', 'readline', 'worker_threads', 'cluster', 'process', 'timers', 'perf_hooks', 'vm', 'module',
]);
/** Helpers that turn a value into text without hiding it: safeStringify, serializeUser, formatMessage. */
const PASS_NAME = /(stringify|serialize|serializer|format|inspect|tojson|tostring|topayload|todto|tojsonobject)$/i;
/**
 * Templates and components: renderInviteEmail({ inviterName }), formatMessage(x), TeamInvitation({ senderName })
 * give back markup or text made of their arguments. Only for callees not analysed here (see passesArgs).
 */
const RENDER_NAME = /^(render|format|template|compile)[A-Z_]|Template$|^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$|^[A-Z][a-z]{3,}(?:Email|Mail|Page|Card|Message)?$/;
/** PascalCase callees that are conversions, not components: Number(x) is not the text of x. */
const NOT_COMPONENTS = new Set(['Number', 'Boolean', 'Date', 'BigInt', 'Symbol', 'Error', 'RegExp', 'Math', 'Promise', 'Array', 'Object', 'Set', 'Map', 'WeakMap', 'Reflect', 'Proxy', 'Intl', 'JSON']);
/** Names that only count or measure what they get: their result says nothing about the data. */
const MEASURE_NAME = /^(count|length|size|sum|total|len|num|is|has|can|should|validate|check|hash|encrypt|digest|sign|mask|redact|anonymi[sz]e)/i;

function passesArgs(name: string): boolean {
  if (NOT_COMPONENTS.has(name) || MEASURE_NAME.test(name)) return false;
  return ARG_PASS.has(name) || PASS_NAME.test(name) || RENDER_NAME.test(name);
}
/** Array/promise methods whose result is what the callback returns. */
const MAPPING_CALLBACK = new Set(['map', 'flatMap', 'then', 'reduce']);

function cap(name: string): string {
  return name ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/** Repo path without extension and /index: the key of a module for import resolution. */
export function moduleKey(p: string): string {
  return p.replace(/\.(d\.ts|tsx?|jsx?|mjs|cjs|mts|cts)$/, '').replace(/\/index$/, '');
}

export function resolveImport(fromPath: string, spec: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromPath), spec));
  return moduleKey(joined);
}

function isFunctionLike(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

function unwrapExpr(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

/** Expressions a function body returns (not those of functions nested in it). */
function returnedExpressions(body: ts.Block): ts.Expression[] {
  const out: ts.Expression[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(body, walk);
  return out;
}

/** Whether an expression mentions one of these identifiers. */
function usesAny(e: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(e)) return names.has(e.text);
  // `cfg.orderId` reads a property named orderId, not the parameter orderId.
  if (ts.isPropertyAccessExpression(e)) return usesAny(e.expression, names);
  return ts.forEachChild(e, (c) => usesAny(c, names) || undefined) ?? false;
}

/** Values assigned to `name` in a function body (`if (!cached) cached = new Stripe(k)`). */
function assignedValues(body: ts.Block, name: string): ts.Expression[] {
  const out: ts.Expression[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isBinaryExpression(n) && ts.isIdentifier(n.left) && n.left.text === name) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) out.push(n.right);
    }
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(body, walk);
  return out;
}

/** The initialiser of `const name = ...` declared in a block around `id` (`const requestUrl = \`${this.baseUrl}/x\``). */
function localConstInit(id: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = id.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st.pos > id.pos) break;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text) return d.initializer;
    }
  }
  return undefined;
}

function propName(n: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

function isLiteralish(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isRegularExpressionLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword ||
    ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isNewExpression(e) || isFunctionLike(e) ||
    ts.isTemplateExpression(e) || ts.isBinaryExpression(e) || ts.isPrefixUnaryExpression(e)
  );
}

export class FileAnalyzer {
  private readonly bindings: Bindings = new Map();
  private readonly consts = new Map<string, string>();
  private readonly localFns = new Map<string, string>();
  /** Top-level functions by name, for clients made by local factories (`const t = mk()`). */
  private readonly localFnNodes = new Map<string, FunctionNode>();
  private readonly factoryCache = new Map<FunctionNode, Binding | null>();
  /** Property reads per function body, for untyped parameters (propertyReads). */
  private readonly readsByBody = new Map<ts.Node, Map<string, Map<string, ts.Node>>>();
  private readonly returnsByBody = new Map<ts.Block, ts.Expression[]>();
  /** Names bound to another project module's export, or to what calling it returns. */
  private readonly projectRefs = new Map<string, { key: string; call: boolean }>();
  private readonly called = new Set<string>();
  /** Top-level `export default <expression>` (not a plain name). */
  private defaultExport: ts.Expression | undefined;
  private readonly classNames = new Set<string>();
  private readonly exportedNames = new Set<string>();
  private readonly mk: string;
  private readonly hits: SinkHit[] = [];
  private readonly edges: CallEdge[] = [];
  private readonly fns = new Map<string, FnInfo>();
  private readonly types: TypeFacts[] = [];
  private readonly evidence: Evidence[] = [];
  private readonly evidenceKeys = new Set<string>();
  private readonly urlInputs: UrlInput[] = [];
  private readonly objectKeys = new WeakMap<ts.ObjectLiteralExpression, Map<string, Taint>>();
  private readonly aliases: Record<string, string> = {};
  private readonly reexports: string[] = [];
  private passwordHashing = false;
  private frame!: Frame;
  private anon = 0;

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly filePath: string,
    private readonly catalog: RecipientCatalog,
  ) {
    this.mk = moduleKey(filePath);
  }

  run(): FileFlows {
    collectImports(this.sf, this.bindings);
    this.prepass();
    const moduleFn: FnInfo = { key: `${this.mk}#<module>`, name: '<module>', params: [], callable: false, returns: EMPTY, done: false };
    this.frame = { fn: moduleFn, env: new Env(), deletes: [] };
    for (const st of this.sf.statements) this.visit(st);
    const exported: string[] = [];
    for (const f of this.fns.values()) if (f.callable) exported.push(f.key);
    return {
      hits: this.hits,
      edges: this.edges,
      fns: this.fns,
      types: this.types,
      evidence: this.evidence,
      urlInputs: this.urlInputs,
      exported,
      aliases: this.aliases,
      reexports: this.reexports,
      classes: [...this.classNames],
      passwordHashing: this.passwordHashing,
      clients: this.exportedClients(),
      called: [...this.called],
    };
  }

  // ------------------------------------------------------------------ pre-pass (top level only)

  private isExported(node: ts.Node): boolean {
    const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    return !!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  }

  private isDefaultExport(node: ts.Node): boolean {
    const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    return !!mods?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  }

  private prepass(): void {
    for (const st of this.sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name) {
        this.localFns.set(st.name.text, `${this.mk}#${st.name.text}`);
        this.localFnNodes.set(st.name.text, st);
        this.bindings.set(st.name.text, { local: 'function' });
        if (this.isExported(st)) {
          this.exportedNames.add(st.name.text);
          if (this.isDefaultExport(st)) this.aliases[`${this.mk}#default`] = `${this.mk}#${st.name.text}`;
        }
      } else if (ts.isClassDeclaration(st) && st.name) {
        this.classNames.add(st.name.text);
        this.bindings.set(st.name.text, { local: 'class' });
      } else if (ts.isVariableStatement(st)) {
        const exported = this.isExported(st);
        for (const d of st.declarationList.declarations) {
          if (!ts.isIdentifier(d.name) || !d.initializer) continue;
          const init = d.initializer;
          // Exported values too: an exported SDK client is a fact for other files.
          if (exported) this.exportedNames.add(d.name.text);
          if (isFunctionLike(init)) {
            this.localFns.set(d.name.text, `${this.mk}#${d.name.text}`);
            this.localFnNodes.set(d.name.text, init);
          } else if (ts.isStringLiteralLike(init) && st.declarationList.flags & ts.NodeFlags.Const) {
            this.consts.set(d.name.text, init.text);
          } else if (ts.isTemplateExpression(init) && st.declarationList.flags & ts.NodeFlags.Const) {
            const shape = urlShape(init, this.consts);
            if (shape?.complete) this.consts.set(d.name.text, shape.prefix);
          }
        }
      } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          this.exportedNames.add((el.propertyName ?? el.name).text);
          if (el.name.text === 'default' && el.propertyName) this.aliases[`${this.mk}#default`] = `${this.mk}#${el.propertyName.text}`;
        }
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && isRelative(st.moduleSpecifier.text)) {
        // Barrels: export { findPatient } from './patients.service' / export * from './x'
        const target = resolveImport(this.filePath, st.moduleSpecifier.text);
        if (!st.exportClause) this.reexports.push(target);
        else if (ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) this.aliases[`${this.mk}#${el.name.text}`] = `${target}#${(el.propertyName ?? el.name).text}`;
        }
      } else if (ts.isExportAssignment(st) && ts.isIdentifier(st.expression)) {
        this.exportedNames.add(st.expression.text);
        this.aliases[`${this.mk}#default`] = `${this.mk}#${st.expression.text}`;
      } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
        this.defaultExport = st.expression;
      } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        // CommonJS: module.exports = { a, b } / exports.a = a
        const { left, right } = st.expression;
        const lt = left.getText(this.sf);
        if (lt === 'module.exports' && ts.isObjectLiteralExpression(right)) {
          for (const p of right.properties) {
            if (ts.isShorthandPropertyAssignment(p)) this.exportedNames.add(p.name.text);
            else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer)) {
              this.exportedNames.add(p.initializer.text);
              const n = propName(p.name);
              if (n && n !== p.initializer.text) this.aliases[`${this.mk}#${n}`] = `${this.mk}#${p.initializer.text}`;
            }
          }
        } else if (lt === 'module.exports' && ts.isIdentifier(right)) {
          this.exportedNames.add(right.text);
          this.aliases[`${this.mk}#default`] = `${this.mk}#${right.text}`;
        } else if (ts.isPropertyAccessExpression(left) && /^(module\.)?exports$/.test(left.expression.getText(this.sf))) {
          if (ts.isIdentifier(right)) {
            this.exportedNames.add(right.text);
            if (left.name.text !== right.text) this.aliases[`${this.mk}#${left.name.text}`] = `${this.mk}#${right.text}`;
          } else if (isFunctionLike(right)) {
            this.localFns.set(left.name.text, `${this.mk}#${left.name.text}`);
            this.exportedNames.add(left.name.text);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private step(node: ts.Node, message: string): Step {
    const { line, column } = positionOf(this.sf, node);
    return { path: this.filePath, line, column, message };
  }

  private ctx(): HitContext {
    const f = this.frame.fn;
    const c: HitContext = {};
    if (f.name !== '<module>' && !f.name.startsWith('<')) c.functionName = f.name;
    if (f.className) c.className = f.className;
    if (f.route) c.route = f.route;
    return c;
  }

  private addEvidence(e: Evidence): void {
    const k = `${e.kind}:${e.key}:${e.location?.line ?? ''}`;
    if (this.evidenceKeys.has(k)) return;
    this.evidenceKeys.add(k);
    this.evidence.push(e);
  }

  private bindingOf(root: string): Binding | undefined {
    if (root.startsWith('this.')) return this.frame.cls?.bindings.get(root.slice(5));
    if (this.frame.env.get(root) !== undefined && !this.bindings.has(root)) return undefined;
    return this.bindings.get(root);
  }

  private names(name: string, owner?: string) {
    return classifyIdentifier(name, owner);
  }

  /** Text of a simple access chain for messages ("dto", "req.body", "this.user"); never values. */
  private describe(e: ts.Expression): string {
    if (ts.isIdentifier(e)) return e.text;
    if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(e)) return `${this.describe(e.expression)}.${e.name.text}`;
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e)) return this.describe(e.expression);
    if (ts.isCallExpression(e)) return `${this.describe(e.expression)}()`;
    if (ts.isElementAccessExpression(e)) return `${this.describe(e.expression)}[]`;
    return '…';
  }

  /** Does any sibling name (parameter, key) hold a contact (email, phone)? */
  private hasContactSibling(name: string, siblings: readonly (string | undefined)[]): boolean {
    for (const s of siblings) {
      if (!s || s === name) continue;
      const m = this.names(s);
      if (m && m.confidence === 'high' && !m.protection && CONTACT_CATEGORIES.has(m.category)) return true;
    }
    return false;
  }

  /** `name` next to `email`: a person's name, at medium confidence (see SIBLING_CATEGORIES). */
  private bySiblings(name: string, siblings: readonly (string | undefined)[]): NameMatch | undefined {
    const m = this.names(name, 'contact');
    if (!m || m.protection || !SIBLING_CATEGORIES.has(m.category) || this.names(name)) return undefined;
    if (!this.hasContactSibling(name, siblings)) return undefined;
    return { ...m, confidence: m.confidence === 'high' ? 'medium' : m.confidence, reason: `${m.reason}; next to a contact field` };
  }

  private catLabel(name: string, owner: string | undefined, fieldOf: string | (() => string), node: ts.Node, base: Taint, source?: string, match?: NameMatch): Taint {
    const m = match ?? this.names(name, owner);
    if (!m) return EMPTY;
    const field = typeof fieldOf === 'string' ? fieldOf : fieldOf();
    if (m.protection === 'hashing' || m.protection === 'encryption') return [{ k: 'prot', how: `${m.protection}:name`, cats: [m.category] }];
    const src = base.find((l) => l.k === 'src' || l.k === 'type' || l.k === 'param');
    const srcSteps = src ? src.steps.slice(0, 1) : [];
    const srcName = source ?? (src?.k === 'src' ? src.what : src?.k === 'type' ? src.source : undefined);
    const param = base.find((l) => l.k === 'param');
    const via = param?.k === 'param' ? { fn: param.fn, index: param.index } : undefined;
    // Read from a call result resolved later: its path is put in front once known.
    const from = !src ? base.find((l): l is RetLabel => l.k === 'ret') : undefined;
    const label: CatLabel = {
      k: 'cat',
      cat: m.category,
      conf: m.confidence,
      field,
      ...(srcName ? { source: srcName } : {}),
      ...(via ? { via } : {}),
      ...(from ? { from } : {}),
      steps: [...srcSteps, this.step(node, `${field} (${m.category})`)],
    };
    return [label];
  }

  // ------------------------------------------------------------------ statements and expressions

  private visitAll(nodes: readonly ts.Node[]): void {
    for (const n of nodes) this.visit(n);
  }

  private visit(node: ts.Node): Taint {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        return this.ident(node as ts.Identifier);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.ThisKeyword:
      case ts.SyntaxKind.SuperKeyword:
        return EMPTY;
      case ts.SyntaxKind.TemplateExpression:
        return unionAll((node as ts.TemplateExpression).templateSpans.map((s) => this.visit(s.expression)));
      case ts.SyntaxKind.TaggedTemplateExpression:
        return this.visit((node as ts.TaggedTemplateExpression).template);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.member(node as ts.PropertyAccessExpression);
      case ts.SyntaxKind.ElementAccessExpression: {
        const e = node as ts.ElementAccessExpression;
        const base = this.visit(e.expression);
        this.visit(e.argumentExpression);
        if (ts.isStringLiteralLike(e.argumentExpression)) return this.project(base, e.expression, e.argumentExpression.text, e);
        return base;
      }
      case ts.SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.newExpr(node as ts.NewExpression);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.object(node as ts.ObjectLiteralExpression);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return unionAll((node as ts.ArrayLiteralExpression).elements.map((el) => this.visit(el)));
      case ts.SyntaxKind.SpreadElement:
        return this.visit((node as ts.SpreadElement).expression);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression);
      case ts.SyntaxKind.ConditionalExpression: {
        const c = node as ts.ConditionalExpression;
        this.visit(c.condition);
        return union(this.visit(c.whenTrue), this.visit(c.whenFalse));
      }
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.AwaitExpression:
        return this.visit((node as ts.ParenthesizedExpression).expression);
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression:
        this.visit((node as ts.PrefixUnaryExpression).operand);
        return EMPTY;
      case ts.SyntaxKind.TypeOfExpression:
      case ts.SyntaxKind.VoidExpression:
      case ts.SyntaxKind.DeleteExpression:
        this.visit((node as ts.TypeOfExpression).expression);
        return EMPTY;
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        this.closure(node as ts.ArrowFunction);
        return EMPTY;
      case ts.SyntaxKind.FunctionDeclaration:
        this.functionDecl(node as ts.FunctionDeclaration);
        return EMPTY;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        this.classDecl(node as ts.ClassDeclaration);
        return EMPTY;
      case ts.SyntaxKind.VariableStatement:
        for (const d of (node as ts.VariableStatement).declarationList.declarations) this.varDecl(d);
        return EMPTY;
      case ts.SyntaxKind.VariableDeclarationList:
        for (const d of (node as ts.VariableDeclarationList).declarations) this.varDecl(d);
        return EMPTY;
      case ts.SyntaxKind.ReturnStatement: {
        const r = node as ts.ReturnStatement;
        if (r.expression) {
          const t = this.visit(r.expression);
          if (t.length) this.frame.fn.returns = union(this.frame.fn.returns, t);
        }
        return EMPTY;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const f = node as ts.ForOfStatement;
        const it = this.visit(f.expression);
        const elem = node.kind === ts.SyntaxKind.ForInStatement ? EMPTY : it;
        if (ts.isVariableDeclarationList(f.initializer)) {
          for (const d of f.initializer.declarations) this.bind(d.name, elem, undefined);
        } else this.assignTo(f.initializer, elem);
        this.visit(f.statement);
        return EMPTY;
      }
      case ts.SyntaxKind.InterfaceDeclaration:
        this.typeFacts(node as ts.InterfaceDeclaration);
        return EMPTY;
      case ts.SyntaxKind.TypeAliasDeclaration: {
        const ta = node as ts.TypeAliasDeclaration;
        if (ts.isTypeLiteralNode(ta.type)) this.typeFacts(ta);
        return EMPTY;
      }
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.TypeReference:
      case ts.SyntaxKind.TypeLiteral:
        return EMPTY;
      case ts.SyntaxKind.ExportAssignment:
        this.visit((node as ts.ExportAssignment).expression);
        return EMPTY;
      // JSX carries what it interpolates: an e-mail template component returns its props' data.
      case ts.SyntaxKind.JsxElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
      case ts.SyntaxKind.JsxFragment:
      case ts.SyntaxKind.JsxOpeningElement:
      case ts.SyntaxKind.JsxAttributes:
      case ts.SyntaxKind.JsxAttribute:
      case ts.SyntaxKind.JsxSpreadAttribute:
      case ts.SyntaxKind.JsxExpression: {
        // `{name}` and `{...props}` hold the value itself; elsewhere identifiers are tag and attribute names.
        if (ts.isJsxExpression(node) || ts.isJsxSpreadAttribute(node)) return node.expression ? this.visit(node.expression) : EMPTY;
        let t = EMPTY;
        ts.forEachChild(node, (c) => {
          if (!ts.isIdentifier(c) && !ts.isJsxText(c)) t = union(t, this.visit(c));
        });
        return t;
      }
      default:
        ts.forEachChild(node, (c) => {
          this.visit(c);
        });
        return EMPTY;
    }
  }

  private ident(id: ts.Identifier): Taint {
    const name = id.text;
    const t = this.frame.env.get(name);
    if (t !== undefined) return t;
    if (name === 'undefined' || this.bindings.has(name) || this.localFns.has(name)) return EMPTY;
    return EMPTY;
  }

  private binary(b: ts.BinaryExpression): Taint {
    const op = b.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) {
      const t = this.visit(b.right);
      this.assignTo(b.left, t, b.right);
      return t;
    }
    const l = this.visit(b.left);
    const r = this.visit(b.right);
    switch (op) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return union(l, r);
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
        return r;
      default:
        return EMPTY;
    }
  }

  private assignTo(target: ts.Expression | ts.ForInitializer, t: Taint, value?: ts.Expression): void {
    if (ts.isIdentifier(target)) {
      // `client = new Stripe(k)` (lazy initialisation): the name now stands for the client.
      const b = value && !this.bindings.get(target.text)?.local ? this.derive(value) : undefined;
      if (b) this.bindings.set(target.text, b);
      let named = t.length === 0 && value && !isLiteralish(value) ? this.nameTaint(target.text, target) : t;
      if (named.length) named = withStep(named, this.step(target, `assigned to ${target.text}`));
      if (named.length && onlyCallResults(named)) named = union(named, this.nameTaint(target.text, target, undefined, named));
      this.frame.env.assign(target.text, named);
      return;
    }
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      // window.location.href = url / location.href = url: the value becomes a URL.
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'href' && /(^|\.)location$/.test(this.describe(target.expression))) {
        this.urlSink(target, t, undefined);
      }
      let base: ts.Expression = target.expression;
      while (ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) base = base.expression;
      if (ts.isIdentifier(base) && t.length) {
        if (this.frame.env.get(base.text) !== undefined || !this.bindings.has(base.text)) this.frame.env.assign(base.text, t);
      }
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && value) {
        const b = this.derive(value);
        if (b && this.frame.cls) this.frame.cls.bindings.set(target.name.text, b);
      }
      this.visit(target.expression);
      return;
    }
    if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
      ts.forEachChild(target, (c) => {
        if (ts.isShorthandPropertyAssignment(c)) this.frame.env.assign(c.name.text, t);
        else if (ts.isIdentifier(c)) this.frame.env.assign(c.text, t);
      });
    }
  }

  /** Classified by its name alone; `calls`: call results the value is known to come from. */
  private nameTaint(name: string, node: ts.Node, source?: string, calls: Taint = EMPTY): Taint {
    return this.catLabel(name, undefined, name, node, calls, source);
  }

  private varDecl(d: ts.VariableDeclaration): void {
    if (!d.initializer) {
      if (ts.isIdentifier(d.name)) this.frame.env.vars.set(d.name.text, EMPTY);
      return;
    }
    const init = d.initializer;
    if (ts.isIdentifier(d.name)) {
      const b = this.derive(init);
      if (b) this.bindings.set(d.name.text, b);
      // Made by another project module (`const posthog = PostHogClient()` from '@/app/posthog'):
      // linkProject finds out what that module exports.
      if ((!b || (b.module && !isRelative(b.module) && !this.catalog.byPackageName(b.module) && this.maybeProjectModule(b.module))) && !isFunctionLike(init)) {
        const ref = this.projectRefOf(init);
        if (ref) this.projectRefs.set(d.name.text, ref);
      }
      if (isFunctionLike(init)) {
        const key = this.localFns.get(d.name.text) ?? `${this.mk}#${d.name.text}`;
        this.frame.env.vars.set(d.name.text, EMPTY);
        this.analyzeFunction(init, this.fnInfo(key, d.name.text, init, this.exportedNames.has(d.name.text)));
        return;
      }
    }
    const t = this.visit(init);
    this.bind(d.name, t, init);
  }

  /** Bind a declared name or pattern to a value's taint. */
  private bind(name: ts.BindingName, t: Taint, init: ts.Expression | undefined, node?: ts.Node): void {
    if (ts.isIdentifier(name)) {
      let v = t;
      if (v.length === 0 && init && !isLiteralish(init)) v = this.nameTaint(name.text, name);
      else if (v.length && init) v = withStep(v, this.step(name, `assigned to ${name.text}`));
      // Only call results so far (resolved later, maybe to nothing): the name still tells.
      if (v.length && init && onlyCallResults(v)) v = union(v, this.nameTaint(name.text, name, undefined, v));
      this.frame.env.vars.set(name.text, v);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          this.bind(el.name, t, undefined);
          continue;
        }
        const key = propName(el.propertyName) ?? propName(el.name);
        const owner = this.ownerOf(t, init);
        let sub = key ? this.projectTaint(t, key, () => (init ? this.describe(init) : key), el, owner) : t;
        // const { email, name } = opts: the name of the person the email belongs to.
        if (key && !sub.some((l) => l.k === 'cat') && classifyOwner(owner) !== 'non-person') {
          const m = this.bySiblings(key, name.elements.map((x) => propName(x.propertyName) ?? propName(x.name)));
          if (m) sub = union(sub, this.catLabel(key, undefined, () => (init ? `${this.describe(init)}.${key}` : key), el, t, undefined, m));
        }
        if (el.initializer) this.visit(el.initializer);
        if (ts.isIdentifier(el.name)) this.frame.env.vars.set(el.name.text, sub);
        else this.bind(el.name, sub, undefined);
      }
      return;
    }
    for (const el of name.elements) {
      if (ts.isBindingElement(el)) this.bind(el.name, t, undefined, node);
    }
  }

  private ownerOf(t: Taint, base: ts.Expression | undefined): string | undefined {
    const tl = t.find((l): l is TypeLabel => l.k === 'type');
    if (tl) {
      // UpdateCustomerOptions is about a customer: the wrapper word does not make it a non-person.
      const inner = tl.type.replace(WRAPPER_SUFFIX, '');
      if (inner && inner !== tl.type && classifyOwner(tl.type) === 'non-person' && classifyOwner(inner) !== 'unknown') return inner;
      return tl.type;
    }
    if (!base) return undefined;
    let e = base;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    if (ts.isIdentifier(e)) {
      // `options.email` in f(options) is the caller's data: the wrapper word alone says nothing of whose.
      if (GENERIC_OWNERS.has(e.text) || (CONFIG_OWNERS.has(e.text) && t.some((l) => l.k === 'param'))) return undefined;
      return e.text;
    }
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    return undefined;
  }

  private member(e: ts.PropertyAccessExpression): Taint {
    const base = this.visit(e.expression);
    return this.project(base, e.expression, e.name.text, e.name);
  }

  private project(base: Taint, baseExpr: ts.Expression, prop: string, node: ts.Node): Taint {
    // req.body / ctx.request.body / event.queryStringParameters: request input of unknown shape.
    const part = REQUEST_PARTS[prop];
    if (part) {
      const root = rootName(this.describe(baseExpr).split('.').slice(-1)[0] ?? '');
      if (REQUEST_NAMES.has(root) || base.some((l) => l.k === 'src')) {
        const what = prop === 'query' || prop === 'queryStringParameters' ? 'query string' : part;
        return [{ k: 'src', what, steps: [this.step(node, `${this.describe(baseExpr)}.${prop}: ${what}`)] }];
      }
    }
    // process.env.OPS_EMAIL is configuration (an operator's address), not a data subject's value.
    if (ts.isPropertyAccessExpression(baseExpr) && baseExpr.name.text === 'env' && ts.isIdentifier(baseExpr.expression) && baseExpr.expression.text === 'process') return EMPTY;
    const t = this.projectTaint(base, prop, () => this.describe(baseExpr), node, this.ownerOf(base, baseExpr));
    if (t.length && base.some((l) => l.k === 'src' && (l.what === 'query string' || l.what === 'path parameters'))) {
      for (const l of t) {
        if (l.k === 'cat') this.urlInputs.push({ step: l.steps[l.steps.length - 1]!, cat: l.cat, conf: l.conf, field: l.field, ctx: this.ctx() });
      }
    }
    return t;
  }

  /** Reading property `prop` of a value: classified by name, or the whole value for containers. */
  private projectTaint(base: Taint, prop: string, baseDesc: string | (() => string), node: ts.Node, owner: string | undefined): Taint {
    const desc = () => `${typeof baseDesc === 'string' ? baseDesc : baseDesc()}.${prop}`;
    const named = this.catLabel(prop, owner, desc, node, base);
    if (named.length) return named;
    // A field known only from its siblings on an untyped parameter (fieldsReadOn): `d.name` beside `d.email`.
    if (base.length && !CONTAINERS.has(prop)) {
      const d = desc();
      const known = base.filter((l) => l.k === 'cat' && l.field === d);
      if (known.length) return withStep(known, this.step(node, d));
    }
    if (CONTAINERS.has(prop)) return base;
    const ok = classifyOwner(prop);
    if (ok === 'person' || ok === 'record') {
      const src = base.find((l) => l.k === 'src' || l.k === 'type');
      const steps = src ? src.steps.slice(0, 1) : [];
      const d = desc();
      return [{ k: 'type', type: cap(prop), source: d, steps: [...steps, this.step(node, d)] }];
    }
    return EMPTY;
  }

  private object(o: ts.ObjectLiteralExpression): Taint {
    const keys = new Map<string, Taint>();
    const explicit: string[] = [];
    let spread = EMPTY;
    let siblings: Array<string | undefined> | undefined;
    const keyNames = () => (siblings ??= o.properties.map((x) => (ts.isPropertyAssignment(x) || ts.isShorthandPropertyAssignment(x) ? propName(x.name) : undefined)));
    for (const p of o.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propName(p.name);
        if (ts.isComputedPropertyName(p.name)) this.visit(p.name.expression);
        let t = this.visit(p.initializer);
        if (t.length === 0 && key && !isLiteralish(p.initializer) && !ts.isIdentifier(p.initializer) && !envName(p.initializer)) t = this.nameTaint(key, p.name);
        else if (t.length && key && onlyCallResults(t) && !ts.isIdentifier(p.initializer)) t = union(t, this.nameTaint(key, p.name, undefined, t));
        if (key) t = this.keyed(key, t, p.initializer, p.name, keyNames);
        if (key) {
          keys.set(key, t);
          explicit.push(key);
        }
      } else if (ts.isShorthandPropertyAssignment(p)) {
        let t = this.ident(p.name);
        if (t.length === 0 && this.frame.env.get(p.name.text) === undefined) t = this.nameTaint(p.name.text, p.name);
        t = this.keyed(p.name.text, t, p.name, p.name, keyNames);
        keys.set(p.name.text, t);
        explicit.push(p.name.text);
      } else if (ts.isSpreadAssignment(p)) {
        spread = union(spread, this.visit(p.expression));
      } else if (ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) {
        this.analyzeFunction(p, this.fnInfo(`${this.mk}#<anon${this.anon++}>`, propName(p.name) ?? '<method>', p, false));
      }
    }
    if (spread.length && explicit.length) {
      const ex = new Set(explicit);
      spread = spread
        .filter((l) => !(l.k === 'cat' && ex.has(l.field.slice(l.field.lastIndexOf('.') + 1))))
        .map((l) => (l.k === 'type' || l.k === 'param' ? { ...l, exclude: [...new Set([...(l.exclude ?? []), ...explicit])] } : l));
    }
    this.objectKeys.set(o, keys);
    let t = spread;
    for (const v of keys.values()) t = union(t, v);
    return t;
  }

  /**
   * A value under a personal key of a payload (`identifiers: { email: recipient }`, `{ to: x }`)
   * carries that category even when its own name is neutral. Such labels only count where the
   * payload reaches a third party (see materialize in clients.ts): the key is the API's word.
   */
  private keyed(key: string, t: Taint, value: ts.Expression, at: ts.Node, siblings: () => ReadonlyArray<string | undefined>): Taint {
    if (t.some((l) => l.k === 'cat') || (value !== at && isLiteralish(value) && !ts.isConditionalExpression(value)) || envName(value)) return t;
    if (ts.isIdentifier(value) && (value.text === 'undefined' || this.bindings.has(value.text) || this.localFns.has(value.text)) && !this.frame.env.get(value.text)?.length) return t;
    const m = this.names(key) ?? this.bySiblings(key, siblings());
    const cat = m && !m.protection ? m.category : ADDRESSEE_KEYS.has(key) ? ADDRESSEE : undefined;
    if (!cat) return t;
    // A parameter: what callers pass decides when there are callers; the key only speaks alone.
    const param = t.find((l) => l.k === 'param');
    const via = param?.k === 'param' ? { fn: param.fn, index: param.index } : undefined;
    const conf = m?.confidence === 'low' ? 'low' : 'medium';
    return union(t, [{ k: 'cat', cat, conf, field: key, keyed: true, ...(via ? { via } : {}), steps: [this.step(at, `key ${key} (${cat === ADDRESSEE ? 'addressee' : cat})`)] }]);
  }

  private newExpr(n: ts.NewExpression): Taint {
    const args = (n.arguments ?? []).map((a) => (isFunctionLike(a) ? (this.closure(a), EMPTY) : this.visit(a)));
    const name = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : '';
    if (name === 'CronJob' || name === 'Cron') this.markScheduledArgs(n.arguments ?? []);
    return unionAll(args);
  }

  // ------------------------------------------------------------------ functions and classes

  private fnInfo(key: string, name: string, node: ts.SignatureDeclaration, callable: boolean, className?: string): FnInfo {
    const info: FnInfo = {
      key,
      name,
      params: node.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '{…}')),
      callable,
      returns: EMPTY,
      done: false,
      ...(className ? { className } : {}),
    };
    this.fns.set(key, info);
    return info;
  }

  private functionDecl(f: ts.FunctionDeclaration): void {
    const name = f.name?.text ?? 'default';
    const key = f.name ? (this.localFns.get(name) ?? `${this.mk}#${name}`) : `${this.mk}#default`;
    if (!f.body) return;
    this.analyzeFunction(f, this.fnInfo(key, name, f, this.exportedNames.has(name) || this.isExported(f)));
  }

  /** A function expression used as a value: callbacks get their parameters from the call. */
  private closure(f: ts.ArrowFunction | ts.FunctionExpression, seeds?: Taint[], route?: string): Taint {
    const info = this.fnInfo(`${this.mk}#<anon${this.anon++}>`, this.frame.fn.name, f, false, this.frame.fn.className);
    if (route ?? this.frame.fn.route) info.route = route ?? this.frame.fn.route;
    this.analyzeFunction(f, info, seeds);
    // Closures are not called from elsewhere: drop the bookkeeping once their returns are known.
    this.fns.delete(info.key);
    return info.returns;
  }

  private analyzeFunction(f: ts.SignatureDeclaration & { body?: ts.ConciseBody | undefined }, info: FnInfo, seeds?: Taint[]): void {
    const outer = this.frame;
    const env = new Env(outer.env);
    this.frame = { fn: info, env, cls: outer.cls, deletes: [] };
    try {
      f.parameters.forEach((p, i) => {
        const seed = seeds?.[i];
        const t = seed ?? this.paramTaint(p, i, info);
        this.bind(p.name, t, undefined, p);
        if (p.initializer) this.visit(p.initializer);
      });
      const body = f.body;
      if (body) {
        if (ts.isBlock(body)) this.visitAll(body.statements);
        else {
          const t = this.visit(body);
          if (t.length) info.returns = union(info.returns, t);
        }
      }
      this.retentionEvidence(info, this.frame.deletes);
    } finally {
      info.done = true;
      this.frame = outer;
    }
  }

  private paramTaint(p: ts.ParameterDeclaration, i: number, info: FnInfo): Taint {
    const name = ts.isIdentifier(p.name) ? p.name.text : undefined;
    let out: Label[] = [];
    const decos = decoratorNames(p);
    let source: string | undefined;
    for (const d of decos) {
      if (NEST_PARAM_DECORATORS[d]) source = NEST_PARAM_DECORATORS[d];
      if (d === 'Req' || d === 'Request') out.push({ k: 'src', what: 'request', steps: [this.step(p, `request ${name ?? ''}`.trim())] });
    }
    if (name && REQUEST_NAMES.has(name) && !source && i < 2 && (name !== 'c' && name !== 'event' ? true : info.route !== undefined)) {
      const tn = typeNameOf(p.type).name;
      if (!tn || /(Request|Req|Context|Ctx|Event|IncomingMessage)$/.test(tn)) {
        out.push({ k: 'src', what: 'request', steps: [this.step(p, `request ${name}`)] });
      }
    }
    const decoKey = source ? decoratorArgName(p, decos.find((d) => NEST_PARAM_DECORATORS[d])!) : undefined;
    const srcStep = source ? this.step(p, `${source}${decoKey ? ` "${decoKey}"` : ''} → ${name ?? 'parameter'}`) : undefined;
    if (name) {
      const m = this.names(decoKey ?? name) ?? (decoKey ? undefined : this.bySiblings(name, info.params));
      if (m && m.protection !== 'hashing' && m.protection !== 'encryption') {
        const field = decoKey ?? name;
        const steps = [...(srcStep ? [srcStep] : []), this.step(p, `parameter ${name} (${m.category})`)];
        out.push({ k: 'cat', cat: m.category, conf: m.confidence, field, ...(source ? { source } : {}), steps });
        if (source === 'query string' || source === 'path parameters') {
          this.urlInputs.push({ step: steps[steps.length - 1]!, cat: m.category, conf: m.confidence, field, ctx: { ...this.ctxOf(info) } });
        }
      }
    }
    const tn = typeNameOf(p.type).name;
    const named = !info.key.includes('<anon');
    if (tn && !PRIMITIVE_TYPES.has(tn) && !decoKey) {
      out.push({
        k: 'type',
        type: tn,
        ...(source ? { source: `${source} (${tn})` } : {}),
        ...(named && !source ? { via: { fn: info.key, index: i } } : {}),
        steps: [srcStep ?? this.step(p, `parameter ${name ?? ''}: ${tn}`)],
      });
    } else if (source && !decoKey && !out.some((l) => l.k === 'cat')) {
      out.push({ k: 'src', what: source, steps: [srcStep!] });
    }
    if (name && !p.type && !tn && !source && !out.some((l) => l.k === 'src')) out.push(...this.fieldsReadOn(p, name));
    if (named) {
      out.push({ k: 'param', fn: info.key, index: i, name: name ?? `#${i}`, steps: [this.step(p, `parameter ${name ?? i} of ${info.name}`)] });
    }
    if (out.length > 1) out = [...union(EMPTY, out)];
    return out;
  }

  /**
   * An untyped parameter's shape is what the function reads from it: `async (data) => { log(data);
   * if (!data.email) ... }` logs an object holding an e-mail address. Personal fields read anywhere in
   * the function become labels of the whole parameter (a read of another field still carries only its own).
   */
  private fieldsReadOn(p: ts.ParameterDeclaration, name: string): Label[] {
    const fn = p.parent as ts.SignatureDeclaration & { body?: ts.Node };
    if (!fn.body) return [];
    const owner = GENERIC_OWNERS.has(name) || CONFIG_OWNERS.has(name) ? undefined : name;
    const out: Label[] = [];
    const reads = this.propertyReads(fn.body).get(name);
    if (!reads) return [];
    const props = [...reads.keys()];
    for (const [prop, at] of reads) {
      // Bare `name` next to `email` on the same untyped object is the person's name (see bySiblings).
      const m = this.names(prop, owner) ?? this.bySiblings(prop, props);
      if (!m || m.protection === 'hashing' || m.protection === 'encryption') continue;
      const field = `${name}.${prop}`;
      out.push({ k: 'cat', cat: m.category, conf: m.confidence, field, steps: [this.step(p, `parameter ${name}`), this.step(at, `${field} read (${m.category})`)] });
      if (out.length >= MAX_READ_FIELDS) break;
    }
    return out;
  }

  /**
   * `x.prop` reads in a function body, per receiver name, first occurrence each: one walk per
   * body however many untyped parameters ask (untyped JavaScript has many).
   */
  private propertyReads(body: ts.Node): Map<string, Map<string, ts.Node>> {
    let byName = this.readsByBody.get(body);
    if (byName) return byName;
    const found = new Map<string, Map<string, ts.Node>>();
    const walk = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
        let reads = found.get(n.expression.text);
        if (!reads) found.set(n.expression.text, (reads = new Map()));
        if (reads.size < MAX_READS && !reads.has(n.name.text)) reads.set(n.name.text, n.name);
      }
      ts.forEachChild(n, walk);
    };
    walk(body);
    byName = found;
    this.readsByBody.set(body, byName);
    return byName;
  }

  private ctxOf(info: FnInfo): HitContext {
    return { ...(info.name && !info.name.startsWith('<') ? { functionName: info.name } : {}), ...(info.className ? { className: info.className } : {}), ...(info.route ? { route: info.route } : {}) };
  }

  private classDecl(c: ts.ClassDeclaration | ts.ClassExpression): void {
    const name = c.name?.text ?? `<class${this.anon++}>`;
    const exported = !!c.name && (this.isExported(c) || this.exportedNames.has(name));
    const prefix = decoratorStringArg(c, new Set(['Controller']));
    const cls: ClassCtx = { name, bindings: new Map(), methods: new Set(), ...(prefix ? { prefix: prefix.arg ?? '' } : {}) };
    this.classNames.add(name);
    const outer = this.frame;
    this.frame = { ...outer, cls };
    // String fields (`private baseUrl = "https://slack.com/api"`) resolve URLs built in methods.
    const fieldConsts: Array<[string, string | undefined]> = [];
    for (const m of c.members) {
      if (!ts.isPropertyDeclaration(m) || !m.initializer || !ts.isStringLiteralLike(m.initializer)) continue;
      const n = propName(m.name);
      if (!n || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
      fieldConsts.push([`this.${n}`, this.consts.get(`this.${n}`)]);
      this.consts.set(`this.${n}`, m.initializer.text);
    }
    try {
      this.typeFacts(c);
      for (const m of c.members) {
        if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m)) && m.name) cls.methods.add(propName(m.name) ?? '');
      }
      for (const m of c.members) {
        if (ts.isConstructorDeclaration(m)) {
          for (const p of m.parameters) {
            if (!ts.isIdentifier(p.name)) continue;
            const t = typeNameOf(p.type);
            const b: Binding = {};
            if (t.name) {
              b.typeName = t.name;
              const imp = this.bindings.get(t.name);
              if (imp?.module) b.module = imp.module;
              if (imp?.imported) b.imported = imp.imported;
            }
            const entity = decoratorArgName(p, 'InjectRepository') ?? decoratorArgName(p, 'InjectModel') ?? t.arg;
            if (entity) b.entity = entity.replace(/\.name$/, '');
            cls.bindings.set(p.name.text, b);
          }
        } else if (ts.isPropertyDeclaration(m) && m.name && m.initializer) {
          const n = propName(m.name);
          const b = this.derive(m.initializer) ?? this.ownClassOf(m.initializer);
          if (n && b) cls.bindings.set(n, b);
        } else if (ts.isPropertyDeclaration(m) && m.name) {
          const n = propName(m.name);
          const t = typeNameOf(m.type);
          if (n && t.name) {
            const imp = this.bindings.get(t.name);
            const entity = decoratorArgName(m, 'InjectRepository') ?? decoratorArgName(m, 'InjectModel') ?? t.arg;
            cls.bindings.set(n, { typeName: t.name, ...(imp?.module ? { module: imp.module } : {}), ...(entity ? { entity } : {}) });
          }
        }
      }
      // `this.client = new SlackClient()` in the constructor: the member is an instance of the app's own class.
      for (const m of c.members) {
        if (!ts.isConstructorDeclaration(m) || !m.body) continue;
        for (const st of m.body.statements) {
          if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
          const { left, right } = st.expression;
          if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
          const prev = cls.bindings.get(left.name.text);
          if (prev?.typeName || prev?.module) continue;
          const b = this.ownClassOf(right);
          if (b) cls.bindings.set(left.name.text, b);
        }
      }
      for (const m of c.members) {
        if (ts.isConstructorDeclaration(m) && m.body) {
          this.analyzeFunction(m, this.fnInfo(`${this.mk}#${name}.constructor`, 'constructor', m, false, name));
        } else if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && m.body) {
          const mname = propName(m.name) ?? '<computed>';
          const info = this.fnInfo(`${this.mk}#${name}.${mname}`, mname, m, exported || cls.methods.size > 0, name);
          const route = decoratorStringArg(m, ROUTE_DECORATORS);
          if (route && prefix) info.route = `/${[prefix.arg ?? '', route.arg ?? ''].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
          else if (route) info.route = `/${route.arg ?? ''}`;
          if (decoratorNames(m).some((d) => SCHEDULE_DECORATORS.has(d))) info.scheduled = true;
          this.accessControlEvidence(m);
          this.analyzeFunction(m, info);
        } else if (ts.isPropertyDeclaration(m) && m.initializer) {
          if (isFunctionLike(m.initializer)) {
            const mname = propName(m.name) ?? '<computed>';
            this.analyzeFunction(m.initializer, this.fnInfo(`${this.mk}#${name}.${mname}`, mname, m.initializer, exported, name));
          } else this.visit(m.initializer);
        }
      }
      this.accessControlEvidence(c);
    } finally {
      this.frame = outer;
      for (const [k, v] of fieldConsts) {
        if (v === undefined) this.consts.delete(k);
        else this.consts.set(k, v);
      }
    }
  }

  private accessControlEvidence(n: ts.Node): void {
    const d = decoratorNames(n).find((x) => /^(UseGuards|Roles|Authorized|RequirePermissions|Permissions|Auth|PreAuthorize)$/.test(x));
    if (d) {
      const { line, column } = positionOf(this.sf, n);
      this.addEvidence({ kind: 'protection', key: 'access-control:guard', description: `@${d}() restricts access to this handler`, location: { path: this.filePath, line, column } });
    }
  }

  /** Field facts of a class / interface / type literal with personal-looking members. */
  private typeFacts(node: ts.ClassDeclaration | ts.ClassExpression | ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
    const name = node.name?.text;
    if (!name) return;
    const members = ts.isTypeAliasDeclaration(node) ? (ts.isTypeLiteralNode(node.type) ? node.type.members : []) : node.members;
    const fields: TypeFacts['fields'] = [];
    const fieldLocations: Record<string, { path: string; line: number; column: number }> = {};
    for (const m of members) {
      if (!(ts.isPropertyDeclaration(m) || ts.isPropertySignature(m)) || !m.name) continue;
      const n = propName(m.name);
      if (!n) continue;
      const hit = this.names(n, name);
      if (!hit) continue;
      const prot = hit.protection === 'hashing' || hit.protection === 'encryption';
      fields.push({ name: n, cat: hit.category, conf: hit.confidence, ...(prot ? { protected: true } : {}) });
      fieldLocations[n] = { path: this.filePath, ...positionOf(this.sf, m.name) };
    }
    if (!fields.length) return;
    const decos = ts.isClassDeclaration(node) || ts.isClassExpression(node) ? decoratorNames(node) : [];
    const persistent = decos.some((d) => d === 'Entity' || d === 'Table' || d === 'Schema' || d === 'Document' || d === 'model');
    const pos = positionOf(this.sf, node.name!);
    this.types.push({
      name,
      fields,
      ...(persistent ? { persistent: true, framework: decos.includes('Entity') ? 'typeorm' : decos.includes('Table') ? 'sequelize' : 'mongoose' } : {}),
      location: { path: this.filePath, line: pos.line, column: pos.column },
      fieldLocations,
    });
  }

  // ------------------------------------------------------------------ bindings derived from imports

  /** `new S3Client({...})`, `winston.createLogger()`, `require('x')` → what the value stands for. */
  private derive(init: ts.Expression, depth = 0): Binding | undefined {
    let e = init;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    const req = requiredModule(e);
    if (req) return { module: req.module, imported: req.member ?? '*' };
    // Clients made conditionally or cached: `key ? new Resend(key) : null`, `g.prisma ??= new X()`,
    // `cached || (cached = new Stripe(k))`: whichever branch makes a client says what it is.
    if (ts.isConditionalExpression(e)) return this.derive(e.whenTrue, depth) ?? this.derive(e.whenFalse, depth);
    if (ts.isBinaryExpression(e)) {
      switch (e.operatorToken.kind) {
        case ts.SyntaxKind.QuestionQuestionToken:
        case ts.SyntaxKind.BarBarToken:
          return this.derive(e.left, depth) ?? this.derive(e.right, depth);
        case ts.SyntaxKind.AmpersandAmpersandToken:
        case ts.SyntaxKind.EqualsToken:
        case ts.SyntaxKind.QuestionQuestionEqualsToken:
        case ts.SyntaxKind.BarBarEqualsToken:
          return this.derive(e.right, depth);
        default:
          return undefined;
      }
    }
    if (ts.isIdentifier(e)) {
      const b = this.bindings.get(e.text);
      return b && !b.local && b.init ? b : undefined;
    }
    // A client returned by a local factory: `const twilio = createClient()`, `getStripe().x.y()`.
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
      const fn = this.localFnNodes.get(e.expression.text);
      if (fn) return depth < MAX_FACTORY_DEPTH ? this.factoryBinding(fn, depth + 1) : undefined;
    }
    let callee: ts.Expression | undefined;
    if (ts.isNewExpression(e)) callee = e.expression;
    else if (ts.isCallExpression(e)) callee = e.expression;
    else if (ts.isPropertyAccessExpression(e)) callee = e;
    if (!callee) return undefined;
    const chain = chainOf(callee);
    if (!chain.root) return undefined;
    const rb = chain.root.startsWith('this.') ? this.frame?.cls?.bindings.get(chain.root.slice(5)) : this.bindings.get(chain.root);
    if (!rb || rb.local) return undefined;
    const pkg = rb.module && !isRelative(rb.module);
    const logger = isLoggerBinding(rb);
    if (!pkg && !logger) return undefined;
    if (ts.isCallExpression(e)) {
      const last = chain.members[chain.members.length - 1] ?? '';
      if (PRISMA_READS.has(last) || ORM_READS.has(last) || HTTP_VERBS.has(last)) return undefined;
    }
    let entity: string | undefined;
    if (ts.isCallExpression(e) && /^(model|define)$/.test(chain.members[chain.members.length - 1] ?? '')) {
      const a = e.arguments[0];
      if (a && ts.isStringLiteralLike(a)) entity = a.text;
    }
    return { ...rb, init: e, ...(entity ? { entity } : {}), ...(chain.members.length ? { members: chain.members } : {}) };
  }

  /** What a local function returns when that is a client (factories, lazy getters); cached. */
  private factoryBinding(fn: FunctionNode, depth: number): Binding | undefined {
    const hit = this.factoryCache.get(fn);
    if (hit !== undefined) return hit ?? undefined;
    this.factoryCache.set(fn, null); // recursion guard
    let out: Binding | undefined;
    const body = fn.body;
    if (body && !ts.isBlock(body)) out = this.derive(body, depth);
    else if (body) {
      for (const r of this.returnsOf(body)) {
        out = this.derive(r, depth);
        // `return cached` where the function assigns `cached = new Stripe(k)` somewhere above.
        if (!out) {
          const id = unwrapExpr(r);
          if (ts.isIdentifier(id)) for (const v of assignedValues(body, id.text)) if ((out = this.derive(v, depth))) break;
        }
        if (out) break;
      }
    }
    this.factoryCache.set(fn, out ?? null);
    return out;
  }

  /** Module key for a project module specifier (relative, or a path alias / workspace package). */
  private projectModule(spec: string): string | undefined {
    if (isRelative(spec)) return resolveImport(this.filePath, spec);
    return this.maybeProjectModule(spec) ? `~${spec}` : undefined;
  }

  /**
   * A value bound to another project module's export (`import { stripe } from './client'`), or to
   * what calling it returns (`const posthog = PostHogClient()` with PostHogClient imported).
   */
  private projectRefOf(init: ts.Expression): { key: string; call: boolean } | undefined {
    const e = unwrapExpr(init);
    if (ts.isConditionalExpression(e)) return this.projectRefOf(e.whenTrue) ?? this.projectRefOf(e.whenFalse);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return this.projectRefOf(e.left) ?? this.projectRefOf(e.right);
    }
    const call = ts.isCallExpression(e);
    const target = call ? e.expression : e;
    let name: string | undefined;
    let member: string | undefined;
    if (ts.isIdentifier(target)) name = target.text;
    else if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
      name = target.expression.text;
      member = target.name.text;
    }
    if (!name) return undefined;
    const own = this.projectRefs.get(name);
    if (own && !member && !call) return own;
    const b = this.bindings.get(name);
    if (!b?.module || b.init || !b.imported) return undefined;
    const mod = this.projectModule(b.module);
    if (!mod) return undefined;
    if (b.imported === '*') return member ? { key: `${mod}#${member}`, call } : undefined;
    return member ? undefined : { key: `${mod}#${b.imported}`, call };
  }

  /** A call on a client imported from the project: which export, and the members called. */
  private clientUseOf(chain: Chain): ClientUse | undefined {
    if (!chain.root || chain.root.startsWith('this.') || chain.members.length === 0) return undefined;
    if (this.frame.env.get(chain.root) !== undefined && !this.bindings.has(chain.root) && !this.projectRefs.has(chain.root)) return undefined;
    const ref = this.projectRefs.get(chain.root);
    if (ref && !chain.rootCall) return { ...ref, members: chain.members };
    const b = this.bindings.get(chain.root);
    if (!b?.module || b.init || !b.imported) return undefined;
    const mod = this.projectModule(b.module);
    if (!mod) return undefined;
    const call = !!chain.rootCall;
    if (b.imported === '*') {
      if (call || chain.members.length < 2) return undefined;
      return { key: `${mod}#${chain.members[0]}`, call: !!chain.callAfter[0], members: chain.members.slice(1) };
    }
    return { key: `${mod}#${b.imported}`, call, members: chain.members };
  }

  /** What a project client call reaches if its export turns out not to be a known client. */
  private clientFallback(chain: Chain, api: string, last: string): ClientUse['fallback'] {
    const nm = chain.members.length;
    if (last === 'sendMail' && /transport|mailer|smtp|mail/i.test(chain.root)) {
      return { sink: { kind: 'messaging', api, label: 'SMTP (nodemailer)', recipient: this.smtpRecipient(undefined), heuristic: true, recipientPurposes: ['essential.service.notifications.email'] } };
    }
    if (nm <= 1 && CONFIG_METHODS.has(last)) return undefined;
    const b = this.bindings.get(chain.root);
    const def = this.catalog.byClientName(chain.root) ?? (b?.imported && b.imported !== '*' && b.imported !== 'default' ? this.catalog.byClientName(b.imported) : undefined);
    if (!def) return undefined;
    return { sink: { ...this.sdkSink(def, undefined), api, heuristic: true, byName: true }, unseen: true };
  }

  /** Facts other files need about a client value: what its calls reach. */
  private clientFacts(b: Binding): ClientFacts | undefined {
    if (!b.init || !b.module || isRelative(b.module)) return undefined;
    if (b.module === 'nodemailer') {
      const cfg = ts.isCallExpression(b.init) || ts.isNewExpression(b.init) ? b.init.arguments?.[0] : undefined;
      return { sink: { kind: 'messaging', label: 'SMTP (nodemailer)', recipient: this.smtpRecipient(cfg), recipientPurposes: ['essential.service.notifications.email'] }, methods: ['sendMail'] };
    }
    let def = this.catalog.byPackageName(b.module);
    if (def) {
      for (const m of [...(b.members ?? []), b.imported ?? '']) {
        const sub = def.members?.[m] ? this.catalog.get(def.members[m]!) : undefined;
        if (sub) {
          def = sub;
          break;
        }
      }
      const members: Record<string, ClientSink> = {};
      for (const [m, id] of Object.entries(def.members ?? {})) {
        const sub = this.catalog.get(id);
        if (sub) members[m] = this.sdkSink(sub, b);
      }
      return { sink: this.sdkSink(def, b), ...(Object.keys(members).length ? { members } : {}) };
    }
    if (isLoggerBinding(b)) return { sink: { kind: 'log', label: b.module }, methods: [...LOG_METHODS] };
    return undefined;
  }

  /** The sink of a catalogue SDK client (country from the region in its config, when any). */
  private sdkSink(def: RecipientDef, rb: Binding | undefined): ClientSink {
    const region = objectStringProp(rb?.init && (ts.isNewExpression(rb.init) || ts.isCallExpression(rb.init)) ? rb.init.arguments?.[0] : undefined, ['region', 'location'], this.consts);
    return { kind: sinkKindOf(def.kind), label: def.name, recipient: this.catalog.describe(def, region), ...(def.purposes ? { recipientPurposes: def.purposes } : {}) };
  }

  /** Clients this file exports (values, factories, defaults), for importers in other files. */
  private exportedClients(): Record<string, ClientFacts> {
    const out: Record<string, ClientFacts> = {};
    const facts = (name: string, b: Binding | undefined, factory: boolean): boolean => {
      const f = b ? this.clientFacts(b) : undefined;
      if (f) out[`${this.mk}#${name}`] = factory ? { ...f, factory: true } : f;
      return !!f;
    };
    for (const name of this.exportedNames) {
      const fn = this.localFnNodes.get(name);
      if (fn) {
        if (!facts(name, this.factoryBinding(fn, 1), true)) {
          const r = this.factoryRef(fn);
          if (r) out[`${this.mk}#${name}`] = { factory: true, ref: r };
        }
        continue;
      }
      const b = this.bindings.get(name);
      if (b && !b.local && facts(name, b, false)) continue;
      const r = this.projectRefs.get(name);
      if (r) out[`${this.mk}#${name}`] = { ref: r };
    }
    const d = this.defaultExport;
    if (d && !out[`${this.mk}#default`]) {
      if (isFunctionLike(d)) facts('default', this.factoryBinding(d, 1), true);
      else if (!facts('default', this.derive(d), false)) {
        const r = this.projectRefOf(d);
        if (r) out[`${this.mk}#default`] = { ref: r };
      }
    }
    return out;
  }

  /** A local factory returning another module's client (`return makeClient()`). */
  private factoryRef(fn: FunctionNode): { key: string; call: boolean } | undefined {
    const body = fn.body;
    if (!body) return undefined;
    // A factory builds its client from configuration; a function that returns a call on its own
    // parameters (`return format(orderId, total)`) computes a value, so it is not looked up.
    const params = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
    for (const r of ts.isBlock(body) ? this.returnsOf(body) : [body]) {
      if (params.size && usesAny(r, params)) continue;
      const ref = this.projectRefOf(r);
      if (ref) return ref;
    }
    return undefined;
  }

  private returnsOf(body: ts.Block): ts.Expression[] {
    let r = this.returnsByBody.get(body);
    if (!r) this.returnsByBody.set(body, (r = returnedExpressions(body)));
    return r;
  }

  // ------------------------------------------------------------------ calls

  private call(c: ts.CallExpression): Taint {
    const callee = c.expression;
    const chain = chainOf(callee);
    const last = chain.members.length ? chain.members[chain.members.length - 1]! : chain.root;
    let recv = EMPTY;
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) recv = this.visit(callee.expression);
    else if (!ts.isIdentifier(callee)) this.visit(callee);

    // Route handlers: app.post('/checkout', (req, res) => ...)
    let route: string | undefined;
    if (chain.members.length && EXPRESS_VERBS.has(last) && c.arguments[0] && ts.isStringLiteralLike(c.arguments[0]) && c.arguments[0].text.startsWith('/')) {
      route = c.arguments[0].text;
    }
    const scheduled = CRON_CALLS.has(last);
    let callbackReturns = EMPTY;
    const args: Taint[] = c.arguments.map((a) => {
      if (isFunctionLike(a)) {
        const seeds = ELEMENT_CALLBACK.has(last) && recv.length ? [recv] : undefined;
        if (scheduled) this.markScheduledArgs([a]);
        else callbackReturns = union(callbackReturns, this.closure(a, seeds, route));
        return EMPTY;
      }
      return this.visit(a);
    });

    // Sanitizers: hashing, encryption, masking.
    const prot = this.sanitizer(chain, c, last);
    if (prot) {
      const t = union(unionAll(args), recv);
      if (!prot.endsWith(':chained')) this.protectionEvidence(c, prot, t);
      return protect(t, prot);
    }

    const kind = this.classifyCall(chain, c, last, recv);
    if (kind) {
      if (kind.t === 'source') {
        return [{ k: 'type', type: kind.type, source: kind.source, steps: [this.step(c, `${kind.source}: ${this.describe(callee)}()`)] }];
      }
      if (kind.t === 'builder') return union(unionAll(args), recv);
      if (kind.t === 'internal-url') {
        if (kind.url) this.urlSink(c, this.visitCached(kind.url, c, args), kind.url);
        return EMPTY;
      }
      this.recordSink(kind, c, args, recv);
      return kind.returns ?? EMPTY;
    }

    // A client imported from another project file: the sink is known once files are linked.
    const use = this.clientUseOf(chain);
    if (use && args.some(isLive)) {
      const api = [chain.root, ...chain.members].join('.');
      const fallback = this.clientFallback(chain, api, last);
      this.hits.push({ sink: { kind: 'http', api, label: 'client' }, taint: boundCalls(unionAll(args)), step: this.step(c, `${api}(): client`), ctx: this.ctx(), client: { ...use, ...(fallback ? { fallback } : {}) } });
    }

    if (chain.members.length && DELETE_METHODS.has(last) && this.looksLikeStore(chain)) {
      this.frame.deletes.push(this.step(c, `${this.describe(callee)}()`));
    }

    // Calls into functions we can follow.
    const ref = this.calleeRef(chain, callee);
    if (ref) {
      if (ref.kind === 'fn') this.called.add(ref.key);
      if (args.some(isLive)) this.edges.push({ callee: ref, args: args.map(boundCalls), step: this.step(c, `call ${this.describe(callee)}()`) });
      if (ref.kind === 'fn') {
        const info = this.fns.get(ref.key);
        if (info?.done) return info.returns.length ? this.substitute(info, info.returns, args, c) : EMPTY;
      }
      // Analysed elsewhere (another file, or later in this one): what it returns is resolved then.
      const kept = trimArgs(args.map((a) => (isLive(a) ? a : EMPTY)));
      const ret: RetLabel = { k: 'ret', callee: ref, args: kept, steps: [this.step(c, `returned by ${this.describe(callee)}()`)] };
      // A package that may be the project's own (`@react-email/render`, `@acme/emails`) is often not:
      // a template or component there still gives back its arguments' data.
      if (ref.kind === 'fn' && ref.key.startsWith('~') && !chain.members.length && passesArgs(last)) return union([ret], this.passedArgs(c, callee, args));
      return [ret];
    }
    if (chain.members.length && MAPPING_CALLBACK.has(last) && callbackReturns.length) return callbackReturns;
    if (chain.members.length && RECEIVER_PASS.has(last) && recv.length) return recv;
    if (ARG_PASS.has(last) || PASS_NAME.test(last)) return union(unionAll(args), last === 'assign' ? EMPTY : recv);
    if (!chain.members.length && passesArgs(last)) return this.passedArgs(c, callee, args);
    if (/^get[A-Z_]/.test(last) && last.length > 4) {
      const m = this.names(last.slice(3));
      if (m && recv.length) return this.catLabel(last.slice(3), this.ownerOf(recv, ts.isPropertyAccessExpression(callee) ? callee.expression : undefined), `${this.describe(callee)}()`, c, recv);
    }
    return EMPTY;
  }

  /** What a template or component made of its arguments carries (one step at the call). */
  private passedArgs(c: ts.CallExpression, callee: ts.Expression, args: Taint[]): Taint {
    return withStep(unionAll(args), this.step(c, `rendered by ${this.describe(callee)}()`));
  }

  /** Taint of an argument expression already visited (avoid visiting twice: nested sinks). */
  private visitCached(e: ts.Expression, c: ts.CallExpression, args: Taint[]): Taint {
    const i = c.arguments.indexOf(e);
    return i >= 0 ? args[i]! : EMPTY;
  }

  /** Substitute a callee's parameter labels in its return taint by the caller's arguments. */
  private substitute(info: FnInfo, t: Taint, args: Taint[], at: ts.Node): Taint {
    let out = EMPTY;
    const step = this.step(at, `returned by ${info.name}()`);
    for (const l of t) {
      if (l.k === 'param' && l.fn === info.key) out = union(out, withStep(args[l.index] ?? EMPTY, step));
      else if (l.k !== 'param') out = union(out, withStep([l], step));
    }
    return out;
  }

  private calleeRef(chain: Chain, callee: ts.Expression): CalleeRef | undefined {
    if (ts.isIdentifier(callee)) {
      const local = this.localFns.get(callee.text);
      if (local) return { kind: 'fn', key: local };
      const b = this.bindings.get(callee.text);
      if (b?.module && b.imported && b.imported !== '*') {
        if (isRelative(b.module)) return { kind: 'fn', key: `${resolveImport(this.filePath, b.module)}#${b.imported}` };
        if (this.maybeProjectModule(b.module)) return { kind: 'fn', key: `~${b.module}#${b.imported}` };
      }
      return undefined;
    }
    if (chain.members.length === 1 && chain.root.startsWith('this.') === false && chain.root) {
      // ns.fn() where ns = import * as ns from './x'
      const b = this.bindings.get(chain.root);
      if (b?.module && isRelative(b.module) && b.imported === '*') return { kind: 'fn', key: `${resolveImport(this.filePath, b.module)}#${chain.members[0]}` };
      if (b?.module && b.imported === '*' && !b.init && this.maybeProjectModule(b.module)) return { kind: 'fn', key: `~${b.module}#${chain.members[0]}` };
      if (b?.local === 'class') return { kind: 'fn', key: `${this.mk}#${chain.root}.${chain.members[0]}` };
      if (b?.module && isRelative(b.module) && b.imported && b.imported !== 'default') {
        return { kind: 'class', className: b.imported, method: chain.members[0]!, module: resolveImport(this.filePath, b.module) };
      }
    }
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = this.frame.cls;
      if (cls?.methods.has(callee.name.text)) return { kind: 'fn', key: `${this.mk}#${cls.name}.${callee.name.text}` };
      return undefined;
    }
    if (chain.root.startsWith('this.') && chain.members.length === 1) {
      const b = this.frame.cls?.bindings.get(chain.root.slice(5));
      if (b?.local === 'class' && b.typeName) return { kind: 'fn', key: `${this.mk}#${b.typeName}.${chain.members[0]!}` };
      if (b?.typeName && !PRIMITIVE_TYPES.has(b.typeName) && (!b.module || isRelative(b.module))) {
        return { kind: 'class', className: b.typeName, method: chain.members[0]!, ...(b.module ? { module: resolveImport(this.filePath, b.module) } : {}) };
      }
    }
    return undefined;
  }

  /**
   * A non-relative import that may be the project's own code: a path alias ("@/lib/email",
   * "~/utils") or a workspace package ("@acme/emails"). linkProject matches it by path suffix;
   * packages that are known third parties or Node built-ins are not.
   */
  private maybeProjectModule(spec: string): boolean {
    if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!)) return false;
    if (spec.startsWith('@/') || spec.startsWith('~/') || spec.startsWith('#')) return true;
    return !this.catalog.byPackageName(spec) && !HTTP_MODULES.has(spec) && !LOGGER_MODULES.has(spec) && !FS_MODULES.has(spec);
  }

  private looksLikeStore(chain: Chain): boolean {
    const rn = rootName(chain.root);
    const b = this.bindingOf(chain.root);
    return /prisma|repo|repository|model|db|knex|collection|manager|tx|trx/i.test(rn) || looksLikeModelName(rn) || !!b?.entity || chain.members.includes('collection');
  }

  private sanitizer(chain: Chain, c: ts.CallExpression, last: string): string | undefined {
    const b = this.bindingOf(chain.root);
    if (b?.module && PASSWORD_HASH_MODULES[b.module] && /^hash/.test(last)) {
      this.passwordHashing = true;
      return PASSWORD_HASH_MODULES[b.module];
    }
    if (b?.module && (b.module === 'crypto' || b.module === 'node:crypto')) {
      const fn = chain.members.length ? chain.members[0]! : b.imported ?? chain.root;
      if (fn === 'createCipheriv' || fn === 'createCipher') {
        const alg = c.arguments[0] && ts.isStringLiteralLike(c.arguments[0]) ? c.arguments[0].text.toLowerCase() : 'cipher';
        return `encryption:${alg}`;
      }
      if (fn === 'createHash' || fn === 'createHmac') {
        const alg = c.arguments[0] && ts.isStringLiteralLike(c.arguments[0]) ? c.arguments[0].text.toLowerCase() : 'hash';
        return `${fn === 'createHmac' ? 'hmac' : 'hashing'}:${alg}`;
      }
      if (fn === 'scrypt' || fn === 'scryptSync' || fn === 'pbkdf2' || fn === 'pbkdf2Sync') {
        this.passwordHashing = true;
        return `hashing:${fn.replace(/Sync$/, '')}`;
      }
      if (fn === 'publicEncrypt' || fn === 'privateEncrypt') return 'encryption:rsa';
    }
    if (last === 'update' || last === 'final' || last === 'digest') {
      // cipher.update(x) / createHash('sha256').update(x).digest(): the create call already gave the evidence.
      const rn = rootName(chain.root);
      if (/decipher/i.test(rn)) return undefined;
      if (/cipher|hash|hmac|sha|md5/i.test(rn) || /^create(Cipheriv|Hash|Hmac)$/.test(b?.imported ?? '') || chain.members.some((m) => /^create(Cipheriv|Hash|Hmac)$/.test(m))) {
        return /cipher/i.test(rn) ? 'encryption:chained' : 'hashing:chained';
      }
    }
    const k = sanitizerKind(last);
    if (k) {
      if (k === 'hashing' && /password|passwd|pwd|mat_?khau/i.test(last + (chain.root ?? ''))) this.passwordHashing = true;
      return k;
    }
    return undefined;
  }

  private protectionEvidence(c: ts.CallExpression, how: string, t: Taint): void {
    const cats = [...new Set(t.flatMap((l) => (l.k === 'cat' ? [l.cat] : l.k === 'prot' ? l.cats : [])))];
    const { line, column } = positionOf(this.sf, c);
    const what = how.split(':');
    const fnName = this.frame.fn.name && !this.frame.fn.name.startsWith('<') ? ` in ${this.frame.fn.className ? `${this.frame.fn.className}.` : ''}${this.frame.fn.name}` : '';
    const callee = this.describe(c.expression);
    const of = cats.length ? cats.join(', ') : 'a value';
    const description =
      what[0] === 'encryption' ? `${callee}() encrypts ${of}${what[1] ? ` (${what[1]})` : ''}${fnName}`
      : what[0] === 'masking' ? `${callee}() masks or pseudonymises ${of}${fnName}`
      : `${callee}() ${what[0] === 'hmac' ? 'computes an HMAC of' : 'hashes'} ${of}${what[1] ? ` (${what[1]})` : ''}${fnName}`;
    const dedupe = `${how}@${this.frame.fn.key}:${cats.join(',')}`;
    if (this.evidenceKeys.has(dedupe)) return;
    this.evidenceKeys.add(dedupe);
    this.addEvidence({
      kind: 'protection',
      key: how.includes(':') ? how : `${how}:function`,
      description,
      ...(cats.length ? { categories: cats } : {}),
      location: { path: this.filePath, line, column },
      ...(this.frame.fn.name && !this.frame.fn.name.startsWith('<') ? { logicalLocations: [{ kind: 'function' as const, name: this.frame.fn.name }] } : {}),
    });
  }

  private markScheduledArgs(args: readonly ts.Expression[]): void {
    for (const a of args) {
      if (isFunctionLike(a)) {
        const info = this.fnInfo(`${this.mk}#<anon${this.anon++}>`, this.frame.fn.name, a, false, this.frame.fn.className);
        info.scheduled = true;
        this.analyzeFunction(a, info);
      } else this.visit(a);
    }
  }

  private retentionEvidence(info: FnInfo, deletes: Step[]): void {
    if (!deletes.length) return;
    const named = /purge|retention|cleanup|clean_up|expire|prune|anonymi|xoa|don_dep|luu_tru/i.test(info.name);
    if (!info.scheduled && !named) return;
    const d = deletes[0]!;
    this.addEvidence({
      kind: 'retention',
      key: info.scheduled ? 'deletion-job' : 'deletion-routine',
      description: info.scheduled ? `scheduled job ${info.className ? `${info.className}.` : ''}${info.name} deletes records` : `function ${info.name} deletes records (not seen scheduled)`,
      location: { path: d.path, line: d.line, column: d.column },
      logicalLocations: [{ kind: 'function', name: info.name, ...(info.className ? { fullyQualifiedName: `${info.className}.${info.name}` } : {}) }],
    });
  }

  // ------------------------------------------------------------------ sink classification

  private classifyCall(chain: Chain, c: ts.CallExpression, last: string, recv: Taint): CallKind | undefined {
    const nm = chain.members.length;
    const rn = rootName(chain.root);
    let rb = chain.root ? this.bindingOf(chain.root) : undefined;
    // getStripe().customers.create(...): the client a local factory returns.
    if (rb?.local === 'function' && chain.rootCall && nm >= 1) rb = this.derive(chain.rootCall) ?? rb;
    const api = chain.root ? [chain.root, ...chain.members].join('.') : chain.members.join('.');

    // Logging
    if (chain.root === 'console' && nm === 1 && CONSOLE_METHODS.has(last)) {
      return { t: 'sink', info: { kind: 'log', api, label: 'console' }, args: 'all' };
    }
    if (nm >= 1 && LOG_METHODS.has(last)) {
      if (isLoggerBinding(rb)) return { t: 'sink', info: { kind: 'log', api, label: rb?.module ?? 'logger' }, args: 'all' };
      if (isLoggerName(rn) || chain.members.slice(0, -1).some(isLoggerName)) {
        return { t: 'sink', info: { kind: 'log', api, label: 'logger', heuristic: true }, args: 'all' };
      }
    }
    if (nm === 0 && rb?.module === 'debug' && rb.init) return { t: 'sink', info: { kind: 'log', api, label: 'debug' }, args: 'all' };

    // HTTP clients
    const http = this.httpCall(chain, c, rb, api, last);
    if (http) return http;

    // SMTP through nodemailer: transporter.sendMail({ to, subject, html }). A transporter imported
    // from another project file is linked to its configuration later (see the client hits in call()).
    if (last === 'sendMail' && nm >= 1 && (rb?.module === 'nodemailer' || (/transport|mailer|smtp|mail/i.test(rn) && !this.clientUseOf(chain)))) {
      const cfg = rb?.module === 'nodemailer' && rb.init && (ts.isCallExpression(rb.init) || ts.isNewExpression(rb.init)) ? rb.init.arguments?.[0] : undefined;
      return { t: 'sink', info: { kind: 'messaging', api, label: 'SMTP (nodemailer)', recipient: this.smtpRecipient(cfg), ...(rb?.module === 'nodemailer' ? {} : { heuristic: true }), recipientPurposes: ['essential.service.notifications.email'] }, args: 'all' };
    }

    // Vercel AI SDK: generateText({ model: openai('gpt-4o'), prompt }) goes to the model's provider.
    if (nm === 0 && rb?.module === 'ai' && AI_SDK_CALLS.test(rb.imported ?? '')) {
      const def = this.aiProvider(c.arguments[0]);
      if (def) {
        const sink = this.sdkSink(def, undefined);
        return { t: 'sink', info: { ...sink, api }, args: 'all' };
      }
      return undefined;
    }
    // Third-party SDKs from the recipient catalogue
    if (rb?.module && !isRelative(rb.module)) {
      let def = this.catalog.byPackageName(rb.module);
      if (def) {
        const factory = nm === 0 && (rb.imported === 'default' || rb.imported === '*') && !rb.init;
        const config = (nm <= 1 && CONFIG_METHODS.has(last)) || (nm === 0 && !!rb.imported && CONFIG_METHODS.has(rb.imported));
        if (!factory && !config) {
          const members = [...(rb.members ?? []), ...chain.members, rb.imported ?? ''];
          for (const m of members) {
            const sub = def.members?.[m];
            const subDef = sub ? this.catalog.get(sub) : undefined;
            if (subDef) {
              def = subDef;
              break;
            }
          }
          const sink = this.sdkSink(def, rb);
          const ctxArg = ERROR_TRACKER_CONTEXT_ARG[last];
          return { t: 'sink', info: { ...sink, api }, args: sink.kind === 'error-tracker' && ctxArg !== undefined ? [ctxArg] : 'all' };
        }
        return undefined;
      }
    }
    // Browser globals: gtag, fbq, ttq, window.analytics...
    if (!rb && chain.root && this.frame.env.get(chain.root) === undefined) {
      const g = chain.root === 'window' || chain.root === 'globalThis' ? chain.members[0] : chain.root;
      const def = g ? this.catalog.byGlobalName(g) : undefined;
      if (def && !(nm <= 1 && CONFIG_METHODS.has(last))) {
        const first = c.arguments[0];
        if (first && ts.isStringLiteralLike(first) && /^(config|js|consent|init)$/.test(first.text) && g !== 'fbq' && g !== 'ttq') {
          return undefined;
        }
        return { t: 'sink', info: { kind: sinkKindOf(def.kind), api, label: def.name, recipient: this.catalog.describe(def), ...(def.purposes ? { recipientPurposes: def.purposes } : {}) }, args: 'all' };
      }
    }

    // Storage owned by the application
    const store = this.storageCall(chain, c, rb, rn, last, api, recv);
    if (store) return store;

    // Redirects: the URL is what matters.
    if (last === 'redirect' && nm === 1 && URL_ROOTS.has(rn)) return { t: 'internal-url', url: c.arguments[c.arguments.length - 1] };
    if ((chain.root === 'window' && nm === 1 && last === 'open') || ((rn === 'location' || chain.members[0] === 'location') && (last === 'assign' || last === 'replace'))) {
      return { t: 'internal-url', url: c.arguments[0] };
    }
    return undefined;
  }

  /** The provider of `model:` in an AI SDK call (`openai('gpt-4o')`, `anthropic(...)`, a variable holding one). */
  private aiProvider(cfg: ts.Expression | undefined): RecipientDef | undefined {
    if (!cfg || !ts.isObjectLiteralExpression(cfg)) return undefined;
    for (const p of cfg.properties) {
      const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propName(p.name) : undefined;
      if (name !== 'model') continue;
      let e: ts.Expression = ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name;
      while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
      // openai('gpt-4o'), openai.chat('gpt-4o'), createOpenAI({ apiKey })('gpt-4o')
      let root: ts.Expression = e;
      while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
      const b = ts.isIdentifier(root) ? (this.bindingOf(root.text) ?? this.derive(root)) : undefined;
      let mod = b?.module;
      if (b && !isRelative(b.module ?? '') && b.init && !mod) mod = this.derive(b.init)?.module;
      return mod && !isRelative(mod) ? this.catalog.byPackageName(mod) : undefined;
    }
    return undefined;
  }

  private smtpRecipient(cfg: ts.Expression | undefined): Recipient {
    const service = objectStringProp(cfg, ['service'], this.consts)?.toLowerCase();
    const byService: Record<string, string> = { gmail: 'gmail-smtp', sendgrid: 'sendgrid', mailgun: 'mailgun', postmark: 'postmark', ses: 'aws-ses', outlook365: 'microsoft-365', hotmail: 'microsoft-365', outlook: 'microsoft-365', sendinblue: 'brevo', brevo: 'brevo' };
    const svc = service ? this.catalog.get(byService[service] ?? '') : undefined;
    if (svc) return this.catalog.describe(svc);
    // A connection URL ('smtps://user:pass@smtp.gmail.com:465') or { host }.
    const url = cfg && (ts.isStringLiteralLike(cfg) || ts.isIdentifier(cfg)) ? urlShape(cfg, this.consts)?.prefix : undefined;
    const host = (url ? /^smtps?:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url)?.[1] : objectStringProp(cfg, ['host'], this.consts))?.toLowerCase();
    if (host) {
      const def = this.catalog.byHost(host);
      if (def) return this.catalog.describe(def, def.region_provider ? this.catalog.regionInHost(def.region_provider, host) : undefined);
      if (!isInternalHost(host)) return { ...unknownHostRecipient(host), kind: 'email' };
    }
    // The host from the environment: a recipient to identify, not a known country.
    const env = cfg && !ts.isObjectLiteralExpression(cfg) ? envName(cfg) : this.envProp(cfg, ['host', 'url']);
    if (env) return smtpFromEnv(env);
    return { id: 'smtp', name: 'SMTP server (not identified)', kind: 'email' };
  }

  /** The environment variable a config property reads ({ host: process.env.SMTP_HOST }). */
  private envProp(cfg: ts.Expression | undefined, names: readonly string[]): string | undefined {
    if (!cfg || !ts.isObjectLiteralExpression(cfg)) return undefined;
    for (const p of cfg.properties) {
      if (ts.isPropertyAssignment(p) && names.includes(propName(p.name) ?? '')) {
        const env = envName(p.initializer);
        if (env) return env;
      }
    }
    return undefined;
  }

  private httpCall(chain: Chain, c: ts.CallExpression, rb: Binding | undefined, api: string, last: string): CallKind | undefined {
    const nm = chain.members.length;
    let url: ts.Expression | undefined;
    let base: UrlShape | undefined;
    const isFetch = (chain.root === 'fetch' && nm === 0 && (!rb || (rb.module && HTTP_MODULES.has(rb.module)))) || ((chain.root === 'window' || chain.root === 'globalThis') && nm === 1 && last === 'fetch');
    const typed = rb?.typeName === 'HttpService';
    const httpMod = (rb?.module && HTTP_MODULES.has(rb.module)) || typed;
    if (!isFetch && !httpMod) return undefined;
    if (rb?.init) {
      const cfg = ts.isCallExpression(rb.init) || ts.isNewExpression(rb.init) ? rb.init.arguments?.[0] : undefined;
      const baseText = objectStringProp(cfg, ['baseURL', 'baseUrl', 'prefixUrl'], this.consts);
      if (baseText) base = { prefix: baseText, complete: true };
      else if (cfg && ts.isObjectLiteralExpression(cfg)) {
        for (const p of cfg.properties) {
          if (ts.isPropertyAssignment(p) && /^(baseURL|baseUrl|prefixUrl)$/.test(propName(p.name) ?? '')) base = urlShape(p.initializer, this.consts);
        }
      }
    }
    if (isFetch) url = c.arguments[0];
    else {
      if (nm <= 1 && CONFIG_METHODS.has(last) && last !== 'request') return undefined;
      const verbIdx = chain.members.findIndex((m) => HTTP_VERBS.has(m));
      const named = rb?.imported && HTTP_VERBS.has(rb.imported);
      if (nm === 0 || named) url = c.arguments[0];
      else if (verbIdx >= 0) {
        const after = chain.callAfter[verbIdx];
        url = after && verbIdx < nm - 1 ? after.arguments[0] : c.arguments[0];
      } else if (typed && chain.members.includes('axiosRef')) url = c.arguments[0];
      else return undefined;
      if (url && ts.isObjectLiteralExpression(url)) {
        const u = url.properties.find((p) => ts.isPropertyAssignment(p) && /^(url|uri|hostname|host)$/.test(propName(p.name) ?? ''));
        url = u && ts.isPropertyAssignment(u) ? u.initializer : undefined;
      }
    }
    const shape = urlShape(url, this.consts) ?? (url && ts.isIdentifier(url) ? urlShape(localConstInit(url), this.consts) : undefined);
    let prefix = shape?.prefix ?? '';
    if (base && (!shape || !/^[a-z]+:\/\//i.test(prefix))) prefix = base.prefix + prefix;
    else if (!shape && base) prefix = base.prefix;
    const host = hostOf(prefix) ?? (url && ts.isObjectLiteralExpression(c.arguments[0] ?? url) ? undefined : undefined);
    if (!host) {
      if ((shape && isRelativeUrl(shape.prefix) && !base) || (shape && shape.complete && !/^[a-z]+:\/\//i.test(prefix))) return { t: 'internal-url', ...(url ? { url } : {}) };
      const env = shape?.env ?? base?.env;
      // fetch(process.env.SLACK_WEBHOOK_URL, ...): the variable's name says who it is, by name only.
      const byEnv = env ? this.recipientOfEnv(env) : undefined;
      if (byEnv) {
        const info = { kind: sinkKindOf(byEnv.kind), api, label: byEnv.name, heuristic: true, byName: true, hostEnv: env!, recipient: this.catalog.describe(byEnv), ...(byEnv.purposes ? { recipientPurposes: byEnv.purposes } : {}) };
        return { t: 'sink', info, args: 'all', ...(url ? { url } : {}) };
      }
      return {
        t: 'sink',
        info: { kind: 'http', api, label: 'HTTP request', heuristic: true, ...(env ? { hostEnv: env } : {}) },
        args: 'all',
        ...(url ? { url } : {}),
      };
    }
    if (isInternalHost(host)) return { t: 'internal-url', ...(url ? { url } : {}) };
    const def = this.catalog.byHost(host);
    if (def) {
      const region = def.region_provider ? this.catalog.regionInHost(def.region_provider, host) : undefined;
      return {
        t: 'sink',
        info: { kind: sinkKindOf(def.kind), api, label: def.name, host, recipient: this.catalog.describe(def, region), ...(def.purposes ? { recipientPurposes: def.purposes } : {}) },
        args: 'all',
        ...(url ? { url } : {}),
      };
    }
    return { t: 'sink', info: { kind: 'http', api, label: host, host, recipient: unknownHostRecipient(host) }, args: 'all', ...(url ? { url } : {}) };
  }

  /** `new SlackClient()` of a class in this project (this file or a relative import): its methods can be followed. */
  private ownClassOf(e: ts.Expression): Binding | undefined {
    if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
    const name = e.expression.text;
    const b = this.bindings.get(name);
    if (b?.local === 'class' || this.classNames.has(name)) return { typeName: name, local: 'class' };
    if (b?.module && isRelative(b.module) && b.imported && b.imported !== '*') return { typeName: b.imported === 'default' ? name : b.imported, module: b.module };
    return undefined;
  }

  /** A catalogued recipient named in an environment variable (SLACK_WEBHOOK_URL, HUBSPOT_API_URL). */
  private recipientOfEnv(env: string): RecipientDef | undefined {
    const words = env.split(/_+/).filter((w) => w && !ENV_NOISE.has(w.toUpperCase()));
    for (const w of words) {
      const def = this.catalog.byClientName(w);
      if (def) return def;
    }
    return undefined;
  }

  private storageCall(chain: Chain, c: ts.CallExpression, rb: Binding | undefined, rn: string, last: string, api: string, recv: Taint): CallKind | undefined {
    const nm = chain.members.length;
    // Prisma: prisma.user.create({ data }), this.prisma.benhNhan.findUnique(...)
    const prismaRoot = /^prisma/i.test(rn) || (rb?.typeName !== undefined && /Prisma/.test(rb.typeName)) || (/^(tx|trx|prismaTx|transaction)$/.test(rn) && nm === 2);
    if (prismaRoot && nm >= 2) {
      const model = cap(chain.members[nm - 2]!);
      if (PRISMA_READS.has(last)) return { t: 'source', type: model, source: `Prisma ${model} record` };
      if (PRISMA_WRITES.has(last)) {
        return {
          t: 'sink',
          info: { kind: 'storage', api, label: 'Prisma', internal: true, model },
          args: [0],
          prismaData: true,
          returns: [{ k: 'type', type: model, source: `Prisma ${model} record`, steps: [this.step(c, `Prisma ${model} record`)] }],
        };
      }
      return undefined;
    }
    // MongoDB driver: db.collection('users').insertOne(doc)
    const collIdx = chain.members.indexOf('collection');
    if (collIdx >= 0 && collIdx < nm - 1) {
      const a = chain.callAfter[collIdx]?.arguments[0];
      const coll = a && ts.isStringLiteralLike(a) ? a.text : 'collection';
      if (ORM_READS.has(last)) return { t: 'source', type: cap(coll), source: `MongoDB ${coll} document` };
      if (ORM_WRITES.has(last)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'MongoDB', internal: true, model: coll }, args: FILTER_FIRST.has(last) ? [1, 2] : 'all' };
      }
    }
    // TypeORM repositories and entity managers
    const repoLike = /(repo|repository)$/i.test(rn) || (rb?.typeName !== undefined && /Repository$/.test(rb.typeName)) || chain.members.includes('getRepository');
    if (repoLike && nm >= 1) {
      const gi = chain.members.indexOf('getRepository');
      const ga = gi >= 0 ? chain.callAfter[gi]?.arguments[0] : undefined;
      const entity = rb?.entity ?? (ga && ts.isIdentifier(ga) ? ga.text : undefined) ?? cap(rn.replace(/(Repo|Repository)$/i, ''));
      if (ORM_READS.has(last)) return { t: 'source', type: entity, source: `${entity} entity` };
      if (TYPEORM_BUILDERS.has(last)) return { t: 'builder' };
      if (ORM_WRITES.has(last)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'TypeORM', internal: true, model: entity }, args: last === 'update' ? [1] : 'all' };
      }
      return undefined;
    }
    // Mongoose / Sequelize models: User.create(dto), this.userModel.findOne(...)
    const modelLike =
      nm === 1 &&
      ((/Model$/.test(rn) && rn !== 'Model') ||
        !!rb?.entity ||
        (looksLikeModelName(rn) && (rb?.local === 'class' || (!!rb?.module && isRelative(rb.module)))));
    if (modelLike) {
      const entity = rb?.entity ?? cap(rn.replace(/Model$/, ''));
      if (ORM_READS.has(last)) return { t: 'source', type: entity, source: `${entity} record` };
      if (ORM_WRITES.has(last)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'ORM', internal: true, model: entity }, args: FILTER_FIRST.has(last) ? [1, 2] : 'all' };
      }
    }
    // document.save() on a tainted document
    if (nm === 1 && last === 'save' && recv.length && isLive(recv)) {
      return { t: 'sink', info: { kind: 'storage', api, label: 'ORM', internal: true }, args: 'none', recv: true };
    }
    // Knex: knex('users').insert(row)
    if (chain.rootCall && nm >= 1 && (rb?.module === 'knex' || /^(knex|db|trx)$/.test(rn)) && /^(insert|update|upsert|merge)$/.test(last)) {
      const a = chain.rootCall.arguments[0];
      const table = a && ts.isStringLiteralLike(a) ? a.text : undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'Knex', internal: true, ...(table ? { model: table } : {}) }, args: 'all' };
    }
    // Redis / caches
    if (nm === 1 && REDIS_WRITES.has(last) && isRedisLike(rb, rn)) {
      return { t: 'sink', info: { kind: 'storage', api, label: 'Redis/cache', internal: true }, args: c.arguments.map((_, i) => i).filter((i) => i >= 1) };
    }
    // Files
    if ((nm >= 1 && FS_WRITES.has(last) && ((rb?.module && FS_MODULES.has(rb.module)) || rn === 'fs')) || (nm === 0 && rb?.module && FS_MODULES.has(rb.module) && FS_WRITES.has(rb.imported ?? ''))) {
      return { t: 'sink', info: { kind: 'storage', api, label: 'file', internal: true }, args: c.arguments.map((_, i) => i).filter((i) => i >= 1) };
    }
    return undefined;
  }

  private recordSink(kind: Extract<CallKind, { t: 'sink' }>, c: ts.CallExpression, args: Taint[], recv: Taint): void {
    let t = EMPTY;
    let protectedKeys: string[] | undefined;
    let writtenKeys: string[] | undefined;
    if (kind.prismaData) {
      const a0 = c.arguments[0];
      const keys = a0 && ts.isObjectLiteralExpression(a0) ? this.objectKeys.get(a0) : undefined;
      if (keys) {
        for (const k of ['data', 'create', 'update']) {
          const v = keys.get(k);
          if (v) t = union(t, v);
        }
        const dataNode = a0 && ts.isObjectLiteralExpression(a0) ? a0.properties.find((p) => ts.isPropertyAssignment(p) && propName(p.name) === 'data') : undefined;
        const inner = dataNode && ts.isPropertyAssignment(dataNode) && ts.isObjectLiteralExpression(dataNode.initializer) ? this.objectKeys.get(dataNode.initializer) : undefined;
        if (inner) {
          writtenKeys = [...inner.keys()];
          protectedKeys = writtenKeys.filter((k) => {
            const v = inner.get(k)!;
            return v.length > 0 && v.every((l) => l.k === 'prot');
          });
        }
      } else t = args[0] ?? EMPTY;
    } else if (kind.args === 'all') t = unionAll(args);
    else if (kind.args !== 'none') for (const i of kind.args) t = union(t, args[i] ?? EMPTY);
    if (kind.recv) t = union(t, recv);
    const urlTaint = kind.url ? this.visitCached(kind.url, c, args) : undefined;
    if (!isLive(t) && !(urlTaint && isLive(urlTaint))) return;
    this.hits.push({
      sink: kind.info,
      taint: boundCalls(t),
      ...(urlTaint && isLive(urlTaint) ? { urlTaint: boundCalls(urlTaint) } : {}),
      step: this.step(c, `${kind.info.api}(): ${kind.info.label}`),
      ctx: this.ctx(),
      ...(protectedKeys ? { protectedKeys } : {}),
      ...(writtenKeys ? { writtenKeys } : {}),
    });
  }

  private urlSink(at: ts.Node, t: Taint, _url: ts.Expression | undefined): void {
    if (!isLive(t)) return;
    this.hits.push({ sink: { kind: 'url', api: this.describe(at as ts.Expression), label: 'URL' }, taint: EMPTY, urlTaint: t, step: this.step(at, 'URL'), ctx: this.ctx() });
  }
}

export function analyzeFlows(sf: ts.SourceFile, filePath: string, catalog: RecipientCatalog): FileFlows {
  return new FileAnalyzer(sf, filePath, catalog).run();
}
