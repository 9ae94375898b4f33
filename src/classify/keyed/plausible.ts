/**
 * Is the value under a personal-data key plausibly data of that category? Rejects what configs,
 * schemas and translation files put under such keys (placeholders, type names, templates, the
 * key's own label), then applies the category's tests from rules/keyed-values.yml.
 */
import type { CategoryId } from '../../model/categories.js';
import { classifyIdentifier } from '../names.js';
import { identifierTokens } from '../names/tokens.js';
import type { KeyedPolicy } from './policy.js';
import { foldedValue } from './fold-value.js';
import type { ValueKind } from './types.js';

export type Verdict =
  | { ok: true; reason: string; also: CategoryId[] }
  | { ok: false; reason: string; /** The value is the key's label (a translation file). */ label?: boolean };

/** Validators look at a bounded value: long blobs are judged on their head. */
const MAX_JUDGED = 4096;

const no = (reason: string, label?: boolean): Verdict => ({ ok: false, reason, ...(label ? { label } : {}) });

/** `String!`, `string[]`, `string | null`, `varchar(255)`, `Optional[str]` → the bare type word. */
function typeWord(value: string): string {
  let v = value.trim();
  if (v.length > 48) return '';
  v = v.replace(/^Optional\[(.*)\]$/, '$1').replace(/\s*\|\s*(?:null|undefined)$/i, '');
  v = v.replace(/[!?]+$/, '').replace(/(?:\[\])+$/, '').replace(/^\[(.*)\]!?$/, '$1').replace(/\(\s*\d+(?:\s*,\s*\d+)?\s*\)$/, '');
  v = v.replace(/[!?]+$/, '');
  return v.toLowerCase();
}

/** Is the key a boolean flag about the person (isPregnant, la_dang_vien, hasCriminalRecord)? */
export function isFlagKey(key: string, policy: KeyedPolicy): boolean {
  const first = identifierTokens(key)[0];
  return first !== undefined && policy.flagPrefixes.has(first);
}

/**
 * The value is the label of its own key: "gender": "Giới tính", "phone": "Số điện thoại",
 * "ho_ten_cha": "Họ tên cha". Its tokens are exactly a term of the same category.
 */
function isOwnLabel(value: string, category: CategoryId, key: string): boolean {
  const tokens = identifierTokens(value);
  if (tokens.length === 0 || tokens.length > 8) return false;
  if (tokens.join(' ') === identifierTokens(key).join(' ')) return true;
  const m = classifyIdentifier(value);
  return m !== undefined && m.category === category && identifierTokens(m.term).join(' ') === tokens.join(' ');
}

export function judgeValue(raw: string, kind: ValueKind, category: CategoryId, key: string, policy: KeyedPolicy): Verdict {
  const cat = policy.categories.get(category);
  if (!cat) return no(`category ${category} is left to value detectors`);
  const value = (raw.length > MAX_JUDGED ? raw.slice(0, MAX_JUDGED) : raw).trim();
  if (kind === 'null' || value === '') return no('empty or null');
  if (kind === 'bool') {
    return cat.booleans === 'flag' && isFlagKey(key, policy) ? { ok: true, reason: `boolean under the flag key "${key}"`, also: [] } : no('a boolean, not a value of this category');
  }
  if (kind === 'number' && !cat.numbers) return no(`an unquoted number is not a value of ${category}`);
  const folded = foldedValue(value);
  if (folded === '' && !/^data:|^[A-Za-z0-9+/=]{16,}$/.test(value.slice(0, 64))) return no('no letters or digits');
  if (policy.placeholderValues.has(folded) || policy.placeholderValues.has(value.toLowerCase())) return no(`placeholder "${value}"`);
  const pi = policy.placeholderPatterns.findIndex((re) => re.test(value));
  if (pi >= 0) return no('placeholder, template or variable reference');
  if (kind !== 'cell' && policy.typeNames.has(typeWord(value))) return no(`type annotation "${value}"`);
  if (isOwnLabel(value, category, key)) return no(`"${value}" is the label of the key, not a value (translation file?)`, true);
  const ri = cat.reject.findIndex((re) => re.test(value));
  if (ri >= 0) return no(`value shape excluded for ${category} (left to value detectors)`);
  for (const test of cat.accept) {
    const why = test.run(value, folded);
    if (why) return { ok: true, reason: `${test.describe}: ${why}`, also: test.also };
  }
  return no(`not plausible for ${category} (${cat.accept.map((t) => t.describe).join(', ')})`);
}
