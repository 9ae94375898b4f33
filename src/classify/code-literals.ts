/**
 * Values are literals (issue 12): in TS/JS, a personal value is text a developer wrote down — a
 * string, template or number literal, JSX text, a comment — never an expression. Detectors read
 * `userId: poll.userId` or `password: user.password!` as key/value text and report the identifier
 * as a login name or a password; a value whose span touches an identifier (or `this`/`super`)
 * in the parsed file is an expression and is dropped.
 *
 * The file is parsed only when it has value findings, without parent pointers (the cheaper mode,
 * see src/sources/code/parse.ts for the measurements). ts-morph's TypeScript is the module code
 * analysis already loads, so a scan with code analysis pays for no second copy.
 */
import type { Finding, Location } from '../model/finding.js';

type TypeScript = typeof import('ts-morph').ts;
type SourceFile = import('ts-morph').ts.SourceFile;
type Node = import('ts-morph').ts.Node;

let loading: Promise<TypeScript> | undefined;
const loadTypeScript = () => (loading ??= import('ts-morph').then((m) => m.ts));

const SCRIPT_KIND: Record<string, 'TS' | 'TSX' | 'JS' | 'JSX'> = { ts: 'TS', mts: 'TS', cts: 'TS', tsx: 'TSX', js: 'JS', mjs: 'JS', cjs: 'JS', jsx: 'JSX' };

export function scriptKindOf(rel: string): 'TS' | 'TSX' | 'JS' | 'JSX' | undefined {
  const dot = rel.lastIndexOf('.');
  return dot < rel.lastIndexOf('/') || dot < 0 ? undefined : SCRIPT_KIND[rel.slice(dot + 1).toLowerCase()];
}

/**
 * Categories whose values in code are mostly a field's vocabulary rather than a person's value:
 * `'male' | 'female'` in a type, `enum: ['Nam', 'Nữ']`, `gender || 'male'`, `=== 'female'`.
 */
const VOCABULARY_CATEGORIES = new Set(['gender']);

/** Property names whose value describes a field (its allowed or default values), not a record. */
/** A field's vocabulary is words ('female', 'Không xác định'), not sentences or records. */
const MAX_VOCABULARY_CHARS = 32;

const DESCRIBING_KEYS = new Set(['enum', 'values', 'options', 'choices', 'oneof', 'allowed', 'allowedvalues', 'isin', 'in', 'default', 'defaultvalue', 'defaultsto', 'placeholder']);

/** Whether a string literal, by its place in the syntax, names a value a field may take. */
function describesField(ts: TypeScript, sf: SourceFile, parents: readonly Node[]): boolean {
  const parent = parents[parents.length - 1];
  if (!parent) return false;
  const S = ts.SyntaxKind;
  switch (parent.kind) {
    case S.LiteralType:
    case S.CaseClause:
    case S.EnumMember:
    case S.Parameter:
      return true;
    case S.BinaryExpression: {
      const op = (parent as import('ts-morph').ts.BinaryExpression).operatorToken.kind;
      return [S.BarBarToken, S.QuestionQuestionToken, S.EqualsEqualsEqualsToken, S.ExclamationEqualsEqualsToken, S.EqualsEqualsToken, S.ExclamationEqualsToken].includes(op);
    }
    case S.PropertyAssignment:
      return DESCRIBING_KEYS.has(keyOf(ts, sf, parent as import('ts-morph').ts.PropertyAssignment));
    case S.ArrayLiteralExpression: {
      // A list of options: every element a short string literal, at least two of them.
      const list = parent as import('ts-morph').ts.ArrayLiteralExpression;
      return list.elements.length >= 2 && list.elements.every((e) => ts.isStringLiteralLike(e) && e.text.length <= MAX_VOCABULARY_CHARS);
    }
    case S.CallExpression: {
      // DataTypes.ENUM('Nam', 'Nữ'), Joi.valid('male', 'female'), z.literal('male').
      const call = parent as import('ts-morph').ts.CallExpression;
      return call.arguments.length >= 2 ? call.arguments.every((a) => ts.isStringLiteralLike(a)) : /(?:enum|valid|literal|oneof|isin|equals)$/i.test(call.expression.getText(sf));
    }
    default:
      return false;
  }
}

function keyOf(ts: TypeScript, sf: SourceFile, p: import('ts-morph').ts.PropertyAssignment): string {
  const n = p.name;
  const text = ts.isIdentifier(n) || ts.isStringLiteralLike(n) ? n.text : n.getText(sf);
  return text.toLowerCase();
}

interface Spans {
  /** Identifiers, `this` and `super`: expressions, never values. */
  expressions: Int32Array;
  /** String literals that name a value a field may take (see describesField). */
  describing: Int32Array;
  /** Initializers of declarations named as samples (`export const samples = [...]`), with the name. */
  samples: Array<{ start: number; end: number; name: string }>;
}

/** Words of a declaration's name that say its value is made up for show or for tests. */
const SAMPLE_WORDS = new Set(['sample', 'samples', 'example', 'examples', 'mock', 'mocks', 'mocked', 'fake', 'fakes', 'dummy', 'dummies', 'demo', 'demos', 'fixture', 'fixtures', 'stub', 'stubs', 'placeholder', 'placeholders']);

/** `samplePayloads`, `MOCK_USERS`, `demo-accounts`: whether a name says its value is a sample. */
export function namesSample(name: string): boolean {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => SAMPLE_WORDS.has(w));
}

/** Sorted, non-overlapping [start, end) UTF-16 spans of expressions and of field-describing literals. */
function literalSpans(ts: TypeScript, sf: SourceFile): Spans {
  const spans: number[] = [];
  const describing: number[] = [];
  const samples: Spans['samples'] = [];
  const parents: Node[] = [];
  const visit = (node: Node): void => {
    const k = node.kind;
    if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.initializer && (ts.isIdentifier(node.name) || ts.isStringLiteralLike(node.name)) && namesSample(node.name.text)) {
      samples.push({ start: node.initializer.getStart(sf), end: node.initializer.end, name: node.name.text });
    }
    if (k === ts.SyntaxKind.Identifier || k === ts.SyntaxKind.PrivateIdentifier || k === ts.SyntaxKind.ThisKeyword || k === ts.SyntaxKind.SuperKeyword) {
      spans.push(node.getStart(sf), node.end);
      return;
    }
    if (ts.isStringLiteralLike(node)) {
      // An initializer (PropertyAssignment) is the parent only when the literal is its value.
      const parent = parents[parents.length - 1];
      const isValue = !parent || !ts.isPropertyAssignment(parent) || parent.initializer === node;
      if (isValue && node.text.length <= MAX_VOCABULARY_CHARS && describesField(ts, sf, parents)) describing.push(node.getStart(sf), node.end);
      return;
    }
    parents.push(node);
    ts.forEachChild(node, visit);
    parents.pop();
  };
  ts.forEachChild(sf, visit);
  return { expressions: Int32Array.from(spans), describing: Int32Array.from(describing), samples };
}

function overlapsSpan(spans: Int32Array, start: number, end: number): boolean {
  // Binary search for the first span ending after start.
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid * 2 + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && spans[lo * 2]! < end;
}

/** UTF-16 offsets of line starts, by '\n' like LineIndex (so finding columns map back exactly). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetOf(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}

function span(starts: number[], loc: Location): [number, number] {
  const start = offsetOf(starts, loc.line, loc.column);
  const end = loc.endLine && loc.endColumn ? offsetOf(starts, loc.endLine, loc.endColumn) : start + 1;
  return [start, Math.max(end, start + 1)];
}

/**
 * The findings without value findings that sit on code expressions, nor field-vocabulary values
 * (a gender in a type, an enum list, a default or a comparison); a value inside a declaration
 * named as a sample (`samples`, `mockUser`, `DEMO_ACCOUNTS`) gets `properties.sampleOf`. Non-script files and files
 * without value findings come back unchanged (and unparsed).
 */
export async function dropExpressionValues(findings: Finding[], rel: string, readText: () => string): Promise<Finding[]> {
  const kind = scriptKindOf(rel);
  if (!kind || !findings.some((f) => f.kind === 'value' && f.location)) return findings;
  const ts = await loadTypeScript();
  const text = readText();
  let spans: Spans;
  try {
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, false, ts.ScriptKind[kind]);
    spans = literalSpans(ts, sf);
  } catch {
    // Absurd nesting overflows the parser's stack: keep the findings rather than lose the file.
    return findings;
  }
  const starts = lineStarts(text);
  return findings.filter((f) => {
    if (f.kind !== 'value' || !f.location) return true;
    const [s, e] = span(starts, f.location);
    if (overlapsSpan(spans.expressions, s, e)) return false;
    if (VOCABULARY_CATEGORIES.has(f.category) && overlapsSpan(spans.describing, s, e)) return false;
    // Recorded, not dropped: the value is judged synthetic with the others (src/scan/value-context.ts).
    const sample = spans.samples.find((x) => x.start <= s && e <= x.end);
    if (sample) f.properties = { ...f.properties, sampleOf: sample.name };
    return true;
  });
}
