/**
 * Structural checks of rules/obligations.yml, with errors that name the entry. The file has no
 * JSON Schema of its own: its trigger grammar (a word, a one-key map, or one per regime) reads
 * better as code than as nested oneOf.
 */
import { ConfigError } from '../util/errors.js';
import type {
  CrossBorderItemDef,
  DossierExtraDef,
  DossierItemDef,
  ExemptionDef,
  Form10BoxDef,
  FormDef,
  ObligationDef,
  ObligationsFile,
  TransferExemptionDef,
  TransferTypeDef,
} from '../model/obligations.js';

const SIMPLE: readonly string[] = ['any-personal', 'any-sensitive', 'cross-border', 'third-party', 'children'];

/** One check of the file: where problems are reported, and the regimes every reference list must cover. */
interface Check {
  /** The regime ids of rules/categories.yml. */
  readonly regimes: readonly string[];
  /** Throws a ConfigError naming the file and the entry. */
  fail(where: string, msg: string): never;
}

function checkTrigger(t: unknown, where: string, check: Check): void {
  if (typeof t === 'string') {
    if (!SIMPLE.includes(t)) check.fail(where, `unknown trigger "${t}"`);
    return;
  }
  if (!t || typeof t !== 'object' || Array.isArray(t)) check.fail(where, 'a trigger is a word or a one-key map');
  const keys = Object.keys(t);
  if (keys.every((k) => check.regimes.includes(k))) {
    for (const k of keys) checkTrigger((t as Record<string, unknown>)[k], `${where}.${k}`, check);
    return;
  }
  if (keys.length === 1 && keys[0] === 'recipient') {
    const r = (t as Record<string, unknown>).recipient as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object' || Object.keys(r).some((k) => k !== 'kind' && k !== 'category')) check.fail(`${where}.recipient`, 'a map of kind (and category)');
    for (const k of ['kind', 'category'] as const) {
      const list = r![k];
      if ((k === 'kind' || list !== undefined) && (!Array.isArray(list) || !list.length || !list.every((x) => typeof x === 'string'))) check.fail(`${where}.recipient.${k}`, 'must be a list of strings');
    }
    return;
  }
  if (keys.length !== 1 || (keys[0] !== 'category' && keys[0] !== 'purpose')) check.fail(where, `unknown trigger key "${keys.join(', ')}"`);
  const list = (t as Record<string, unknown>)[keys[0]!];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) check.fail(`${where}.${keys[0]}`, 'must be a list of strings');
}

function checkRefs(r: unknown, where: string, check: Check): void {
  if (!r || typeof r !== 'object') check.fail(where, 'refs must be a map of regime → list');
  for (const regime of check.regimes) {
    const list = (r as Record<string, unknown>)[regime];
    if (!Array.isArray(list)) check.fail(`${where}.${regime}`, 'missing list of references');
  }
}

function checkText(o: Record<string, unknown>, keys: string[], where: string, check: Check): void {
  for (const k of keys) if (typeof o[k] !== 'string' || !(o[k] as string).trim()) check.fail(`${where}.${k}`, 'missing text');
}

/** `regimes`: the regime ids of rules/categories.yml, which every reference list must cover. */
export function checkObligationsFile(raw: unknown, regimes: readonly string[], display = 'rules/obligations.yml'): ObligationsFile {
  const check: Check = {
    regimes,
    fail(where, msg) {
      throw new ConfigError(`${display}: ${where}: ${msg}`);
    },
  };
  if (!raw || typeof raw !== 'object') check.fail('(top level)', 'not a map');
  const file = raw as Record<string, unknown>;
  if (!Array.isArray(file.obligations)) check.fail('obligations', 'missing list');
  const ids = new Set<string>();
  (file.obligations as unknown[]).forEach((o, i) => {
    const where = `obligations[${i}]`;
    if (!o || typeof o !== 'object') check.fail(where, 'not a map');
    const ob = o as Record<string, unknown>;
    checkText(ob, ['id', 'title_vi', 'title_en', 'why_vi', 'why_en'], where, check);
    if (ids.has(ob.id as string)) check.fail(where, `duplicate id "${String(ob.id)}"`);
    ids.add(ob.id as string);
    checkTrigger(ob.trigger, `${where}.trigger`, check);
    checkRefs(ob.refs, `${where}.refs`, check);
  });
  const exemptions = (file.exemptions ?? []) as unknown[];
  if (!Array.isArray(exemptions)) check.fail('exemptions', 'must be a list');
  exemptions.forEach((e, i) => {
    const ex = e as Record<string, unknown>;
    checkText(ex, ['id', 'label_vi', 'label_en', 'conditions_vi', 'conditions_en'], `exemptions[${i}]`, check);
    checkRefs(ex.refs, `exemptions[${i}].refs`, check);
    for (const [j, t] of ((ex.lost_if ?? []) as unknown[]).entries()) checkTrigger(t, `exemptions[${i}].lost_if[${j}]`, check);
  });
  const dossier = file.dossier as Record<string, unknown> | undefined;
  if (!dossier || !Array.isArray(dossier.items)) check.fail('dossier.items', 'missing list');
  (dossier.items as unknown[]).forEach((d, i) => {
    checkText(d as Record<string, unknown>, ['item', 'label_vi', 'label_en'], `dossier.items[${i}]`, check);
    checkRefs((d as Record<string, unknown>).refs, `dossier.items[${i}].refs`, check);
  });
  for (const [i, t] of ((dossier.transfer_types ?? []) as unknown[]).entries()) checkText(t as Record<string, unknown>, ['type', 'label_vi', 'label_en'], `dossier.transfer_types[${i}]`, check);
  for (const [i, t] of ((dossier.transfer_exemptions ?? []) as unknown[]).entries()) {
    checkText(t as Record<string, unknown>, ['ref', 'label_vi', 'label_en'], `dossier.transfer_exemptions[${i}]`, check);
    if (!Array.isArray((t as Record<string, unknown>).kinds)) check.fail(`dossier.transfer_exemptions[${i}].kinds`, 'must be a list of recipient kinds');
  }
  for (const [i, b] of ((dossier.form_10_sensitive_boxes ?? []) as unknown[]).entries()) {
    checkText(b as Record<string, unknown>, ['ref', 'label_vi', 'label_en'], `dossier.form_10_sensitive_boxes[${i}]`, check);
    if (!Array.isArray((b as Record<string, unknown>).kinds)) check.fail(`dossier.form_10_sensitive_boxes[${i}].kinds`, 'must be a list of category ids');
  }
  for (const [i, f] of ((dossier.forms ?? []) as unknown[]).entries()) {
    checkText(f as Record<string, unknown>, ['regime', 'form', 'label_vi', 'label_en'], `dossier.forms[${i}]`, check);
    if (!check.regimes.includes((f as Record<string, unknown>).regime as string)) check.fail(`dossier.forms[${i}].regime`, 'unknown regime');
    const contents = (f as Record<string, unknown>).contents as Record<string, unknown> | undefined;
    if (contents !== undefined) {
      const where = `dossier.forms[${i}].contents`;
      const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
      if (typeof contents !== 'object' || contents === null || typeof contents.form !== 'string') check.fail(where, 'must name its form');
      else if (!strings(contents.fields) || !strings(contents.other_vi) || !strings(contents.other_en)) check.fail(where, 'fields, other_vi and other_en must be lists of text');
      else if ((contents.other_vi as string[]).length !== (contents.other_en as string[]).length) check.fail(where, 'other_vi and other_en must match item for item');
    }
  }
  return {
    obligations: file.obligations as ObligationDef[],
    exemptions: exemptions as ExemptionDef[],
    dossier: {
      items: dossier.items as DossierItemDef[],
      pdpl_only: (dossier.pdpl_only ?? []) as DossierExtraDef[],
      cross_border_items: (dossier.cross_border_items ?? []) as CrossBorderItemDef[],
      transfer_types: (dossier.transfer_types ?? []) as TransferTypeDef[],
      transfer_exemptions: (dossier.transfer_exemptions ?? []) as TransferExemptionDef[],
      form_10_sensitive_boxes: (dossier.form_10_sensitive_boxes ?? []) as Form10BoxDef[],
      forms: (dossier.forms ?? []) as FormDef[],
    },
  };
}
