import path from 'node:path';
import { ConfigError } from '../../util/errors.js';

/** FILE.json or FILE.md: checked before a scan, without loading the inventory builder. */
export function inventoryFormatOf(file: string): 'json' | 'md' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return 'md';
  throw new ConfigError(`${file}: the inventory file must end in .json or .md`);
}
