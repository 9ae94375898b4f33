/** What reporters know about a rule id. Every rule family describes itself in this shape. */
export interface RuleMeta {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** What to do about it, plain text (English). Legal references are appended by the reporter. */
  help: string;
  /** Categories the rule reports, when fixed (detection packs have exactly one). */
  categories?: string[];
  /** Extra legal references beyond the categories' (e.g. Art. 25 for cross-border transfers). */
  refs?: string[];
  /**
   * References that replace the category's for one regime, when the rule finds a narrower kind
   * of data than the category names (an old 9-digit CMND is under d356-3.11, not d356-3.7).
   */
  categoryRefs?: Partial<Record<'decree-13' | 'pdpl-2025', string[]>>;
}
