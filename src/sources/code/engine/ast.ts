/**
 * The syntax toolkit shared by the declaration walkers and the flow analysis: call chains,
 * property and decorator names, string properties of option objects. Nothing here knows a
 * framework; frameworks/ names the decorators and methods that matter.
 */
import { ts } from 'ts-morph';

/** A call's callee as a root name and the member names after it (calls in between remembered). */
export interface Chain {
  /** Identifier, "this.x" for class members, or "" when the root is something else. */
  root: string;
  members: string[];
  /** The call expression applied right after members[i], if any (db.collection('users').insertOne). */
  callAfter: Array<ts.CallExpression | undefined>;
  /** A call applied to the root itself: table('users').insert(...). */
  rootCall?: ts.CallExpression;
}

export function chainOf(callee: ts.Expression): Chain {
  const members: string[] = [];
  const callAfter: Array<ts.CallExpression | undefined> = [];
  let pending: ts.CallExpression | undefined;
  let x: ts.Expression = callee;
  for (;;) {
    if (ts.isPropertyAccessExpression(x)) {
      members.unshift(x.name.text);
      callAfter.unshift(pending);
      pending = undefined;
      x = x.expression;
    } else if (ts.isElementAccessExpression(x)) {
      members.unshift(ts.isStringLiteralLike(x.argumentExpression) ? x.argumentExpression.text : '[]');
      callAfter.unshift(pending);
      pending = undefined;
      x = x.expression;
    } else if (ts.isCallExpression(x)) {
      pending = x;
      x = x.expression;
    } else if (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isAwaitExpression(x) || ts.isAsExpression(x)) {
      x = x.expression;
    } else break;
  }
  if (x.kind === ts.SyntaxKind.ThisKeyword && members.length > 0) {
    const first = members.shift()!;
    const firstCall = callAfter.shift();
    return { root: `this.${first}`, members, callAfter, ...(firstCall ? { rootCall: firstCall } : {}) };
  }
  if (ts.isIdentifier(x)) return { root: x.text, members, callAfter, ...(pending ? { rootCall: pending } : {}) };
  return { root: '', members, callAfter };
}

/** The last plain name of a root ("this.logger" → "logger"). */
export function rootName(root: string): string {
  return root.startsWith('this.') ? root.slice(5) : root;
}

export function isFunctionLike(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

export function unwrapExpr(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isAwaitExpression(x) || ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return x;
}

/** Expressions a function body returns (not those of functions nested in it). */
export function returnedExpressions(body: ts.Block): ts.Expression[] {
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
export function usesAny(e: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(e)) return names.has(e.text);
  // `cfg.orderId` reads a property named orderId, not the parameter orderId.
  if (ts.isPropertyAccessExpression(e)) return usesAny(e.expression, names);
  return ts.forEachChild(e, (c) => usesAny(c, names) || undefined) ?? false;
}

/** Values assigned to `name` in a function body (`if (!cached) cached = new Sdk(k)`). */
export function assignedValues(body: ts.Block, name: string): ts.Expression[] {
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
export function localConstInit(id: ts.Identifier): ts.Expression | undefined {
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

export function propName(n: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

export function isLiteralish(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isRegularExpressionLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword ||
    ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isNewExpression(e) || isFunctionLike(e) ||
    ts.isTemplateExpression(e) || ts.isBinaryExpression(e) || ts.isPrefixUnaryExpression(e)
  );
}

/** Type name of a type annotation: `UsersService`, `Repository<User>` → Repository (entity User). */
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
    // nested config: new Sdk({ ...base, region }) or { credentials, config: { region } }
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer)) {
        const inner = objectStringProp(p.initializer, names, consts);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** Property name as text (identifier, string or number literal); undefined when computed. */
export function nameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** Callee name of a call or decorator: `Column` for @Column(), `define` for orm.define(). */
export function calleeName(expr: ts.Expression): string | undefined {
  if (ts.isCallExpression(expr)) return calleeName(expr.expression);
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

export interface DecoratorInfo {
  name: string;
  args: readonly ts.Expression[];
  node: ts.Decorator;
}

export function decoratorsOf(node: ts.Node): DecoratorInfo[] {
  if (!ts.canHaveDecorators(node)) return [];
  const out: DecoratorInfo[] = [];
  for (const d of ts.getDecorators(node) ?? []) {
    const name = calleeName(d.expression);
    if (name) out.push({ name, args: ts.isCallExpression(d.expression) ? d.expression.arguments : [], node: d });
  }
  return out;
}

/** Leftmost identifier of a chain: `z` for z.string().email(), `Joi` for Joi.object().keys(). */
export function chainRoot(expr: ts.Expression): string | undefined {
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else break;
  }
  return ts.isIdentifier(e) ? e.text : undefined;
}

/** Method names called along a chain: ["string", "email", "optional"] for z.string().email().optional(). */
export function chainMethods(expr: ts.Expression): string[] {
  const out: string[] = [];
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e)) {
      out.push(e.name.text);
      e = e.expression;
    } else break;
  }
  return out.reverse();
}

export function objectProperty(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && nameText(p.name) === key) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name;
  }
  return undefined;
}

export function stringValue(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  return undefined;
}

/** Nearest name for an anonymous schema object: variable, property, function, class, or export. */
export function enclosingName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isVariableDeclaration(n)) return nameText(n.name);
    if (ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n)) return nameText(n.name);
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return nameText(n.name);
  }
  return undefined;
}
