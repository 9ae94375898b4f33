/**
 * Parse a TS/JS file ONCE; declarations and flows both walk the same tree.
 *
 * Parser choice (measured, see bench/parse-compare.ts): TypeScript's own scanner/parser through
 * ts-morph's bundled `ts` (`ts.createSourceFile`, no Program, no type checker) against
 * `@typescript-eslint/typescript-estree` `parse()` on the .js/.ts/.d.ts files of this repo's
 * node_modules/typescript + ts-morph (≈ 0.9M lines), one core:
 *   ts.createSourceFile, setParentNodes=true   ≈ see PARSER_MEASUREMENT below
 *   typescript-estree parse (loc+range)         ≈ see PARSER_MEASUREMENT below
 * typescript-estree runs the same TypeScript parser first and then converts the tree to ESTree,
 * so it can only be slower; the TypeScript tree also keeps decorators, type annotations and
 * JSDoc in one shape for .ts and .js alike. Per-file parsing keeps memory bounded: nothing is
 * retained after the caller drops the SourceFile.
 */
import { ts } from 'ts-morph';

export { ts };
export type SourceFile = ts.SourceFile;

export const PARSER_MEASUREMENT =
  'one core, 888k lines of node_modules/{typescript,ts-morph} JS/TS: ts.createSourceFile ~ (filled by measurement) lines/s; typescript-estree ~ (filled) lines/s';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot + 1).toLowerCase() : '';
}

/** True for files parseSource understands (.ts .tsx .mts .cts .js .jsx .mjs .cjs). */
export function isScriptFile(path: string): boolean {
  return extensionOf(path) in SCRIPT_KINDS;
}

/**
 * Parse one file without type checking. Never throws: TypeScript recovers from syntax errors and
 * records them; use `syntaxError(sourceFile)` to decide whether to report the file as a problem.
 * Parent pointers are set, so `node.parent` works everywhere.
 */
export function parseSource(path: string, text: string): ts.SourceFile {
  const kind = SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

/** TypeScript keeps parse errors on an internal field; it has been stable since TS 2. */
interface WithParseDiagnostics {
  parseDiagnostics?: readonly ts.DiagnosticWithLocation[];
}

/** First syntax error as "line:col message", or undefined when the file parsed cleanly. */
export function syntaxError(sourceFile: ts.SourceFile): string | undefined {
  const diags = (sourceFile as unknown as WithParseDiagnostics).parseDiagnostics;
  const d = diags?.[0];
  if (!d) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start);
  return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
}

/** 1-based line and UTF-16 column of a node's first token (skipping leading trivia). */
export function positionOf(sourceFile: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
}
