/**
 * Parse a TS/JS file ONCE; declarations and flows both walk the same tree.
 *
 * Parser choice, measured (one core, Node 20, each file parsed once, on the shared 2-core box:
 * absolute numbers move with the load of other jobs, the ratio between parsers does not):
 *  A. node_modules/{typescript,ts-morph,@ts-morph} .js/.ts/.d.ts, 141 files, 669k lines, 33.5 MB:
 *       ts.createSourceFile, setParentNodes=true    ≈ 153,000 lines/s
 *       ts.createSourceFile, setParentNodes=false   ≈ 216,000 lines/s
 *       typescript-estree parse({loc, range})        ≈  45,000 lines/s
 *  B. 822 .js/.ts files of node_modules (no .d.ts, no minified), 600k lines, 24 MB, load avg ≈ 11,
 *     second (warm) pass:
 *       ts.createSourceFile, setParentNodes=true    ≈  38,000 lines/s
 *       ts.createSourceFile, setParentNodes=false   ≈  57,000 lines/s
 *       typescript-estree parse({loc, range})        ≈  14,700 lines/s
 * typescript-estree runs the same TypeScript parser first and then converts the tree to ESTree,
 * so it can only be slower (2.6-3.4x here) and alone it would eat the whole 50,000 lines/s budget.
 * The TypeScript tree also keeps decorators, type annotations and JSDoc in one shape for .ts and
 * .js alike. Parent pointers cost 30-35% but make walking up (decorators → class, property →
 * object literal) trivial, so they are on. Per-file parsing keeps memory bounded: nothing is
 * retained after the caller drops the SourceFile.
 */
import { ts } from 'ts-morph';
import { extensionOf } from './scope.js';

export { ts };
export type SourceFile = ts.SourceFile;

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

/** True for files parseSource understands (.ts .tsx .mts .cts .js .jsx .mjs .cjs). */
export { isScriptFile } from './scope.js';

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

/**
 * Grammar rules of strict mode and of modern targets that sloppy-mode JavaScript does not follow
 * (legacy octal and leading-zero numbers such as `phone: 0912345678`, `with`, reserved words such
 * as `package` used as names, function declarations in blocks, a stray top-level `await`): the
 * parser still builds the complete tree, so such a file is read, not skipped.
 */
const TREE_INTACT = new Set([1100, 1101, 1102, 1121, 1212, 1213, 1214, 1215, 1250, 1251, 1252, 1308, 1489]);

/** First syntax error as "line:col message", or undefined when the file parsed cleanly. */
export function syntaxError(sourceFile: ts.SourceFile): string | undefined {
  const diags = (sourceFile as unknown as WithParseDiagnostics).parseDiagnostics;
  const d = diags?.find((x) => !TREE_INTACT.has(x.code));
  if (!d) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start);
  return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
}

/** 1-based line and UTF-16 column of a node's first token (skipping leading trivia). */
export function positionOf(sourceFile: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
}
