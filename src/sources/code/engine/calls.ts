/**
 * Calls: sanitizers, sinks and sources as the frameworks classify them (registry order), calls
 * on clients imported from other project files, and calls into functions the analysis can
 * follow (edges, resolved here or by linkProject). FileAnalyzer is the whole walk of one file.
 */
import { ts } from 'ts-morph';
import { positionOf } from '../parse.js';
import { EMPTY, boundCalls, dropArg, isLive, protect, trimArgs, union, unionAll, withStep, type CalleeRef, type RetLabel, type Taint } from './taint.js';
import type { RecipientCatalog } from '../flows/recipients.js';
import { chainOf, isFunctionLike, propName, rootName, type Chain } from './ast.js';
import { isRelative, resolveImport, collectImports } from './bindings.js';
import { DECIDED_NONE, type CallKind, type CallSite } from './framework-api.js';
import { FunctionAnalyzer } from './functions.js';
import { ELEMENT_CALLBACK, MAPPING_CALLBACK, PASS_NAME, RECEIVER_FILL, looksLikeModelName, passesArgs, sanitizerKind } from './names.js';
import { Env, type FileFlows, type FnInfo } from './state.js';
import { collectedBySdk } from './client-linking.js';
import type { Vocabulary } from './vocabulary.js';
import { objectArg, spreadIntoModel, storedKeys } from './stored-keys.js';
import { valueWords } from '../../../classify/names.js';

/** The call's result is discarded (`await track(...)`, `void notify(...)`): it is made for its effect. */
function isEffectCall(c: ts.CallExpression): boolean {
  let n: ts.Node = c;
  while (ts.isAwaitExpression(n.parent) || ts.isVoidExpression(n.parent) || ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return ts.isExpressionStatement(n.parent) || (ts.isArrowFunction(n.parent) && n.parent.body === n);
}

export class FileAnalyzer extends FunctionAnalyzer {
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

  protected call(c: ts.CallExpression): Taint {
    const callee = c.expression;
    const chain = chainOf(callee);
    const last = chain.members.length ? chain.members[chain.members.length - 1]! : chain.root;
    let recv = EMPTY;
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) recv = this.visit(callee.expression);
    else if (!ts.isIdentifier(callee)) this.visit(callee);

    // Route handlers: app.post('/checkout', (req, res) => ...)
    let route: string | undefined;
    if (chain.members.length && this.vocab.routeMethods.has(last) && c.arguments[0] && ts.isStringLiteralLike(c.arguments[0]) && c.arguments[0].text.startsWith('/')) {
      route = c.arguments[0].text;
    }
    const scheduled = this.vocab.scheduleCalls.has(last);
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
    const prot = this.sanitizer({ call: c, chain, method: last, rootName: rootName(chain.root), binding: this.bindingOf(chain.root), api: '', receiver: recv, engine: this });
    if (prot) {
      const t = union(unionAll(args), recv);
      if (!prot.endsWith(':chained')) this.protectionEvidence(c, prot, t);
      return protect(t, prot);
    }

    const site = this.callSite(c, chain, last, recv);
    const kind = this.classifyCall(site);
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

    this.fillReceiver(c, last, args);

    // A client imported from another project file: the sink is known once files are linked.
    const use = this.clientUseOf(chain);
    if (use && args.some(isLive)) {
      const api = site.api;
      const fallback = this.clientFallback(site);
      this.hits.push({ sink: { kind: 'http', api, label: 'client' }, taint: boundCalls(unionAll(args)), step: this.step(c, `${api}(): client`), ctx: this.ctx(), client: { ...use, ...(fallback ? { fallback } : {}) } });
    }

    if (chain.members.length && this.vocab.deleteMethods.has(last) && this.looksLikeStore(chain)) {
      this.frame.deletes.push(this.step(c, `${this.describe(callee)}()`));
    }

    // Calls into functions we can follow.
    const ref = this.calleeRef(chain, callee);
    // `Service.method()` on a default import: an instance's method when the module exports one
    // (linked by its aliases), else a plain object's member: the call is followed, and what it gives
    // back is judged as for any other call.
    if (ref?.kind === 'fn' && /#default\.[^#]+$/.test(ref.key) && !this.localFns.has(chain.root)) this.recordEdge(ref, c, callee, args);
    else if (ref) {
      this.recordEdge(ref, c, callee, args);
      if (ref.kind === 'fn') {
        const info = this.fns.get(ref.key);
        if (info?.done) return info.returns.length ? this.substitute(info, info.returns, args, c) : EMPTY;
      }
      // Analysed elsewhere (another file, or later in this one): what it returns is resolved then.
      const kept = trimArgs(args.map((a) => (isLive(a) ? a : EMPTY)));
      const ret: RetLabel = { k: 'ret', callee: ref, args: kept, steps: [this.step(c, `returned by ${this.describe(callee)}()`)] };
      // A package that may be the project's own (`@react-email/render`, `@acme/emails`) is often not:
      // a template or component there still gives back its arguments' data.
      if (ref.kind === 'fn' && ref.key.startsWith('~') && !chain.members.length && passesArgs(last, this.vocab.argPass)) return union([ret], this.passedArgs(c, callee, args));
      return [ret];
    }
    if (chain.members.length && MAPPING_CALLBACK.has(last) && callbackReturns.length) return callbackReturns;
    if (chain.members.length && this.vocab.receiverPass.has(last) && recv.length) return recv;
    if (this.vocab.argPass.has(last) || PASS_NAME.test(last)) return union(unionAll(args), last === 'assign' ? EMPTY : recv);
    if (!chain.members.length && passesArgs(last, this.vocab.argPass)) return this.passedArgs(c, callee, args);
    if (/^get[A-Z_]/.test(last) && last.length > 4) {
      const m = this.names(last.slice(3));
      if (m && recv.length) return this.catLabel(last.slice(3), this.ownerOf(recv, ts.isPropertyAccessExpression(callee) ? callee.expression : undefined), `${this.describe(callee)}()`, c, recv);
    }
    return EMPTY;
  }

  /**
   * `form.append('file', cccdImage)`, `list.push(user.email)`, `params.set('phone', p)`: a local
   * container now holds what was put in it, so sending it later sends that. A string key names
   * what a neutral value is, for the API it is sent to (see keyed).
   */
  protected fillReceiver(c: ts.CallExpression, method: string, args: Taint[]): void {
    const callee = c.expression;
    if (!RECEIVER_FILL.has(method) || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return;
    const root = callee.expression.text;
    if (this.frame.env.get(root) === undefined) return;
    let t = unionAll(args);
    const [key, value] = c.arguments;
    if (key && value && ts.isStringLiteralLike(key) && !isFunctionLike(value)) t = union(t, this.keyed(key.text, args[1] ?? EMPTY, value, key, () => []));
    if (t.length) this.frame.env.assign(root, withStep(t, this.step(c, `put in ${root}`)));
  }

  /** What a template or component made of its arguments carries (one step at the call). */
  protected passedArgs(c: ts.CallExpression, callee: ts.Expression, args: Taint[]): Taint {
    return withStep(unionAll(args), this.step(c, `rendered by ${this.describe(callee)}()`));
  }

  /** Taint of an argument expression already visited (avoid visiting twice: nested sinks). */
  protected visitCached(e: ts.Expression, c: ts.CallExpression, args: Taint[]): Taint {
    const i = c.arguments.indexOf(e);
    return i >= 0 ? args[i]! : EMPTY;
  }

  /** Substitute a callee's parameter labels in its return taint by the caller's arguments. */
  protected substitute(info: FnInfo, t: Taint, args: Taint[], at: ts.Node): Taint {
    let out = EMPTY;
    const step = this.step(at, `returned by ${info.name}()`);
    for (const l of t) {
      if (l.k === 'param' && l.fn === info.key) out = union(out, withStep(args[l.index] ?? EMPTY, step));
      else if (l.k === 'cat' && l.arg?.fn === info.key) out = union(out, withStep([dropArg(l)], step));
      else if (l.k !== 'param') out = union(out, withStep([l], step));
    }
    return out;
  }

  /** A call into a function the analysis can follow, for linking. */
  private recordEdge(ref: CalleeRef, c: ts.CallExpression, callee: ts.Expression, args: Taint[]): void {
    if (ref.kind === 'fn') this.called.add(ref.key);
    if (args.some(isLive)) this.edges.push({ callee: ref, args: args.map(boundCalls), step: this.step(c, `call ${this.describe(callee)}()`), ctx: this.ctx() });
    // A call made for its effect (`track(user, { event: 'login' })`) with nothing personal passed:
    // kept so that an analytics wrapper's every call can be a tracking call (see call-sites.ts).
    else if (c.arguments.length && isEffectCall(c)) this.edges.push({ callee: ref, args: args.map(() => EMPTY), step: this.step(c, `call ${this.describe(callee)}()`), ctx: this.ctx(), bare: true });
  }

  protected calleeRef(chain: Chain, callee: ts.Expression): CalleeRef | undefined {
    if (ts.isIdentifier(callee)) {
      const local = this.localFns.get(callee.text);
      if (local) return { kind: 'fn', key: local };
      const b = this.bindings.get(callee.text);
      if (b?.module && b.imported && !b.init) {
        // `const sendMail = require('./sendMail'); sendMail(...)`: a module called is its `module.exports`.
        const imported = b.imported === '*' ? 'default' : b.imported;
        if (isRelative(b.module)) return { kind: 'fn', key: `${resolveImport(this.filePath, b.module)}#${imported}` };
        if (this.maybeProjectModule(b.module)) return { kind: 'fn', key: `~${b.module}#${imported}` };
      }
      return undefined;
    }
    if (chain.members.length === 1 && chain.root.startsWith('this.') === false && chain.root) {
      // ns.fn() where ns = import * as ns from './x'
      const b = this.bindings.get(chain.root);
      if (b?.module && isRelative(b.module) && b.imported === '*') return { kind: 'fn', key: `${resolveImport(this.filePath, b.module)}#${chain.members[0]}` };
      if (b?.module && b.imported === '*' && !b.init && this.maybeProjectModule(b.module)) return { kind: 'fn', key: `~${b.module}#${chain.members[0]}` };
      if (b?.local === 'class') return { kind: 'fn', key: `${this.mk}#${chain.root}.${chain.members[0]}` };
      // `import EmailService from './email.service'` (an instance of its class): its method.
      if (b?.module && b.imported === 'default' && !b.init) {
        if (isRelative(b.module)) return { kind: 'fn', key: `${resolveImport(this.filePath, b.module)}#default.${chain.members[0]}` };
        if (this.maybeProjectModule(b.module)) return { kind: 'fn', key: `~${b.module}#default.${chain.members[0]}` };
      }
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
      // An injected service imported through baseUrl or a path alias (`from 'src/user/user.service'`): its class is found by name.
      if (b?.typeName && !this.vocab.nonDataTypes.has(b.typeName) && (!b.module || isRelative(b.module) || this.maybeProjectModule(b.module))) {
        return { kind: 'class', className: b.typeName, method: chain.members[0]!, ...(b.module && isRelative(b.module) ? { module: resolveImport(this.filePath, b.module) } : {}) };
      }
    }
    return undefined;
  }

  protected looksLikeStore(chain: Chain): boolean {
    const rn = rootName(chain.root);
    const b = this.bindingOf(chain.root);
    return this.vocab.storeName.test(rn) || looksLikeModelName(rn) || !!b?.entity || chain.members.some((m) => this.vocab.storeMembers.has(m));
  }

  /** Hashing, encryption or masking: the frameworks' sanitizers first, then what the function's name says. */
  protected sanitizer(site: CallSite): string | undefined {
    for (const f of this.vocab.sanitizers) {
      const s = f.sanitize(site);
      if (s === DECIDED_NONE) return undefined;
      if (s) {
        if (s.passwordHashing) this.passwordHashing = true;
        return s.how;
      }
    }
    const { chain, method } = site;
    const k = sanitizerKind(method);
    if (k) {
      if (k === 'hashing' && /password|passwd|pwd|mat_?khau/i.test(method + (chain.root ?? ''))) this.passwordHashing = true;
      return k;
    }
    return undefined;
  }

  protected protectionEvidence(c: ts.CallExpression, how: string, t: Taint): void {
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

  /** The call as frameworks see it: its root's binding (a local factory's client), its API text. */
  private callSite(c: ts.CallExpression, chain: Chain, last: string, recv: Taint): CallSite {
    let rb = chain.root ? this.bindingOf(chain.root) : undefined;
    // getClient().customers.create(...): the client a local factory returns.
    if (rb?.local === 'function' && chain.rootCall && chain.members.length >= 1) rb = this.derive(chain.rootCall) ?? rb;
    const api = chain.root ? [chain.root, ...chain.members].join('.') : chain.members.join('.');
    return { call: c, chain, method: last, rootName: rootName(chain.root), binding: rb, api, receiver: recv, engine: this };
  }

  /** The first framework that knows the call decides (a sink, a source, a builder, an internal URL, or nothing). */
  protected classifyCall(site: CallSite): CallKind | undefined {
    for (const f of this.vocab.classifiers) {
      const kind = f.classify(site);
      if (kind === DECIDED_NONE) return undefined;
      if (kind) return kind;
    }
    return undefined;
  }

  /** Keys of the objects a storage call writes, judged with its model as owner (see stored-keys.ts). */
  private keysWritten(kind: Extract<CallKind, { t: 'sink' }>, c: ts.CallExpression, data: Taint): Taint {
    let t = EMPTY;
    const model = kind.info.model;
    const objects = writtenObjects(kind, c);
    for (const o of objects) t = union(union(t, storedKeys(this.keyJudge, o, model)), model ? spreadIntoModel(this.keyJudge, o, model) : EMPTY);
    // The payload-key labels of these very keys are judged here, with the model: not again at linking (materialize).
    const keys = new Set(objects.flatMap((o) => o.properties.map((p) => (p.name ? propName(p.name) : undefined))));
    return union(data.filter((l) => !(l.k === 'cat' && l.keyed && keys.has(l.field))), t);
  }

  protected recordSink(kind: Extract<CallKind, { t: 'sink' }>, c: ts.CallExpression, args: Taint[], recv: Taint): void {
    let t = EMPTY;
    let protectedKeys: string[] | undefined;
    let writtenKeys: string[] | undefined;
    if (kind.options) {
      const a0 = c.arguments[0];
      const keys = a0 && ts.isObjectLiteralExpression(a0) ? this.objectKeys.get(a0) : undefined;
      if (keys) {
        for (const k of kind.options.dataKeys) {
          const v = keys.get(k);
          if (v) t = union(t, v);
        }
        const dataNode = a0 && ts.isObjectLiteralExpression(a0) ? a0.properties.find((p) => ts.isPropertyAssignment(p) && propName(p.name) === kind.options!.writtenFrom) : undefined;
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
    if (kind.info.kind === 'storage' && kind.info.internal) t = this.keysWritten(kind, c, t);
    // `User.findByIdAndUpdate(id, req.body)`: whatever the request holds lands in the model's fields.
    const whole = kind.info.kind === 'storage' && kind.info.model ? t.find((l) => l.k === 'src' && wholeInput(l.what)) : undefined;
    if (whole?.k === 'src') t = union(t, [{ k: 'type', type: kind.info.model!, stored: true, source: `${whole.what} written to ${kind.info.model!}`, steps: whole.steps.slice(0, 1) }]);
    const urlTaint = kind.url ? this.visitCached(kind.url, c, args) : undefined;
    const step = this.step(c, `${kind.info.api}(): ${kind.info.label}`);
    if (kind.info.collects) t = union(t, collectedBySdk(kind.info, step));
    if (!isLive(t) && !(urlTaint && isLive(urlTaint))) return;
    this.hits.push({
      sink: kind.info,
      taint: boundCalls(t),
      ...(urlTaint && isLive(urlTaint) ? { urlTaint: boundCalls(urlTaint) } : {}),
      step,
      ctx: this.ctx(),
      ...(protectedKeys ? { protectedKeys } : {}),
      ...(writtenKeys ? { writtenKeys } : {}),
    });
  }
}

/** Request input of unknown shape as a whole (`req`, `req.body`), not one of its parts. */
function wholeInput(what: string): boolean {
  return what === 'request' || !!valueWords().unknownPayload?.sources.has(what);
}

/** The object literals a storage write takes its keys from: the `data` of an options object, or the data arguments. */
function writtenObjects(kind: Extract<CallKind, { t: 'sink' }>, c: ts.CallExpression): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  if (kind.options) {
    const a0 = objectArg(c.arguments[0]);
    for (const p of a0?.properties ?? []) {
      if (!ts.isPropertyAssignment(p) || !kind.options.dataKeys.includes(propName(p.name) ?? '')) continue;
      const o = objectArg(p.initializer);
      if (o) out.push(o);
    }
    return out;
  }
  const idx = kind.args === 'all' ? c.arguments.map((_, i) => i) : kind.args === 'none' ? [] : kind.args;
  for (const i of idx) {
    const o = objectArg(c.arguments[i]);
    if (o) out.push(o);
  }
  return out;
}

export function analyzeFlows(sf: ts.SourceFile, filePath: string, catalog: RecipientCatalog, vocab: Vocabulary): FileFlows {
  return new FileAnalyzer(sf, filePath, catalog, vocab).run();
}
