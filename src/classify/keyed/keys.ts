/**
 * Which keys are worth reading a value for. A key is wanted when the identifier classifier
 * (rules/names.yml) files it under a category that keyed values report, with or without an owner;
 * when its category depends on the owner (name, address, image…) the caller resolves the owner.
 * Probes are cached: a data file repeats the same few keys thousands of times.
 */
import { classifyIdentifier, type NameMatch } from '../names.js';
import type { KeyedPolicy } from './policy.js';
import { accentsAgree } from './accents.js';

/** Owner words that stand for "a person" and "not a person" when probing owner dependence. */
const PERSON_PROBE = 'customer';
const NON_PERSON_PROBE = 'product';

export interface KeyProbe {
  /** Classification without an owner (undefined when only an owner would make it personal). */
  base?: NameMatch;
  /** The owner changes the classification: resolve it before judging. */
  ownerMatters: boolean;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, KeyProbe | null>();

const same = (a: NameMatch | undefined, b: NameMatch | undefined) => a?.category === b?.category && a?.confidence === b?.confidence;

export function probeKey(key: string, policy: KeyedPolicy): KeyProbe | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  // "Tiền ăn" folds to the term "tiền án": a key written with diacritics must carry the term's.
  const agreeing = (m: NameMatch | undefined) => (m && accentsAgree(key, m.term) ? m : undefined);
  const relevant = (m: NameMatch | undefined) => m !== undefined && policy.categories.has(m.category);
  // A person owner is the most permissive: most keys (words before any ':' or '=') end here,
  // after one classification instead of three.
  const person = agreeing(classifyIdentifier(key, PERSON_PROBE));
  const base = person ? agreeing(classifyIdentifier(key)) : undefined;
  let probe: KeyProbe | null = null;
  if (relevant(base) || relevant(person)) {
    const non = classifyIdentifier(key, NON_PERSON_PROBE);
    probe = { base, ownerMatters: !same(base, person) || !same(base, non) };
  }
  cache.set(key, probe);
  return probe ?? undefined;
}

/** The key's classification given its owner (when it matters and is known). */
export function classifyKey(key: string, probe: KeyProbe, owner: string | undefined): NameMatch | undefined {
  if (!probe.ownerMatters || !owner) return probe.base;
  const m = classifyIdentifier(key, owner);
  return m && accentsAgree(key, m.term) ? m : undefined;
}
