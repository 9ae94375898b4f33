/**
 * What names stand for: clients made from packages (`new Sdk(k)`, `makeLogger()`, a local factory
 * returning one), values bound to another project module's export, and the client facts a file
 * exports for importers elsewhere. Which packages make which clients is the frameworks'; this
 * layer follows the bindings.
 */
import { ts } from 'ts-morph';
import { assignedValues, chainOf, isFunctionLike, objectStringProp, returnedExpressions, unwrapExpr, usesAny, type Chain } from './ast.js';
import { isRelative, requiredModule, resolveImport, type Binding } from './bindings.js';
import type { CallSite, EngineQueries } from './framework-api.js';
import { AnalyzerState, type FunctionNode } from './state.js';
import { sinkKindOf, type RecipientDef } from '../flows/recipients.js';
import type { ClientFacts, ClientSink, ClientUse } from './types.js';

/** Depth of factories returning factories followed when binding a client (mk() → make() → new X()). */
const MAX_FACTORY_DEPTH = 3;
/** Node's own modules: never a project path alias. */
const NODE_BUILTINS = new Set([
  'fs', 'path', 'os', 'crypto', 'http', 'https', 'url', 'util', 'stream', 'events', 'child_process', 'zlib', 'net', 'tls', 'dns',
  'assert', 'buffer', 'querystring', 'readline', 'worker_threads', 'cluster', 'process', 'timers', 'perf_hooks', 'vm', 'module',
]);

export abstract class ClientBinder extends AnalyzerState implements EngineQueries {
  isLocalValue(name: string): boolean {
    return this.frame.env.get(name) !== undefined;
  }

  importOf(name: string): Binding | undefined {
    return this.bindings.get(name);
  }

  /** `new Sdk({...})`, `logging.createLogger()`, `require('x')` → what the value stands for. */
  derive(init: ts.Expression, depth = 0): Binding | undefined {
    let e = init;
    while (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    const req = requiredModule(e);
    if (req) return { module: req.module, imported: req.member ?? '*' };
    // Clients made conditionally or cached: `key ? new Sdk(key) : null`, `g.client ??= new Sdk()`,
    // `cached || (cached = new Sdk(k))`: whichever branch makes a client says what it is.
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
    // A client returned by a local factory: `const client = createClient()`, `getClient().x.y()`.
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
    // `new User({...})` of a model made by a model factory is a document holding data, not a client.
    if (rb.entity && ts.isNewExpression(e)) return undefined;
    const pkg = rb.module && !isRelative(rb.module);
    if (!pkg && !this.vocab.clientChecks.some((isClient) => isClient(rb))) return undefined;
    if (ts.isCallExpression(e)) {
      const last = chain.members[chain.members.length - 1] ?? '';
      if (this.vocab.dataMethods.has(last)) return undefined;
    }
    let entity: string | undefined;
    if (ts.isCallExpression(e) && this.vocab.modelFactories.has(chain.members[chain.members.length - 1] ?? '')) {
      const a = e.arguments[0];
      if (a && ts.isStringLiteralLike(a)) entity = a.text;
    }
    return { ...rb, init: e, ...(entity ? { entity } : {}), ...(chain.members.length ? { members: chain.members } : {}) };
  }

  /** What a local function returns when that is a client (factories, lazy getters); cached. */
  protected factoryBinding(fn: FunctionNode, depth: number): Binding | undefined {
    const hit = this.factoryCache.get(fn);
    if (hit !== undefined) return hit ?? undefined;
    this.factoryCache.set(fn, null); // recursion guard
    let out: Binding | undefined;
    const body = fn.body;
    if (body && !ts.isBlock(body)) out = this.derive(body, depth);
    else if (body) {
      for (const r of this.returnsOf(body)) {
        out = this.derive(r, depth);
        // `return cached` where the function assigns `cached = new Sdk(k)` somewhere above.
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
  protected projectModule(spec: string): string | undefined {
    if (isRelative(spec)) return resolveImport(this.filePath, spec);
    return this.maybeProjectModule(spec) ? `~${spec}` : undefined;
  }

  /**
   * A value bound to another project module's export (`import { client } from './client'`), or to
   * what calling it returns (`const client = makeClient()` with makeClient imported).
   */
  protected projectRefOf(init: ts.Expression): { key: string; call: boolean } | undefined {
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
  clientUseOf(chain: Chain): ClientUse | undefined {
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
  protected clientFallback(site: CallSite): ClientUse['fallback'] {
    for (const f of this.vocab.clientFallbacks) {
      const fb = f.clientFallback(site);
      if (fb) return fb;
    }
    return undefined;
  }

  /** Facts other files need about a client value: what its calls reach. */
  protected clientFacts(b: Binding): ClientFacts | undefined {
    if (!b.init || !b.module || isRelative(b.module)) return undefined;
    const made = b as Binding & { init: ts.Expression; module: string };
    for (const f of this.vocab.clientFacts) {
      const facts = f.clientFacts(made, this);
      if (facts) return facts;
    }
    return undefined;
  }

  /** The sink of a catalogue SDK client (country from the region in its config, when any). */
  sdkSink(def: RecipientDef, rb: Binding | undefined): ClientSink {
    const region = objectStringProp(rb?.init && (ts.isNewExpression(rb.init) || ts.isCallExpression(rb.init)) ? rb.init.arguments?.[0] : undefined, ['region', 'location'], this.consts);
    return { kind: sinkKindOf(def.kind), label: def.name, recipient: this.catalog.describe(def, region), ...(def.purposes ? { recipientPurposes: def.purposes } : {}) };
  }

  /** Clients this file exports (values, factories, defaults), for importers in other files. */
  protected exportedClients(): Record<string, ClientFacts> {
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
  protected factoryRef(fn: FunctionNode): { key: string; call: boolean } | undefined {
    const body = fn.body;
    if (!body) return undefined;
    // A factory builds its client from configuration; a function that returns a call on its own
    // parameters (`return format(orderId, total)`) computes a value, so it is not looked up.
    const params = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
    for (const r of ts.isBlock(body) ? this.returnsOf(body) : [body]) {
      if (params.size && usesAny(r, params)) continue;
      const ref = this.projectRefOf(r);
      if (ref) return ref;
      // `return cached` where the function assigns `cached = createStripeClient(...)` somewhere above.
      const id = unwrapExpr(r);
      if (!ts.isIdentifier(id) || !ts.isBlock(body)) continue;
      for (const v of assignedValues(body, id.text)) {
        const vr = params.size && usesAny(v, params) ? undefined : this.projectRefOf(v);
        if (vr) return vr;
      }
    }
    return undefined;
  }

  protected returnsOf(body: ts.Block): ts.Expression[] {
    let r = this.returnsByBody.get(body);
    if (!r) this.returnsByBody.set(body, (r = returnedExpressions(body)));
    return r;
  }

  /** `new ChatClient()` of a class in this project (this file or a relative import): its methods can be followed. */
  protected ownClassOf(e: ts.Expression): Binding | undefined {
    if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
    const name = e.expression.text;
    const b = this.bindings.get(name);
    if (b?.local === 'class' || this.classNames.has(name)) return { typeName: name, local: 'class' };
    if (b?.module && isRelative(b.module) && b.imported && b.imported !== '*') return { typeName: b.imported === 'default' ? name : b.imported, module: b.module };
    return undefined;
  }

  /**
   * A non-relative import that may be the project's own code: a path alias ("@/lib/email",
   * "~/utils") or a workspace package ("@acme/emails"). linkProject matches it by path suffix;
   * packages that are known third parties or Node built-ins are not.
   */
  protected maybeProjectModule(spec: string): boolean {
    if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!)) return false;
    if (spec.startsWith('@/') || spec.startsWith('~/') || spec.startsWith('#')) return true;
    return !this.catalog.byPackageName(spec) && !this.vocab.packages.has(spec);
  }
}
