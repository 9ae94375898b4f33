/**
 * JSON columns and MongoDB documents become field paths, each judged like a column:
 * `{ "lien_he": { "sdt": "0912..." }, "con": [{ "ho_ten": "..." }] }` gives `lien_he.sdt` and
 * `con[].ho_ten`. Arrays of scalars give `tags[]`. Bounded: depth, paths and array elements are
 * capped so that one odd document cannot blow up memory.
 */

export const MAX_DEPTH = 12;
export const MAX_PATHS = 500;
export const MAX_ARRAY_ITEMS = 50;

export interface PathValues {
  path: string;
  /** Every scalar occurrence (several per row for arrays). */
  values: unknown[];
  /** Number of rows/documents where the path occurs with a non-null value. */
  rows: number;
  /** Types seen (string, number, boolean, date, binary, objectid...). */
  types: Set<string>;
}

export interface FlattenResult {
  paths: Map<string, PathValues>;
  /** True when MAX_PATHS stopped new paths from being recorded. */
  truncated: boolean;
}

/** Leaf type names: what a BSON/JSON scalar is, without importing the bson package here. */
export function scalarType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'bigint') return 'integer';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date) return 'date';
  if (v instanceof Uint8Array) return 'binary';
  const bsontype = (v as { _bsontype?: string })._bsontype;
  if (bsontype) return bsontype.toLowerCase();
  return 'object';
}

function isPlainContainer(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof Date || v instanceof Uint8Array) return false;
  return (v as { _bsontype?: string })._bsontype === undefined;
}

export class PathCollector {
  readonly paths = new Map<string, PathValues>();
  truncated = false;

  /** Add one document (or JSON value) under an optional base path. */
  add(doc: unknown, base = ''): void {
    const seenInRow = new Set<string>();
    this.walk(doc, base, 0, seenInRow);
  }

  private record(path: string, value: unknown, seenInRow: Set<string>): void {
    let pv = this.paths.get(path);
    if (!pv) {
      if (this.paths.size >= MAX_PATHS) {
        this.truncated = true;
        return;
      }
      pv = { path, values: [], rows: 0, types: new Set() };
      this.paths.set(path, pv);
    }
    pv.values.push(value);
    pv.types.add(scalarType(value));
    if (!seenInRow.has(path)) {
      seenInRow.add(path);
      pv.rows++;
    }
  }

  private walk(v: unknown, path: string, depth: number, seenInRow: Set<string>): void {
    if (v === null || v === undefined) return;
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      const p = `${path}[]`;
      for (const item of v.slice(0, MAX_ARRAY_ITEMS)) this.walk(item, p, depth + 1, seenInRow);
      return;
    }
    if (isPlainContainer(v)) {
      // Extended JSON wrappers ({"$date": ...}, {"$numberLong": ...}) are scalars, not objects.
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0]!.startsWith('$')) {
        this.record(path || '$', v[keys[0]!], seenInRow);
        return;
      }
      for (const k of keys) this.walk(v[k], path ? `${path}.${k}` : k, depth + 1, seenInRow);
      return;
    }
    this.record(path || '$', v, seenInRow);
  }

  result(): FlattenResult {
    return { paths: this.paths, truncated: this.truncated };
  }
}

/** Parse a JSON column's value (text from SQL, or an object from drivers that parse JSON). */
export function parseJsonValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!t || (t[0] !== '{' && t[0] !== '[')) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

/** The last meaningful key of a path: `lien_he.sdt` → sdt, `con[].ho_ten` → ho_ten, `tags[]` → tags. */
export function leafKey(path: string): string {
  const parts = path.replace(/\[\]/g, '').split('.').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** Keys from the leaf up to the root: `benh_an.ket_qua.chi_so` → [chi_so, ket_qua, benh_an]. */
export function keysFromLeaf(path: string): string[] {
  return path.replace(/\[\]/g, '').split('.').filter(Boolean).reverse();
}
