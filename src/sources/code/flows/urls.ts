/**
 * Where an HTTP call goes: the URL prefix an expression evaluates to, as far as the file shows
 * (string literals, template heads, module string constants, `new URL(path, base)`), and whether
 * the host is internal (relative URL, localhost, private network) or another organisation's.
 */
import { ts } from 'ts-morph';

export interface UrlShape {
  /** The known leading text of the URL ("https://api.example.vn/v1/users?"). */
  prefix: string;
  /** True when the whole URL is known text (no holes). */
  complete: boolean;
  /** Name of an environment variable used as the base (INSURANCE_API_URL), when that is all we know. */
  env?: string;
}

/** Leading text of a string expression, using module constants for identifiers. */
export function urlShape(e: ts.Expression | undefined, consts: Map<string, string>, depth = 0): UrlShape | undefined {
  if (!e || depth > 4) return undefined;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return urlShape(e.expression, consts, depth + 1);
  if (ts.isStringLiteralLike(e)) return { prefix: e.text, complete: true };
  if (ts.isTemplateExpression(e)) {
    let prefix = e.head.text;
    for (const span of e.templateSpans) {
      const inner = urlShape(span.expression, consts, depth + 1);
      if (!inner || !inner.complete) {
        if (inner?.env && !prefix) return inner;
        if (inner) prefix += inner.prefix;
        else if (!prefix) {
          const env = envName(span.expression);
          return env ? { prefix: '', complete: false, env } : undefined;
        }
        return { prefix, complete: false };
      }
      prefix += inner.prefix + span.literal.text;
    }
    return { prefix, complete: true };
  }
  if (ts.isIdentifier(e)) {
    const v = consts.get(e.text);
    return v !== undefined ? { prefix: v, complete: true } : undefined;
  }
  // `this.baseUrl`: a string field of the enclosing class (kept under "this.baseUrl" while it is analysed).
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const v = consts.get(`this.${e.name.text}`);
    return v !== undefined ? { prefix: v, complete: true } : undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = urlShape(e.left, consts, depth + 1);
    if (!left) {
      const env = envName(e.left);
      return env ? { prefix: '', complete: false, env } : undefined;
    }
    if (!left.complete) return left;
    const right = urlShape(e.right, consts, depth + 1);
    return right ? { prefix: left.prefix + right.prefix, complete: right.complete } : { prefix: left.prefix, complete: false };
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.length) {
    const [p, base] = e.arguments;
    const b = base ? urlShape(base, consts, depth + 1) : undefined;
    const first = urlShape(p, consts, depth + 1);
    if (first && /^[a-z]+:\/\//i.test(first.prefix)) return first;
    if (b) return { prefix: b.prefix, complete: false };
    return first;
  }
  const env = envName(e);
  if (env) return { prefix: '', complete: false, env };
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return urlShape(e.left, consts, depth + 1) ?? urlShape(e.right, consts, depth + 1);
  }
  return undefined;
}

/** process.env.X / process.env['X'] / env.X / import.meta.env.X / configService.get('X') / env('X') → X */
export function envName(e: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const inner = e.expression;
    if (ts.isIdentifier(inner.expression) && inner.expression.text === 'process' && inner.name.text === 'env') return e.name.text;
  }
  // A validated env object (t3-env `env.WEBHOOK_URL`, `serverEnv.X`) or Vite's import.meta.env.X: an upper-case name.
  if (ts.isPropertyAccessExpression(e) && /^[A-Z][A-Z0-9_]*$/.test(e.name.text)) {
    const o = e.expression;
    if (ts.isIdentifier(o) && /^(env|[a-z]+Env|ENV)$/.test(o.text)) return e.name.text;
    if (ts.isPropertyAccessExpression(o) && o.name.text === 'env' && ts.isMetaProperty(o.expression)) return e.name.text;
  }
  if (ts.isElementAccessExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isStringLiteralLike(e.argumentExpression)) {
    const inner = e.expression;
    if (ts.isIdentifier(inner.expression) && inner.expression.text === 'process' && inner.name.text === 'env') return e.argumentExpression.text;
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'get') {
    const a = e.arguments[0];
    if (a && ts.isStringLiteralLike(a) && /^[A-Z][A-Z0-9_]*$/.test(a.text)) return a.text;
  }
  // Small env helpers: env('SMTP_HOST'), getEnv('API_URL'), requireEnv('X').
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && /^(env|getEnv|requireEnv|readEnv|mustEnv)$/.test(e.expression.text)) {
    const a = e.arguments[0];
    if (a && ts.isStringLiteralLike(a) && /^[A-Z][A-Z0-9_]*$/.test(a.text)) return a.text;
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return envName(e.left);
  }
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return envName(e.expression);
  return undefined;
}

export function hostOf(prefix: string): string | undefined {
  const m = /^(?:https?|wss?):\/\/([^/?#@\s]*@)?([^/?#:@\s]+)/i.exec(prefix);
  if (!m) return undefined;
  const host = m[2]!.toLowerCase();
  // A host ending in a template hole ("https://api.") is not a host yet.
  if (host.endsWith('.') || host.endsWith('-')) return undefined;
  return host;
}

const PRIVATE_V4 = /^(10\.|127\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.0\.0\.0$)/;

/** Hosts that belong to the organisation itself (or to the machine), not to a recipient. */
export function isInternalHost(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  if (PRIVATE_V4.test(host)) return true;
  if (!host.includes('.')) return true; // docker-compose / k8s service names: "api", "payments"
  return /\.(local|internal|localhost|lan|svc|cluster\.local|svc\.cluster\.local|test|example|invalid)$/.test(host) || /(^|\.)example\.(com|org|net)$/.test(host);
}

/** Is this URL relative to the app itself ("/api/users", "./x", "?q=")? */
export function isRelativeUrl(prefix: string): boolean {
  return prefix.startsWith('/') && !prefix.startsWith('//') ? true : prefix.startsWith('./') || prefix.startsWith('?');
}
