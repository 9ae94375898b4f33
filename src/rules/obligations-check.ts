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
type Fail = ((where: string, msg: string) => never) & { regimes: readonly string[] };

function checkTrigger(t: unknown, where: string, fail: Fail): void {
  if (typeof t === 'string') {
    if (!SIMPLE.includes(t)) fail(where, `unknown trigger "${t}"`);
    return;
  }
  if (!t || typeof t !== 'object' || Array.isArray(t)) fail(where, 'a trigger is a word or a one-key map');
  const keys = Object.keys(t);
  if (keys.every((k) => fail.regimes.includes(k))) {
    for (const k of keys) checkTrigger((t as Record<string, unknown>)[k], `${where}.${k}`, fail);
    return;
  }
  if (keys.length === 1 && keys[0] === 'recipient') {
    const r = (t as Record<string, unknown>).recipient as Record<string, unknown> | undefined;
    if (!r || typeof r !== 'object' || Object.keys(r).some((k) => k !== 'kind' && k !== 'category')) fail(`${where}.recipient`, 'a map of kind (and category)');
    for (const k of ['kind', 'category'] as const) {
      const list = r![k];
      if ((k === 'kind' || list !== undefined) && (!Array.isArray(list) || !list.length || !list.every((x) => typeof x === 'string'))) fail(`${where}.recipient.${k}`, 'must be a list of strings');
    }
    return;
  }
  if (keys.length !== 1 || (keys[0] !== 'category' && keys[0] !== 'purpose')) fail(where, `unknown trigger key "${keys.join(', ')}"`);
  const list = (t as Record<string, unknown>)[keys[0]!];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) fail(`${where}.${keys[0]}`, 'must be a list of strings');
}

function checkRefs(r: unknown, where: string, fail: Fail): void {
  if (!r || typeof r !== 'object') fail(where, 'refs must be a map of regime → list');
  for (const regime of fail.regimes) {
    const list = (r as Record<string, unknown>)[regime];
    if (!Array.isArray(list)) fail(`${where}.${regime}`, 'missing list of references');
  }
}

function checkText(o: Record<string, unknown>, keys: string[], where: string, fail: Fail): void {
  for (const k of keys) if (typeof o[k] !== 'string' || !(o[k] as string).trim()) fail(`${where}.${k}`, 'missing text');
}

/** `regimes`: the regime ids of rules/categories.yml, which every reference list must cover. */
export function checkObligationsFile(raw: unknown, regimes: readonly string[], display = 'rules/obligations.yml'): ObligationsFile {
  const fail: Fail = Object.assign((where: string, msg: string): never => {
    throw new ConfigError(`${display}: ${where}: ${msg}`);
  }, { regimes });
  if (!raw || typeof raw !== 'object') fail('(top level)', 'not a map');
  const file = raw as Record<string, unknown>;
  if (!Array.isArray(file.obligations)) fail('obligations', 'missing list');
  const ids = new Set<string>();
  (file.obligations as unknown[]).forEach((o, i) => {
    const where = `obligations[${i}]`;
    if (!o || typeof o !== 'object') fail(where, 'not a map');
    const ob = o as Record<string, unknown>;
    checkText(ob, ['id', 'title_vi', 'title_en', 'why_vi', 'why_en'], where, fail);
    if (ids.has(ob.id as string)) fail(where, `duplicate id "${String(ob.id)}"`);
    ids.add(ob.id as string);
    checkTrigger(ob.trigger, `${where}.trigger`, fail);
    checkRefs(ob.refs, `${where}.refs`, fail);
  });
  const exemptions = (file.exemptions ?? []) as unknown[];
  if (!Array.isArray(exemptions)) fail('exemptions', 'must be a list');
  exemptions.forEach((e, i) => {
    const ex = e as Record<string, unknown>;
    checkText(ex, ['id', 'label_vi', 'label_en', 'conditions_vi', 'conditions_en'], `exemptions[${i}]`, fail);
    checkRefs(ex.refs, `exemptions[${i}].refs`, fail);
    for (const [j, t] of ((ex.lost_if ?? []) as unknown[]).entries()) checkTrigger(t, `exemptions[${i}].lost_if[${j}]`, fail);
  });
  const dossier = file.dossier as Record<string, unknown> | undefined;
  if (!dossier || !Array.isArray(dossier.items)) fail('dossier.items', 'missing list');
  (dossier.items as unknown[]).forEach((d, i) => {
    checkText(d as Record<string, unknown>, ['item', 'label_vi', 'label_en'], `dossier.items[${i}]`, fail);
    checkRefs((d as Record<string, unknown>).refs, `dossier.items[${i}].refs`, fail);
  });
  for (const [i, t] of ((dossier.transfer_types ?? []) as unknown[]).entries()) checkText(t as Record<string, unknown>, ['type', 'label_vi', 'label_en'], `dossier.transfer_types[${i}]`, fail);
  for (const [i, t] of ((dossier.transfer_exemptions ?? []) as unknown[]).entries()) {
    checkText(t as Record<string, unknown>, ['ref', 'label_vi', 'label_en'], `dossier.transfer_exemptions[${i}]`, fail);
    if (!Array.isArray((t as Record<string, unknown>).kinds)) fail(`dossier.transfer_exemptions[${i}].kinds`, 'must be a list of recipient kinds');
  }
  for (const [i, b] of ((dossier.form_10_sensitive_boxes ?? []) as unknown[]).entries()) {
    checkText(b as Record<string, unknown>, ['ref', 'label_vi', 'label_en'], `dossier.form_10_sensitive_boxes[${i}]`, fail);
    if (!Array.isArray((b as Record<string, unknown>).kinds)) fail(`dossier.form_10_sensitive_boxes[${i}].kinds`, 'must be a list of category ids');
  }
  for (const [i, f] of ((dossier.forms ?? []) as unknown[]).entries()) {
    checkText(f as Record<string, unknown>, ['regime', 'form', 'label_vi', 'label_en'], `dossier.forms[${i}]`, fail);
    if (!fail.regimes.includes((f as Record<string, unknown>).regime as string)) fail(`dossier.forms[${i}].regime`, 'unknown regime');
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
