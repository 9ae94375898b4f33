/**
 * --only / --except table patterns: glob-like (`*` any run of characters, `?` one), compared
 * case-insensitively with the qualified name (`public.khach_hang`, `shop.orders`; PostgreSQL also
 * `database.schema.table`) and, for patterns
 * without a dot, with the bare table name too. `--except` wins over `--only`.
 */
import type { TableInfo } from './types.js';
import { qualifiedName } from './analyze-table.js';

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[\\^$.+()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

export function tableMatcher(only: string[] = [], except: string[] = []): (t: Pick<TableInfo, 'database' | 'schema' | 'name'>) => boolean {
  const compile = (ps: string[]) => ps.filter((p) => p.trim()).map((p) => ({ re: globToRegExp(p.trim()), bare: !p.includes('.') }));
  const inc = compile(only);
  const exc = compile(except);
  const hit = (ps: ReturnType<typeof compile>, t: Pick<TableInfo, 'database' | 'schema' | 'name'>) => {
    const q = qualifiedName(t);
    const full = t.schema !== undefined ? `${t.database}.${q}` : q;
    return ps.some((p) => p.re.test(q) || p.re.test(full) || (p.bare && p.re.test(t.name)));
  };
  return (t) => (inc.length === 0 || hit(inc, t)) && !hit(exc, t);
}
