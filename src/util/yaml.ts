import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { ConfigError } from './errors.js';

/** The YAML parser, loaded on first use: a run without a config file and with the prebuilt rule catalogue parses no YAML. */
let yaml: typeof Yaml | undefined;
const lib = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Parse a YAML file; syntax errors become a ConfigError naming the file and line. */
export function readYamlFile(file: string, displayName = file): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${displayName}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { parse, YAMLParseError } = lib();
  try {
    return parse(text, { uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0] ? `:${err.linePos[0].line}:${err.linePos[0].col}` : '';
      throw new ConfigError(`${displayName}${where}: invalid YAML: ${err.message.split('\n')[0]}`);
    }
    // The parser's other refusals (an alias bomb: "Excessive alias count") are the file's fault too.
    throw new ConfigError(`${displayName}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}
