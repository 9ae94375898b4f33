import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { ConfigError } from './errors.js';

/** Parse a YAML file; syntax errors become a ConfigError naming the file and line. */
export function readYamlFile(file: string, displayName = file): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${displayName}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
