/** A value found under a key, before the key or the value is judged. */
export interface KeyedValue {
  /** The key as written, without quotes or markup ("ho_ten_cha", "Ghi chú riêng tư"). */
  key: string;
  /** The value, without its quotes (escaped quotes unescaped). */
  value: string;
  /** Byte span of the value in the buffer (inside its quotes). */
  start: number;
  end: number;
  /** Byte offset of the key, for owner lookup. */
  keyStart: number;
  kind: ValueKind;
  syntax: Syntax;
  /** The owning object/table when the syntax names it (SQL table, CSV file name). */
  owner?: string;
}

/**
 * string: quoted literal; bare: unquoted text (YAML, logs, "Label: value"); number, bool, null:
 * unquoted scalars; vector: a bracketed list of numbers; cell: a CSV/SQL/Markdown table cell.
 */
export type ValueKind = 'string' | 'bare' | 'number' | 'bool' | 'null' | 'vector' | 'cell';

/** entry: key/value entry (JSON, JS/TS, YAML, log, .env); label: "Label: value" in text; tables by header. */
export type Syntax = 'entry' | 'label' | 'csv' | 'sql' | 'markdown';

/** Called for each key found; extraction of the value happens only when it returns true. */
export type WantKey = (key: string) => boolean;
