/**
 * Which files code understanding reads. Kept free of the TypeScript parser so the file pipeline
 * can decide per file without loading it.
 */

/** Extensions the TypeScript parser reads (see parse.ts for the script kinds). */
export const SCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs']);

/** Schema and API description files whose declarations are extracted without the parser. */
export const SCHEMA_EXTENSIONS: ReadonlySet<string> = new Set(['prisma', 'sql', 'graphql', 'gql', 'graphqls', 'json', 'yaml', 'yml']);

export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot + 1).toLowerCase() : '';
}

export function isScriptFile(path: string): boolean {
  return SCRIPT_EXTENSIONS.has(extensionOf(path));
}

/** Whether declarations or flows may be found in a file with this path (cheap pre-filter). */
export function isCodeFile(path: string): boolean {
  const ext = extensionOf(path);
  return SCRIPT_EXTENSIONS.has(ext) || SCHEMA_EXTENSIONS.has(ext);
}

// Test code declares throw-away models and mocks SDK calls: its "flows" never run in production.
// Directory names are matched as whole path segments; file names by their .test/.spec/.stories part.
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', '__fixtures__', 'e2e', 'cypress', 'playwright', 'spec', 'specs', 'testing', 'test-utils']);
const TEST_FILE = /\.(test|spec|e2e-spec|e2e|stories|story|cy|mock|mocks)\.[cm]?[jt]sx?$/i;

/** A test, spec, story or mock file (scan-relative path with forward slashes). */
export function isTestPath(path: string): boolean {
  if (TEST_FILE.test(path)) return true;
  const segments = path.split('/');
  segments.pop();
  return segments.some((s) => TEST_DIRS.has(s.toLowerCase()));
}

/** The files code understanding analyses: code and schema files, outside tests unless asked for. */
export function wantsCodeAnalysis(path: string, opts: { includeTests?: boolean } = {}): boolean {
  return isCodeFile(path) && (opts.includeTests === true || !isTestPath(path));
}
