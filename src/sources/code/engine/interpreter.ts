/**
 * The expression walk: one visit per node, giving what the value may carry (its taint).
 * Assignments, destructuring, spreads, templates, object literals and property reads; calls,
 * functions and classes are the layers above (calls.ts, functions.ts).
 */
import { ts } from 'ts-morph';
import { classifyOwner, valueWords } from '../../../classify/names.js';
import { EMPTY, isLive, onlyUnshaped, union, unionAll, withStep, type Taint, type TypeLabel } from './taint.js';
import { ADDRESSEE } from './client-linking.js';
import { envName } from '../flows/urls.js';
import { isFunctionLike, isLiteralish, propName, rootName } from './ast.js';
import { isRelative } from './bindings.js';
import { ClientBinder } from './client-binding.js';
import { CONFIG_OWNERS, GENERIC_OWNERS, cap, isOptionBag } from './names.js';
import { objectArg, storedKeyLabel, storedKeys } from './stored-keys.js';
import { ADDRESSEE_KEYS, WRAPPER_SUFFIX, type FnInfo } from './state.js';

const NOTHING: ReadonlySet<string> = new Set();

export abstract class Interpreter extends ClientBinder {
  protected abstract call(c: ts.CallExpression): Taint;
  protected abstract closure(f: ts.ArrowFunction | ts.FunctionExpression, seeds?: Taint[], route?: string): Taint;
  protected abstract functionDecl(f: ts.FunctionDeclaration): void;
  protected abstract classDecl(c: ts.ClassDeclaration | ts.ClassExpression): void;
  protected abstract typeFacts(node: ts.ClassDeclaration | ts.ClassExpression | ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void;
  protected abstract analyzeFunction(f: ts.SignatureDeclaration & { body?: ts.ConciseBody | undefined }, info: FnInfo, seeds?: Taint[]): void;
  protected abstract markScheduledArgs(args: readonly ts.Expression[]): void;

  protected visitAll(nodes: readonly ts.Node[]): void {
    for (const n of nodes) this.visit(n);
  }

  protected visit(node: ts.Node): Taint {
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

  protected ident(id: ts.Identifier): Taint {
    const name = id.text;
    const t = this.frame.env.get(name);
    if (t !== undefined) return t;
    if (name === 'undefined' || this.bindings.has(name) || this.localFns.has(name)) return EMPTY;
    return EMPTY;
  }

  protected binary(b: ts.BinaryExpression): Taint {
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

  protected assignTo(target: ts.Expression | ts.ForInitializer, t: Taint, value?: ts.Expression): void {
    if (ts.isIdentifier(target)) {
      // `client = new Sdk(k)` (lazy initialisation): the name now stands for the client.
      const b = value && !this.bindings.get(target.text)?.local ? this.derive(value) : undefined;
      if (b) this.bindings.set(target.text, b);
      let named = t.length === 0 && value && !isLiteralish(value) ? this.nameTaint(target.text, target) : t;
      if (named.length) named = withStep(named, this.step(target, `assigned to ${target.text}`));
      if (named.length && onlyUnshaped(named)) named = union(named, this.nameTaint(target.text, target, undefined, named));
      this.frame.env.assign(target.text, named);
      return;
    }
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      // window.location.href = url / location.href = url: the value becomes a URL.
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'href' && /(^|\.)location$/.test(this.describe(target.expression))) {
        this.urlSink(target, t, undefined);
      }
      let base: ts.Expression = target.expression;
      // `user.password = hashed` then `user.save()`: the key says what the document now stores.
      if (value && ts.isPropertyAccessExpression(target) && ts.isIdentifier(base) && this.frame.env.get(base.text) !== undefined) {
        const l = storedKeyLabel(this.keyJudge, target.name.text, this.ownerOf(this.frame.env.get(base.text)!, base), value, t, target.name);
        if (l) t = union(t, [l]);
      }
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

  protected varDecl(d: ts.VariableDeclaration): void {
    if (!d.initializer) {
      if (ts.isIdentifier(d.name)) this.frame.env.vars.set(d.name.text, EMPTY);
      return;
    }
    const init = d.initializer;
    if (ts.isIdentifier(d.name)) {
      const b = this.derive(init);
      if (b) this.bindings.set(d.name.text, b);
      // Made by another project module (`const client = makeClient()` from '@/app/client'):
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
  protected bind(name: ts.BindingName, t: Taint, init: ts.Expression | undefined, node?: ts.Node): void {
    if (ts.isIdentifier(name)) {
      let v = t;
      if (v.length === 0 && init && !isLiteralish(init)) v = this.nameTaint(name.text, name);
      else if (v.length && init) v = withStep(v, this.step(name, `assigned to ${name.text}`));
      // Only call results so far (resolved later, maybe to nothing): the name still tells.
      if (v.length && init && onlyUnshaped(v)) v = union(v, this.nameTaint(name.text, name, undefined, v));
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

  protected ownerOf(t: Taint, base: ts.Expression | undefined): string | undefined {
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

  protected member(e: ts.PropertyAccessExpression): Taint {
    const base = this.visit(e.expression);
    return this.project(base, e.expression, e.name.text, e.name);
  }

  protected project(base: Taint, baseExpr: ts.Expression, prop: string, node: ts.Node): Taint {
    // req.body / ctx.request.body / event.queryStringParameters: request input of unknown shape.
    const part = this.vocab.requestParts[prop];
    if (part) {
      const root = rootName(this.describe(baseExpr).split('.').slice(-1)[0] ?? '');
      if (this.vocab.requestNames.has(root) || base.some((l) => l.k === 'src')) {
        const what = prop === 'query' || prop === 'queryStringParameters' ? 'query string' : part;
        return [{ k: 'src', what, steps: [this.step(node, `${this.describe(baseExpr)}.${prop}: ${what}`)] }];
      }
    }
    // process.env.OPS_EMAIL is configuration (an operator's address), not a data subject's value.
    if (ts.isPropertyAccessExpression(baseExpr) && baseExpr.name.text === 'env' && ts.isIdentifier(baseExpr.expression) && baseExpr.expression.text === 'process') return EMPTY;
    // `options.to` on a function's options parameter: what callers put under that key (see values.option_bags).
    if (ts.isIdentifier(baseExpr) && isOptionBag(baseExpr.text) && !this.names(prop)) {
      const whole = base.filter((l) => l.k === 'param' && l.name === baseExpr.text);
      if (whole.length) return withStep(whole, this.step(node, `${baseExpr.text}.${prop}`));
    }
    let t = this.projectTaint(base, prop, () => this.describe(baseExpr), node, this.ownerOf(base, baseExpr));
    const allowed = t.length ? this.readThrough(baseExpr, base) : undefined;
    if (allowed) t = t.filter((l) => (l.k === 'cat' ? allowed.has(l.cat) : l.k !== 'type'));
    if (t.length && base.some((l) => l.k === 'src' && (l.what === 'query string' || l.what === 'path parameters'))) {
      for (const l of t) {
        if (l.k === 'cat') this.urlInputs.push({ step: l.steps[l.steps.length - 1]!, cat: l.cat, conf: l.conf, field: l.field, ctx: this.ctx() });
      }
    }
    return t;
  }

  /**
   * A property read through configuration (`config.smtp.user`, `ctx.env.ADMIN_EMAIL`) or request and
   * response metadata (`req.headers.email`, `res.email`): the only categories it may carry (none for
   * configuration), or undefined when the owner says nothing. Values known to hold data (a record, a
   * call result, a category) are never configuration, whatever they are called (`const res = await findUser()`).
   */
  protected readThrough(baseExpr: ts.Expression, base: Taint): ReadonlySet<string> | undefined {
    if (base.some((l) => l.k === 'cat' || l.k === 'type' || l.k === 'ret')) return undefined;
    const words = valueWords();
    const segments: string[] = [];
    let e = baseExpr;
    for (;;) {
      while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
      if (ts.isPropertyAccessExpression(e)) segments.unshift(e.name.text);
      else if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) segments.unshift(e.argumentExpression.text);
      else if (ts.isElementAccessExpression(e)) segments.unshift('');
      else {
        if (ts.isIdentifier(e)) segments.unshift(e.text);
        break;
      }
      e = e.expression;
    }
    const direct = words.metaOwners.get((segments[segments.length - 1] ?? '').toLowerCase());
    if (direct) return direct;
    // A function's own `config` parameter is its caller's data (see CONFIG_OWNERS); deeper, never.
    const param = base.some((l) => l.k === 'param');
    if (segments.some((s, i) => words.configOwners.has(s.toLowerCase()) && !(i === 0 && param && segments.length === 1))) return NOTHING;
    return undefined;
  }

  /** Reading property `prop` of a value: classified by name, or the whole value for containers. */
  protected projectTaint(base: Taint, prop: string, baseDesc: string | (() => string), node: ts.Node, owner: string | undefined): Taint {
    const desc = () => `${typeof baseDesc === 'string' ? baseDesc : baseDesc()}.${prop}`;
    const named = this.catLabel(prop, owner, desc, node, base);
    if (named.length) return named;
    // A field known only from its siblings on an untyped parameter (fieldsReadOn): `d.name` beside `d.email`.
    if (base.length && !this.vocab.containers.has(prop)) {
      const d = desc();
      const known = base.filter((l) => l.k === 'cat' && l.field === d);
      if (known.length) return withStep(known, this.step(node, d));
    }
    if (this.vocab.containers.has(prop)) return base;
    // files["id_photo_front"][0].path, prescriptionImage.buffer: the file's content or location is the file.
    if (base.length && valueWords().fileParts.has(prop.toLowerCase())) {
      const cats = base.filter((l) => l.k === 'cat');
      if (cats.length) return withStep(cats, this.step(node, desc()));
    }
    const ok = classifyOwner(prop);
    if (ok === 'person' || ok === 'record') {
      const src = base.find((l) => l.k === 'src' || l.k === 'type');
      const steps = src ? src.steps.slice(0, 1) : [];
      const d = desc();
      return [{ k: 'type', type: cap(prop), source: d, steps: [...steps, this.step(node, d)] }];
    }
    return EMPTY;
  }

  protected object(o: ts.ObjectLiteralExpression): Taint {
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
        else if (t.length && key && onlyUnshaped(t) && !ts.isIdentifier(p.initializer)) t = union(t, this.nameTaint(key, p.name, undefined, t));
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
    if (spread.length) this.objectSpreads.set(o, spread);
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
   * payload reaches a third party (see materialize in client-linking.ts): the key is the API's word.
   */
  protected keyed(key: string, t: Taint, value: ts.Expression, at: ts.Node, siblings: () => ReadonlyArray<string | undefined>): Taint {
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

  protected newExpr(n: ts.NewExpression): Taint {
    const args = (n.arguments ?? []).map((a) => (isFunctionLike(a) ? (this.closure(a), EMPTY) : this.visit(a)));
    const name = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : '';
    if (this.vocab.scheduleConstructors.has(name)) this.markScheduledArgs(n.arguments ?? []);
    // `new Account({ password: h, phone })` then `doc.save()`: a document of the app's own model.
    const obj = objectArg(n.arguments?.[0]);
    const owner = obj ? this.constructedModel(n.expression) : undefined;
    if (obj && owner) return union(unionAll(args), storedKeys(this.keyJudge, obj, owner));
    return unionAll(args);
  }

  /** The model a `new` builds when it is the project's own class or model (`new User(...)`, `new this.userModel(...)`). */
  private constructedModel(e: ts.Expression): string | undefined {
    if (ts.isIdentifier(e)) {
      const b = this.bindings.get(e.text);
      if (b?.entity) return b.entity;
      // The model the variable holds, not the store word (`accountDB`, `UserModel`).
      return b?.local === 'class' || (b?.module && isRelative(b.module)) ? e.text.replace(/(?<=.)(DB|Db|Model|Schema|Collection|Repository|Repo|Table)$/, '') : undefined;
    }
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && /Model$/.test(e.name.text)) {
      return this.frame.cls?.bindings.get(e.name.text)?.entity ?? cap(e.name.text.replace(/Model$/, ''));
    }
    return undefined;
  }

  protected urlSink(at: ts.Node, t: Taint, _url: ts.Expression | undefined): void {
    if (!isLive(t)) return;
    this.hits.push({ sink: { kind: 'url', api: this.describe(at as ts.Expression), label: 'URL' }, taint: EMPTY, urlTaint: t, step: this.step(at, 'URL'), ctx: this.ctx() });
  }

  protected fnInfo(key: string, name: string, node: ts.SignatureDeclaration, callable: boolean, className?: string): FnInfo {
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
}
