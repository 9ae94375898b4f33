/** A detection rule as written in rules/*.yml (see schemas/rule-pack.schema.json). */
export interface RuleDef {
  id: string;
  category: string;
  name: string;
  description?: string;
  help?: string;
  patterns: string[];
  value_group?: number;
  case_insensitive?: boolean;
  keywords?: string[];
  validator?: string;
  /** What a failed validator does: drop the match (default), demand context, or keep it unboosted. */
  on_invalid?: 'drop' | 'need-context' | 'keep';
  /** Base score of a bare pattern match (default 0.5). */
  score?: number;
  /** Added when the validator passes (default 0.2; doubled for a strong pass). */
  validator_boost?: number;
  context?: {
    words?: string[];
    before?: number;
    after?: number;
    boost?: number;
    required?: boolean;
  };
  negative_context?: { words: string[]; before?: number; after?: number };
  allowlist?: { values?: string[]; patterns?: string[] };
  examples?: { match?: string[]; no_match?: string[] };
  /** Replaces the category's references for a regime (see RuleMeta.categoryRefs). */
  category_refs?: Partial<Record<'decree-13' | 'pdpl-2025', string[]>>;
  /** Where it was loaded from, for error messages and `pdscan rules`. */
  source?: string;
}

export interface RulePack {
  pack: string;
  description?: string;
  rules: RuleDef[];
}
