/**
 * The narrow interface between database connectors (which know SQL dialects and drivers) and the
 * column classifier (which knows nothing about databases). A connector lists tables and returns
 * sampled values, column by column; everything else is shared.
 */
import type { DbEngine } from './url.js';

/**
 * How a column's values are read and turned into text:
 * - text: strings, dates, enums, arrays... cast to text by the database;
 * - integer: whole numbers that may be phones or IDs that lost their leading zeros;
 * - number: other numbers (coordinates, amounts);
 * - json: JSON documents, flattened into paths;
 * - binary: only the first bytes are read, for image magic bytes;
 * - skip: booleans, UUIDs, intervals...: judged by name only.
 */
export type ValueKind = 'text' | 'integer' | 'number' | 'json' | 'binary' | 'skip';

export interface ColumnInfo {
  name: string;
  /** Database type as the catalog spells it (character varying(20), bigint, jsonb, BinData...). */
  type: string;
  kind: ValueKind;
  /** 1-based position in the table. */
  ordinal: number;
}

export interface TableInfo {
  database: string;
  /** PostgreSQL schema; undefined for MySQL (database = schema) and MongoDB. */
  schema?: string;
  name: string;
  kind: 'table' | 'view';
  /** Row estimate from the catalog (may be stale or unknown: -1). */
  estimatedRows: number;
  /** Empty for MongoDB collections: fields are inferred from the sampled documents. */
  columns: ColumnInfo[];
  /** Connector-private facts (oid, primary key...). */
  extra?: Record<string, unknown>;
}

export interface TableSample {
  /** Rows actually sampled. */
  rows: number;
  /** Values by column name, one entry per sampled row (null when NULL). */
  values: Map<string, unknown[]>;
  /** Columns as finally known (MongoDB: inferred field paths). */
  columns: ColumnInfo[];
  /** How the rows were chosen, for --explain ("TABLESAMPLE SYSTEM(0.3%)", "$sample"...). */
  method: string;
  /** Things the user should know about this table's sample (unreadable columns, a weak method). */
  notes?: string[];
}

export interface SampleOptions {
  sampleSize: number;
}

export interface DbConnector {
  readonly engine: DbEngine;
  /** Every user table (and view when asked) with its columns. */
  listTables(opts: { includeViews: boolean }): Promise<TableInfo[]>;
  /** Sample one table. Errors are per table: the caller reports them and goes on. */
  sample(table: TableInfo, opts: SampleOptions): Promise<TableSample>;
  /** One line for a per-table error (driver codes turned into words, no values). */
  describe(err: unknown): string;
  /** Databases the connector could not enter (PostgreSQL clusters): reported, not fatal. */
  readonly skippedDatabases?: ReadonlyArray<{ database: string; message: string }>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Statement timeout in milliseconds. */
  timeoutMs: number;
  /** Maximum number of connections (and tables sampled at once). */
  concurrency: number;
  /** PEM file with the CA certificate(s) for TLS. */
  sslCa?: string;
}
