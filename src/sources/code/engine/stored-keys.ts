/**
 * Keys written to the application's own storage. `prisma.user.update({ data: { refreshToken: hash,
 * lastLoginAt: new Date() } })`, `Account.findOneAndUpdate(f, { password: h })`, `db.update(users).set({
 * name })`, `doc.password = h; doc.save()`: a reviewer reads each as storing credentials, online
 * activity or a name, even when the value's own path says nothing (a hash, a date, a value from a
 * library). The key is judged with the model as owner (`prisma.project.update({ data: { name } })`
 * stores no person's name), one confidence level below the name's, and only where the value is not
 * already traced to a category. These labels count at storage sinks only (materialize).
 */
import { ts } from 'ts-morph';
import type { Confidence } from '../../../model/finding.js';
import { classifyIdentifier, type NameMatch } from '../../../classify/names.js';
import { propName } from './ast.js';
import { EMPTY, union, type CatLabel, type Step, type Taint } from './taint.js';

export interface KeyJudge {
  names(name: string, owner?: string): NameMatch | undefined;
  step(node: ts.Node, message: string): Step;
  /** What each key of an object literal already visited carries. */
  valuesOf(obj: ts.ObjectLiteralExpression): ReadonlyMap<string, Taint> | undefined;
  /** What its spreads carry. */
  spreadOf(obj: ts.ObjectLiteralExpression): Taint | undefined;
}

/** Constants say nothing of a person (`isAdmin: true`, `refreshToken: null` clears it, `role: 'admin'`). */
function constant(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return (
    ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) ||
    e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(e) && e.text === 'undefined') ||
    (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) ||
    ts.isArrayLiteralExpression(e) && e.elements.length === 0
  );
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * The label of one key written with value `value` (taint `t`) to a model `owner`, or undefined when
 * the key names no category for that owner, the value is a constant, or its path already says what it is.
 */
export function storedKeyLabel(judge: KeyJudge, key: string, owner: string | undefined, value: ts.Expression, t: Taint, at: ts.Node): CatLabel | undefined {
  if (constant(value) || t.some((l) => l.k === 'cat' && !l.keyed && !l.stored)) return undefined;
  const m = judge.names(key, owner);
  if (!m) return undefined;
  // Payload-key labels (interpreter.keyed) are the key again, not the value.
  const own = t.filter((l) => !(l.k === 'cat' && l.keyed));
  const hashed = own.length > 0 && own.every((l) => l.k === 'prot');
  const prot = m.protection === 'hashing' || m.protection === 'encryption' || hashed;
  const how = prot ? `stored ${m.protection === 'encryption' || t.some((l) => l.k === 'prot' && l.how.startsWith('encryption')) ? 'encrypted' : 'hashed'}` : '';
  // The value is the function's own parameter: callers passing personal data say more (call-sites.ts).
  const param = t.find((l) => l.k === 'param');
  const field = `${owner ? `${owner}.${key}` : key}${how ? ` (${how})` : ''}`;
  return {
    k: 'cat',
    cat: m.category,
    conf: LOWER[m.confidence],
    field,
    stored: true,
    ...(param?.k === 'param' ? { arg: { fn: param.fn, index: param.index } } : {}),
    steps: [judge.step(at, `key ${key} written${owner ? ` to ${owner}` : ''} (${m.category}${how ? `, ${how}` : ''})`)],
  };
}

/** Labels of the keys of an object literal written to storage; Mongo update operators (`$set`) are looked into. */
export function storedKeys(judge: KeyJudge, obj: ts.ObjectLiteralExpression, owner: string | undefined, depth = 0): Taint {
  const values = judge.valuesOf(obj);
  let out = EMPTY;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = propName(p.name);
    if (!key) continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    if (key.startsWith('$')) {
      if (depth < 1 && ts.isObjectLiteralExpression(value)) out = union(out, storedKeys(judge, value, owner, depth + 1));
      continue;
    }
    const l = storedKeyLabel(judge, key, owner, value, values?.get(key) ?? EMPTY, p.name);
    if (l) out = union(out, [l]);
  }
  return out;
}

/**
 * `data: { ...input, id }` written to a model: what the spread holds lands in the model's fields,
 * whatever its own shape says (a parameter typed by the framework, a validated body). The model's
 * declared fields stand for it, one level lower (TypeLabel.stored), when the spread may carry data.
 */
export function spreadIntoModel(judge: KeyJudge, obj: ts.ObjectLiteralExpression, model: string): Taint {
  const spread = judge.spreadOf(obj) ?? EMPTY;
  const at = obj.properties.find(ts.isSpreadAssignment);
  // A callback's parameter carries no label of its own (`createUser: async (data) => ...`): it is still input.
  if (!at || (!spread.some((l) => l.k !== 'prot') && !isParameter(at.expression))) return EMPTY;
  // A spread whose shape is known (a DTO, fields read by name) says itself what is written.
  if (spread.some((l) => l.k === 'type' || l.k === 'cat')) return EMPTY;
  // Standing for a parameter, it is what the wrapper knows when its callers pass nothing personal (call-sites.ts).
  const param = spread.find((l) => l.k === 'param');
  const via = param?.k === 'param' ? { via: { fn: param.fn, index: param.index } } : {};
  return [{ k: 'type', type: model, stored: true, ...via, source: `object spread into a write to ${model}`, steps: [judge.step(at, `spread into ${model} (its fields)`)] }];
}

/** The name is a parameter of an enclosing function (`(data) =>`, `({ id, ...data }) =>`). */
function isParameter(e: ts.Expression): boolean {
  if (!ts.isIdentifier(e)) return false;
  const declares = (n: ts.BindingName): boolean =>
    ts.isIdentifier(n) ? n.text === e.text : n.elements.some((el) => !ts.isOmittedExpression(el) && declares(el.name));
  for (let n: ts.Node | undefined = e.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters.some((p) => declares(p.name))) return true;
  }
  return false;
}

/** The object literal an argument is, through parentheses, `await` and type assertions. */
export function objectArg(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isAwaitExpression(e) || ts.isSatisfiesExpression(e))) e = e.expression;
  return e && ts.isObjectLiteralExpression(e) ? e : undefined;
}

/**
 * A label known from a payload key (interpreter.keyed, judged without owner) that reaches a storage
 * write of `model`: the key judged again with the model as owner, as a key written.
 */
export function storedFromPayloadKey(l: CatLabel, model: string): CatLabel | undefined {
  const key = l.field.slice(l.field.lastIndexOf('.') + 1);
  const m = classifyIdentifier(key, model);
  if (!m) return undefined;
  const { keyed: _keyed, ...rest } = l;
  return { ...rest, cat: m.category, conf: LOWER[m.confidence], field: `${model}.${key}`, stored: true };
}
