/**
 * The organisation block (`inventory:` in .pdscan.yml): controller and DPO contacts, retention,
 * legal basis... The config file is validated against schemas/config.schema.json when loaded;
 * here it is normalized (blank → absent) and merged field by field across inventories.
 */
import type { InventoryConfig } from './types.js';
import { cmp } from './facts.js';

/** Every field of the block, as a dotted path, in the order the dossier lists them. */
export const CONFIG_FIELDS = [
  'system',
  'role',
  'controller.name',
  'controller.foreign_name',
  'controller.short_name',
  'controller.tax_code',
  'controller.address',
  'controller.registration_number',
  'controller.representative',
  'controller.phone',
  'controller.email',
  'controller.website',
  'controller.business_line',
  'controller.business_code',
  'controller.branches',
  'dpo.name',
  'dpo.title',
  'dpo.appointment_decision',
  'dpo.email',
  'dpo.phone',
  'dpo.organisation',
  'processing_start',
  'legal_basis',
  'retention',
  'deletion_policy',
  'children',
  'data_subjects',
  'consent',
  'contracts',
  'policies',
  'paid_transfers',
  'data_exchange',
  'processing_services',
  'volume.basic_over_100000',
  'volume.sensitive_over_10000',
] as const;
export type ConfigField = (typeof CONFIG_FIELDS)[number];

/** Fields the dossier needs for items a and b; the others are optional or belong to other items. */
export const CONTROLLER_REQUIRED: ConfigField[] = [
  'controller.name',
  'controller.address',
  'controller.registration_number',
  'controller.representative',
  'controller.phone',
  'controller.email',
];
export const DPO_REQUIRED: ConfigField[] = ['dpo.name', 'dpo.email', 'dpo.phone'];

function normalizeValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t : undefined;
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) {
    const items = v.map(normalizeValue).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const n = normalizeValue((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

export function getField(c: InventoryConfig, field: ConfigField): unknown {
  let cur: unknown = c;
  for (const part of field.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setField(c: Record<string, unknown>, field: ConfigField, value: unknown): void {
  const parts = field.split('.');
  let cur = c;
  for (const part of parts.slice(0, -1)) {
    cur[part] ??= {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** Blank strings and nulls dropped, dates as YYYY-MM-DD, keys in a fixed order. */
export function normalizeConfig(raw: unknown): InventoryConfig {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out as InventoryConfig;
  for (const field of CONFIG_FIELDS) {
    let v = normalizeValue(getField(raw as InventoryConfig, field));
    if (field === 'legal_basis' && typeof v === 'string') v = [v];
    if (v !== undefined) setField(out, field, v);
  }
  return out as InventoryConfig;
}

export function isFilled(c: InventoryConfig, field: ConfigField): boolean {
  return getField(c, field) !== undefined;
}

/** JSON with sorted keys: the identity of a value when comparing and in `conflicts`. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Merge organisation blocks field by field. Equal values collapse; different values are not
 * guessed between: the field is left empty and every candidate is listed in `conflicts`
 * (canonical JSON strings) for the DPO to settle. `override` (the current --config) wins.
 */
export function mergeConfigs(
  inputs: Array<{ organisation: InventoryConfig; conflicts?: Record<string, string[]> }>,
  override?: InventoryConfig,
): { organisation: InventoryConfig; conflicts: Record<string, string[]> } {
  const organisation: Record<string, unknown> = {};
  const conflicts: Record<string, string[]> = {};
  for (const field of CONFIG_FIELDS) {
    const forced = override ? getField(normalizeConfig(override), field) : undefined;
    if (forced !== undefined) {
      setField(organisation, field, forced);
      continue;
    }
    const candidates = new Set<string>();
    for (const input of inputs) {
      const v = getField(normalizeConfig(input.organisation), field);
      if (v !== undefined) candidates.add(canonical(v));
      for (const c of input.conflicts?.[field] ?? []) candidates.add(c);
    }
    const list = [...candidates].sort((a, b) => cmp(a, b));
    if (list.length === 1) setField(organisation, field, JSON.parse(list[0]!));
    else if (list.length > 1) conflicts[field] = list;
  }
  return { organisation: normalizeConfig(organisation), conflicts };
}

/** A conflict candidate as shown to people. */
export function displayCandidate(c: string): string {
  try {
    const v: unknown = JSON.parse(c);
    return typeof v === 'string' ? v : c;
  } catch {
    return c;
  }
}
