/**
 * Functions and classes: parameters (what callers or the framework put in them), bodies,
 * returns, class members bound to injected services, routes and schedules from decorators,
 * field facts of declared types. Which decorators mean what is the frameworks' (vocabulary.ts).
 */
import { ts } from 'ts-morph';
import { positionOf } from '../parse.js';
import { EMPTY, union, type Label, type Step, type Taint } from './taint.js';
import type { TypeFacts } from './types.js';
import { decoratorArgName, decoratorNames, decoratorStringArg, isFunctionLike, propName, typeNameOf } from './ast.js';
import type { Binding } from './bindings.js';
import { Interpreter } from './interpreter.js';
import { CONFIG_OWNERS, GENERIC_OWNERS, MAX_READ_FIELDS, MAX_READS } from './names.js';
import { Env, type ClassCtx, type FnInfo } from './state.js';

export abstract class FunctionAnalyzer extends Interpreter {
  /** The entity a decorator injects (`@InjectRepository(User)`), by the frameworks' injection decorators. */
  private injectedEntity(n: ts.Node): string | undefined {
    for (const d of this.vocab.injectDecorators) {
      const e = decoratorArgName(n, d);
      if (e !== undefined) return e;
    }
    return undefined;
  }

  protected functionDecl(f: ts.FunctionDeclaration): void {
    const name = f.name?.text ?? 'default';
    const key = f.name ? (this.localFns.get(name) ?? `${this.mk}#${name}`) : `${this.mk}#default`;
    if (!f.body) return;
    this.analyzeFunction(f, this.fnInfo(key, name, f, this.exportedNames.has(name) || this.isExported(f)));
  }

  /** A function expression used as a value: callbacks get their parameters from the call. */
  protected closure(f: ts.ArrowFunction | ts.FunctionExpression, seeds?: Taint[], route?: string): Taint {
    const info = this.fnInfo(`${this.mk}#<anon${this.anon++}>`, this.frame.fn.name, f, false, this.frame.fn.className);
    if (route ?? this.frame.fn.route) info.route = route ?? this.frame.fn.route;
    this.analyzeFunction(f, info, seeds);
    // Closures are not called from elsewhere: drop the bookkeeping once their returns are known.
    this.fns.delete(info.key);
    return info.returns;
  }

  protected analyzeFunction(f: ts.SignatureDeclaration & { body?: ts.ConciseBody | undefined }, info: FnInfo, seeds?: Taint[]): void {
    const outer = this.frame;
    const env = new Env(outer.env);
    this.frame = { fn: info, env, cls: outer.cls, deletes: [] };
    try {
      f.parameters.forEach((p, i) => {
        const seed = seeds?.[i];
        const t = seed ?? this.paramTaint(p, i, info);
        this.bind(p.name, t, undefined, p);
        if (!seed && !ts.isIdentifier(p.name)) this.destructuredParam(p.name, info.key, i);
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

  /**
   * `async ({ email, subject, html }) => transporter.sendMail({ to: email, … })`: fields destructured
   * in the parameter list are the function's signature, not fields it picks: what each caller puts
   * there is passed on (see call-sites.ts), so they stand for the parameter rather than a read of it.
   */
  private destructuredParam(name: ts.BindingName, fn: string, index: number): void {
    if (ts.isIdentifier(name)) {
      const t = this.frame.env.vars.get(name.text);
      // A field whose name says nothing (`{ to, subject }`): it stands for what callers put in the
      // object they pass, so their data reaches the sink through it (callers passing nothing personal: nothing).
      if (!t?.length) {
        if (!fn.includes('<anon')) this.frame.env.vars.set(name.text, [{ k: 'param', fn, index, name: name.text, steps: [this.step(name, `parameter field ${name.text}`)] }]);
        return;
      }
      const whole = (l: Label): Label => {
        if (l.k !== 'cat' || l.via?.fn !== fn || l.via.index !== index) return l;
        const { via: _via, ...rest } = l;
        return { ...rest, arg: { fn, index } };
      };
      this.frame.env.vars.set(name.text, t.map(whole));
      return;
    }
    for (const el of name.elements) if (!ts.isOmittedExpression(el)) this.destructuredParam(el.name, fn, index);
  }

  protected paramTaint(p: ts.ParameterDeclaration, i: number, info: FnInfo): Taint {
    const name = ts.isIdentifier(p.name) ? p.name.text : undefined;
    let out: Label[] = [];
    const decos = decoratorNames(p);
    let source: string | undefined;
    const named = !info.key.includes('<anon');
    for (const d of decos) {
      if (this.vocab.paramDecorators[d]) source = this.vocab.paramDecorators[d];
      if (this.vocab.requestDecorators.has(d)) out.push({ k: 'src', what: 'request', steps: [this.step(p, `request ${name ?? ''}`.trim())] });
    }
    if (name && this.vocab.requestNames.has(name) && !source && i < 2 && (!this.vocab.routeOnlyRequestNames.has(name) || info.route !== undefined)) {
      const tn = typeNameOf(p.type).name;
      if (!tn || this.vocab.requestType.test(tn)) {
        out.push({ k: 'src', what: 'request', steps: [this.step(p, `request ${name}`)] });
      }
    }
    const decoKey = source ? decoratorArgName(p, decos.find((d) => this.vocab.paramDecorators[d])!) : undefined;
    const srcStep = source ? this.step(p, `${source}${decoKey ? ` "${decoKey}"` : ''} → ${name ?? 'parameter'}`) : undefined;
    if (name) {
      const m = this.names(decoKey ?? name) ?? (decoKey ? undefined : this.bySiblings(name, info.params));
      if (m && m.protection !== 'hashing' && m.protection !== 'encryption') {
        const field = decoKey ?? name;
        const steps = [...(srcStep ? [srcStep] : []), this.step(p, `parameter ${name} (${m.category})`)];
        // Known from the parameter's name: callers' arguments say more where they carry personal data.
        const arg = !source && named ? { arg: { fn: info.key, index: i } } : {};
        out.push({ k: 'cat', cat: m.category, conf: m.confidence, field, ...(source ? { source } : {}), ...arg, steps });
        if (source === 'query string' || source === 'path parameters') {
          this.urlInputs.push({ step: steps[steps.length - 1]!, cat: m.category, conf: m.confidence, field, ctx: { ...this.ctxOf(info) } });
        }
      }
    }
    const tn = typeNameOf(p.type).name;
    if (tn && !this.vocab.nonDataTypes.has(tn) && !decoKey) {
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
    if (name && !p.type && !tn && !source && !out.some((l) => l.k === 'src')) {
      for (const l of this.fieldsReadOn(p, name)) out.push(named && l.k === 'cat' ? { ...l, arg: { fn: info.key, index: i } } : l);
    }
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
  protected fieldsReadOn(p: ts.ParameterDeclaration, name: string): Label[] {
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
  protected propertyReads(body: ts.Node): Map<string, Map<string, ts.Node>> {
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

  protected classDecl(c: ts.ClassDeclaration | ts.ClassExpression): void {
    const name = c.name?.text ?? `<class${this.anon++}>`;
    const exported = !!c.name && (this.isExported(c) || this.exportedNames.has(name));
    const prefix = decoratorStringArg(c, this.vocab.controllerDecorators);
    const cls: ClassCtx = { name, bindings: new Map(), methods: new Set(), ...(prefix ? { prefix: prefix.arg ?? '' } : {}) };
    this.classNames.add(name);
    const outer = this.frame;
    this.frame = { ...outer, cls };
    // String fields (`private baseUrl = "https://api.example.com"`) resolve URLs built in methods.
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
            const entity = this.injectedEntity(p) ?? t.arg;
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
            const entity = this.injectedEntity(m) ?? t.arg;
            cls.bindings.set(n, { typeName: t.name, ...(imp?.module ? { module: imp.module } : {}), ...(entity ? { entity } : {}) });
          }
        }
      }
      // `this.client = new ChatClient()` in the constructor: the member is an instance of the app's own class.
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
          const route = decoratorStringArg(m, this.vocab.routeDecorators);
          if (route && prefix) info.route = `/${[prefix.arg ?? '', route.arg ?? ''].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
          else if (route) info.route = `/${route.arg ?? ''}`;
          if (decoratorNames(m).some((d) => this.vocab.scheduleDecorators.has(d))) info.scheduled = true;
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

  protected accessControlEvidence(n: ts.Node): void {
    const d = decoratorNames(n).find((x) => this.vocab.guardDecorators.has(x));
    if (d) {
      const { line, column } = positionOf(this.sf, n);
      this.addEvidence({ kind: 'protection', key: 'access-control:guard', description: `@${d}() restricts access to this handler`, location: { path: this.filePath, line, column } });
    }
  }

  /** Field facts of a class / interface / type literal with personal-looking members. */
  protected typeFacts(node: ts.ClassDeclaration | ts.ClassExpression | ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
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
    // A class with no field of its own is a payload through its bases only when its name says it holds data.
    const bases = fields.length || !NOT_DATA_CLASS.test(name) ? baseTypesOf(node) : [];
    if (!fields.length && !bases.length) return;
    const decos = ts.isClassDeclaration(node) || ts.isClassExpression(node) ? decoratorNames(node) : [];
    const model = decos.length ? this.vocab.entityModels.find((m) => decos.some((d) => m.decorators.has(d))) : undefined;
    const pos = positionOf(this.sf, node.name!);
    this.types.push({
      name,
      fields,
      ...(model ? { persistent: true, framework: model.id } : {}),
      location: { path: this.filePath, line: pos.line, column: pos.column },
      fieldLocations,
      ...(bases.length ? { bases } : {}),
    });
  }

  protected markScheduledArgs(args: readonly ts.Expression[]): void {
    for (const a of args) {
      if (isFunctionLike(a)) {
        const info = this.fnInfo(`${this.mk}#<anon${this.anon++}>`, this.frame.fn.name, a, false, this.frame.fn.className);
        info.scheduled = true;
        this.analyzeFunction(a, info);
      } else this.visit(a);
    }
  }

  protected retentionEvidence(info: FnInfo, deletes: Step[]): void {
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
}

const NOT_DATA_CLASS = /(Service|Controller|Module|Error|Exception|Provider|Guard|Handler|Repository|Client|Gateway|Resolver|Strategy|Interceptor|Pipe|Filter|Middleware|Job|Processor|Component)$/;

/** Mapped-type helpers whose result has (some of) the fields of their first type argument. */
const MAPPED_TYPES = new Set(['PartialType', 'OmitType', 'PickType', 'IntersectionType', 'Partial', 'Omit', 'Pick', 'Required', 'Readonly']);

/**
 * The types a class or interface takes its fields from: `extends CreateCustomerBody`,
 * `extends PartialType(CreateCustomerBody)`, `IntersectionType(A, B)`, `interface X extends Omit<Y, 'id'>`.
 */
export function baseTypesOf(node: ts.ClassDeclaration | ts.ClassExpression | ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string[] {
  if (ts.isTypeAliasDeclaration(node)) return [];
  const out: string[] = [];
  const add = (e: ts.Node): void => {
    if (ts.isIdentifier(e)) out.push(e.text);
    else if (ts.isPropertyAccessExpression(e)) out.push(e.name.text);
    else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && MAPPED_TYPES.has(e.expression.text)) {
      for (const a of e.arguments) if (ts.isIdentifier(a)) add(a);
    } else if (ts.isTypeReferenceNode(e) && ts.isIdentifier(e.typeName)) {
      if (MAPPED_TYPES.has(e.typeName.text)) e.typeArguments?.slice(0, 1).forEach(add);
      else out.push(e.typeName.text);
    }
  };
  for (const h of node.heritageClauses ?? []) {
    if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const t of h.types) {
      add(t.expression);
      if (ts.isIdentifier(t.expression) && MAPPED_TYPES.has(t.expression.text)) t.typeArguments?.slice(0, 1).forEach(add);
    }
  }
  return out.slice(0, 4);
}

