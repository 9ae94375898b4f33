/** Small AST helpers shared by the TS/JS declaration extractors. */
import { ts } from '../../parse.js';
import type { ProtectionHint } from '../types.js';

export interface Ctx {
  sf: ts.SourceFile;
  /** Which libraries the file mentions, computed once per file (never per node: that is quadratic). */
  uses: { mongoose: boolean; sequelize: boolean; yup: boolean; mikroOrm: boolean; drizzle: boolean; kysely: boolean; medusa: boolean };
}

export function makeCtx(sf: ts.SourceFile, lower: string): Ctx {
  return {
    sf,
    uses: {
      mongoose: lower.includes('mongoose'),
      sequelize: lower.includes('sequelize'),
      yup: lower.includes("from 'yup'") || lower.includes('from "yup"') || lower.includes("require('yup')"),
      mikroOrm: lower.includes('@mikro-orm'),
      drizzle: lower.includes('drizzle-orm'),
      kysely: lower.includes('kysely'),
      medusa: lower.includes('@medusajs/'),
    },
  };
}

export function pos(ctx: Ctx, node: ts.Node): { line: number; column: number } {
  const { line, character } = ctx.sf.getLineAndCharacterOfPosition(node.getStart(ctx.sf));
  return { line: line + 1, column: character + 1 };
}

/** Property name as text (identifier, string or number literal); undefined when computed. */
export function nameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** Callee name of a call or decorator: `Column` for @Column(), `define` for sequelize.define(). */
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

/** Text of a node, bounded: decorator options and column options are small. */
export function boundedText(ctx: Ctx, node: ts.Node, max = 2000): string {
  const start = node.getStart(ctx.sf);
  return ctx.sf.text.slice(start, Math.min(node.end, start + max));
}

const ENCRYPT = /encrypt|cipher|crypt/i;
const HASH = /\b(hash\w*|bcrypt\w*|argon2?\w*|scrypt\w*)\b/i;
const SELECT_FALSE = /\bselect\s*:\s*false\b/;

/** Protection measures visible in a field's options text (transformers, setters, select: false). */
export function protectionFromText(text: string): ProtectionHint[] {
  const out: ProtectionHint[] = [];
  if (ENCRYPT.test(text)) {
    out.push(
      /transformer/i.test(text)
        ? { kind: 'encryption', key: 'encryption:column-transformer', description: 'an encrypting column transformer is declared' }
        : { kind: 'encryption', key: 'encryption:declared', description: 'the declaration encrypts the value' },
    );
  } else if (HASH.test(text)) {
    out.push({ kind: 'hashing', key: 'hashing:declared', description: 'the declaration hashes the value' });
  }
  if (SELECT_FALSE.test(text)) out.push({ kind: 'hidden', key: 'access-control:select-false', description: 'not selected by default (select: false)' });
  return out;
}

/** Category hints from validator names: class-validator decorators and zod/joi/yup methods. */
const VALIDATOR_HINTS: Record<string, { category: string; confidence: 'high' | 'medium' | 'low' }> = {
  isemail: { category: 'digital-account', confidence: 'high' },
  email: { category: 'digital-account', confidence: 'high' },
  isphonenumber: { category: 'phone', confidence: 'high' },
  ismobilephone: { category: 'phone', confidence: 'high' },
  phone: { category: 'phone', confidence: 'medium' },
  iscreditcard: { category: 'financial', confidence: 'high' },
  creditcard: { category: 'financial', confidence: 'high' },
  isiban: { category: 'financial', confidence: 'high' },
  isidentitycard: { category: 'national-id', confidence: 'high' },
  ispassportnumber: { category: 'passport', confidence: 'high' },
  islatitude: { category: 'location', confidence: 'medium' },
  islongitude: { category: 'location', confidence: 'medium' },
  islatlong: { category: 'location', confidence: 'medium' },
  isstrongpassword: { category: 'credentials', confidence: 'high' },
  ispostalcode: { category: 'address', confidence: 'medium' },
  isip: { category: 'online-activity', confidence: 'low' },
  ip: { category: 'online-activity', confidence: 'low' },
  ipv4: { category: 'online-activity', confidence: 'low' },
  istaxid: { category: 'tax-id', confidence: 'medium' },
};

export function validatorHint(name: string, framework: string): { category: string; confidence: 'high' | 'medium' | 'low'; reason: string } | undefined {
  const h = VALIDATOR_HINTS[name.toLowerCase()];
  return h && { ...h, reason: `${framework} validator ${name}` };
}
