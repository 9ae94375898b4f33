/**
 * What the analysis of one file keeps while it walks: scopes (Env), the current function and
 * class (Frame), the facts gathered so far, and helpers every part of the walk shares (steps,
 * name classification, messages). The walk itself is layered on top: client binding
 * (client-binding.ts), expressions (interpreter.ts), functions and classes (functions.ts), calls
 * (calls.ts).
 */
import { ts } from 'ts-morph';
import type { Evidence } from '../../../model/result.js';
import type { Confidence } from '../../../model/finding.js';
import { classifyIdentifier, type NameMatch } from '../../../classify/names.js';
import { positionOf } from '../parse.js';
import { EMPTY, union, type CatLabel, type RetLabel, type Step, type Taint } from './taint.js';
import type { RecipientCatalog } from '../flows/recipients.js';
import type { CallEdge, ClientFacts, HitContext, SinkHit, TypeFacts } from './types.js';
import { isFunctionLike, propName } from './ast.js';
import { isRelative, moduleKey, resolveImport, type Binding, type Bindings } from './bindings.js';
import { urlShape } from '../flows/urls.js';
import { isOptionBag } from './names.js';
import type { Vocabulary } from './vocabulary.js';
import type { KeyJudge } from './stored-keys.js';

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

export type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/**
 * A bare `name` (or address, gender, birth date) names a person when it sits next to a contact
 * (email, phone): `sendWelcome(email, name)`, `{ email, name }`. Owner-dependent terms only,
 * decided as if the owner were a contact, one level less sure.
 */
const SIBLING_CATEGORIES = new Set(['full-name', 'address', 'gender', 'date-of-birth']);
const CONTACT_CATEGORIES = new Set(['digital-account', 'phone']);
/** Payload keys naming the addressee of a message: email or phone depending on the recipient. */
export const ADDRESSEE_KEYS = new Set(['to', 'cc', 'bcc']);
/** Wrapper words at the end of a type name: the owner is what comes before (UpdateCustomerOptions). */
export const WRAPPER_SUFFIX = /(Options|Opts|Params|Args|Arguments|Input|Props|Payload|Data|Dto|DTO|Request|Body|Config)$/;

export class Env {
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

export interface ClassCtx {
  name: string;
  bindings: Bindings;
  prefix?: string;
  methods: Set<string>;
}

export interface Frame {
  fn: FnInfo;
  env: Env;
  cls?: ClassCtx;
  deletes: Step[];
}

export abstract class AnalyzerState {
  protected readonly bindings: Bindings = new Map();
  readonly consts = new Map<string, string>();
  protected readonly localFns = new Map<string, string>();
  /** Top-level functions by name, for clients made by local factories (`const t = mk()`). */
  protected readonly localFnNodes = new Map<string, FunctionNode>();
  protected readonly factoryCache = new Map<FunctionNode, Binding | null>();
  /** Property reads per function body, for untyped parameters (propertyReads). */
  protected readonly readsByBody = new Map<ts.Node, Map<string, Map<string, ts.Node>>>();
  protected readonly returnsByBody = new Map<ts.Block, ts.Expression[]>();
  /** Names bound to another project module's export, or to what calling it returns. */
  protected readonly projectRefs = new Map<string, { key: string; call: boolean }>();
  protected readonly called = new Set<string>();
  /** Top-level `export default <expression>` (not a plain name). */
  protected defaultExport: ts.Expression | undefined;
  protected readonly classNames = new Set<string>();
  protected readonly exportedNames = new Set<string>();
  protected readonly mk: string;
  protected readonly hits: SinkHit[] = [];
  protected readonly edges: CallEdge[] = [];
  protected readonly fns = new Map<string, FnInfo>();
  protected readonly types: TypeFacts[] = [];
  protected readonly evidence: Evidence[] = [];
  protected readonly evidenceKeys = new Set<string>();
  protected readonly urlInputs: UrlInput[] = [];
  protected readonly objectKeys = new WeakMap<ts.ObjectLiteralExpression, Map<string, Taint>>();
  /** What the spreads of an object literal carry (`{ ...input, id }`), for storage writes (stored-keys.ts). */
  protected readonly objectSpreads = new WeakMap<ts.ObjectLiteralExpression, Taint>();
  protected readonly aliases: Record<string, string> = {};
  protected readonly reexports: string[] = [];
  protected passwordHashing = false;
  protected frame!: Frame;
  protected anon = 0;

  constructor(
    protected readonly sf: ts.SourceFile,
    protected readonly filePath: string,
    readonly catalog: RecipientCatalog,
    protected readonly vocab: Vocabulary,
  ) {
    this.mk = moduleKey(filePath);
  }

  protected isExported(node: ts.Node): boolean {
    const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    return !!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  }

  protected isDefaultExport(node: ts.Node): boolean {
    const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    return !!mods?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  }

  protected prepass(): void {
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
    this.instanceAliases();
  }

  /**
   * A module exporting an instance of its own class (`export default new EmailService()`,
   * `module.exports = new MailService()`, `export const mailer = new Mailer()`): a call on the
   * import (`EmailService.activated(user)`) reaches the class's method, so the export's methods
   * alias the class's (`x#default.activated` → `x#EmailService.activated`).
   */
  private instanceAliases(): void {
    const methods = new Map<string, string[]>();
    const instances = new Map<string, string>();
    const classOf = (e: ts.Expression | undefined): string | undefined => {
      const x = e && ts.isParenthesizedExpression(e) ? e.expression : e;
      if (x && ts.isNewExpression(x) && ts.isIdentifier(x.expression) && methods.has(x.expression.text)) return x.expression.text;
      if (x && ts.isIdentifier(x)) return instances.get(x.text);
      return undefined;
    };
    for (const st of this.sf.statements) {
      if (ts.isClassDeclaration(st) && st.name) {
        methods.set(st.name.text, st.members.flatMap((m) => (ts.isMethodDeclaration(m) || (ts.isPropertyDeclaration(m) && m.initializer && isFunctionLike(m.initializer)) ? [propName(m.name) ?? ''] : [])).filter(Boolean));
      }
    }
    if (!methods.size) return;
    const exportsOf = new Map<string, string>();
    for (const st of this.sf.statements) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const cls = ts.isIdentifier(d.name) ? classOf(d.initializer) : undefined;
          if (!cls || !ts.isIdentifier(d.name)) continue;
          instances.set(d.name.text, cls);
          if (this.isExported(st)) exportsOf.set(d.name.text, cls);
        }
      } else if (ts.isExportAssignment(st)) {
        const cls = classOf(st.expression);
        if (cls) exportsOf.set('default', cls);
      } else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const { left, right } = st.expression;
        const cls = classOf(right);
        if (!cls) continue;
        const lt = left.getText(this.sf);
        if (lt === 'module.exports') exportsOf.set('default', cls);
        else if (ts.isPropertyAccessExpression(left) && /^(module\.)?exports$/.test(left.expression.getText(this.sf))) exportsOf.set(left.name.text, cls);
      } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          const cls = instances.get((el.propertyName ?? el.name).text);
          if (cls) exportsOf.set(el.name.text, cls);
        }
      }
    }
    for (const [name, cls] of exportsOf) {
      for (const m of methods.get(cls) ?? []) {
        this.aliases[`${this.mk}#${name}.${m}`] ??= `${this.mk}#${cls}.${m}`;
        // `const svc = require('./email.service'); svc.activated(user)`: a required module's member.
        if (name === 'default' && !this.localFns.has(m) && !this.exportedNames.has(m)) this.aliases[`${this.mk}#${m}`] ??= `${this.mk}#${cls}.${m}`;
      }
    }
  }

  /** How keys written to storage are judged (stored-keys.ts). */
  protected readonly keyJudge: KeyJudge = {
    names: (name, owner) => this.names(name, owner),
    step: (node, message) => this.step(node, message),
    valuesOf: (obj) => this.objectKeys.get(obj),
    spreadOf: (obj) => this.objectSpreads.get(obj),
  };

  step(node: ts.Node, message: string): Step {
    const { line, column } = positionOf(this.sf, node);
    return { path: this.filePath, line, column, message };
  }

  protected ctx(): HitContext {
    const f = this.frame.fn;
    const c: HitContext = {};
    if (f.name !== '<module>' && !f.name.startsWith('<')) c.functionName = f.name;
    if (f.className) c.className = f.className;
    if (f.route) c.route = f.route;
    return c;
  }

  protected addEvidence(e: Evidence): void {
    const k = `${e.kind}:${e.key}:${e.location?.line ?? ''}`;
    if (this.evidenceKeys.has(k)) return;
    this.evidenceKeys.add(k);
    this.evidence.push(e);
  }

  bindingOf(root: string): Binding | undefined {
    if (root.startsWith('this.')) return this.frame.cls?.bindings.get(root.slice(5));
    if (this.frame.env.get(root) !== undefined && !this.bindings.has(root)) return undefined;
    return this.bindings.get(root);
  }

  protected names(name: string, owner?: string) {
    return classifyIdentifier(name, owner);
  }

  /** Text of a simple access chain for messages ("dto", "req.body", "this.user"); never values. */
  protected describe(e: ts.Expression): string {
    if (ts.isIdentifier(e)) return e.text;
    if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(e)) return `${this.describe(e.expression)}.${e.name.text}`;
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e)) return this.describe(e.expression);
    if (ts.isCallExpression(e)) return `${this.describe(e.expression)}()`;
    if (ts.isElementAccessExpression(e)) return `${this.describe(e.expression)}[]`;
    return '…';
  }

  /** Does any sibling name (parameter, key) hold a contact (email, phone)? */
  protected hasContactSibling(name: string, siblings: readonly (string | undefined)[]): boolean {
    for (const s of siblings) {
      if (!s || s === name) continue;
      const m = this.names(s);
      if (m && m.confidence === 'high' && !m.protection && CONTACT_CATEGORIES.has(m.category)) return true;
    }
    return false;
  }

  /** `name` next to `email`: a person's name, at medium confidence (see SIBLING_CATEGORIES). */
  protected bySiblings(name: string, siblings: readonly (string | undefined)[]): NameMatch | undefined {
    const m = this.names(name, 'contact');
    if (!m || m.protection || !SIBLING_CATEGORIES.has(m.category) || this.names(name)) return undefined;
    if (!this.hasContactSibling(name, siblings)) return undefined;
    return { ...m, confidence: m.confidence === 'high' ? 'medium' : m.confidence, reason: `${m.reason}; next to a contact field` };
  }

  protected catLabel(name: string, owner: string | undefined, fieldOf: string | (() => string), node: ts.Node, base: Taint, source?: string, match?: NameMatch): Taint {
    const m = match ?? this.names(name, owner);
    if (!m) return EMPTY;
    const field = typeof fieldOf === 'string' ? fieldOf : fieldOf();
    if (m.protection === 'hashing' || m.protection === 'encryption') return [{ k: 'prot', how: `${m.protection}:name`, cats: [m.category] }];
    const src = base.find((l) => l.k === 'src' || l.k === 'type' || l.k === 'param');
    const srcSteps = src ? src.steps.slice(0, 1) : [];
    const srcName = source ?? (src?.k === 'src' ? src.what : src?.k === 'type' ? src.source : undefined);
    const param = base.find((l) => l.k === 'param');
    const via = param?.k === 'param' ? { fn: param.fn, index: param.index } : undefined;
    // The parameter is declared with a record type (`dto: CreateOrderDto`): see CatLabel.ofRecord.
    const ofRecord = via && !(param?.k === 'param' && isOptionBag(param.name)) && base.some((l) => l.k === 'type' && l.via?.fn === via.fn && l.via.index === via.index);
    // Read from a call result resolved later: its path is put in front once known.
    const from = !src ? base.find((l): l is RetLabel => l.k === 'ret') : undefined;
    const label: CatLabel = {
      k: 'cat',
      cat: m.category,
      conf: m.confidence,
      field,
      ...(srcName ? { source: srcName } : {}),
      ...(via ? { via } : {}),
      ...(ofRecord ? { ofRecord: true as const } : {}),
      ...(from ? { from } : {}),
      steps: [...srcSteps, this.step(node, `${field} (${m.category})`)],
    };
    return [label];
  }

  /** Classified by its name alone; `calls`: call results the value is known to come from. */
  protected nameTaint(name: string, node: ts.Node, source?: string, calls: Taint = EMPTY): Taint {
    return this.catLabel(name, undefined, name, node, calls, source);
  }

  protected ctxOf(info: FnInfo): HitContext {
    return { ...(info.name && !info.name.startsWith('<') ? { functionName: info.name } : {}), ...(info.className ? { className: info.className } : {}), ...(info.route ? { route: info.route } : {}) };
  }
}
