/**
 * Metadata of the rules code analysis reports (rules/code-rules.yml): flows and risks, with
 * texts in both languages, levels and legal references.
 */
import { codeRulesFile } from '../catalogue.js';
import type { Level } from '../../model/finding.js';

export interface CodeRulesFile {
  rules: CodeRuleDef[];
}

interface CodeRuleDef {
  id: string;
  name: string;
  kind: 'flow' | 'risk';
  level: Level;
  security_severity?: number;
  obligations?: string[];
  refs: { 'decree-13': string[]; 'pdpl-2025': string[] };
  short_en: string;
  short_vi: string;
  full_en: string;
  full_vi: string;
  help_en: string;
  help_vi: string;
}

export interface CodeRuleMeta {
  id: string;
  /** PascalCase, for SARIF `rule.name`. */
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** What to do, plain English, naming the articles (the reporter appends the full references). */
  help: string;
  /** Legal references of the rule, e.g. ["pdpl-2025:law91-20.1", "decree-13:25.1"] (= legalRefs). */
  refs: string[];
  /** The same help as Markdown, for SARIF `help.markdown`. */
  helpMarkdown: string;
  level: Level;
  kind: 'flow' | 'risk';
  /** SARIF `properties.security-severity`, as a string of a number 0.0-10.0. */
  securitySeverity?: string;
  /** e.g. ["decree-13:25.1", "pdpl-2025:law91-20.1"] */
  legalRefs: string[];
  /** ids of rules/obligations.yml the rule relates to. */
  obligations: string[];
  shortDescriptionVi: string;
  fullDescriptionVi: string;
  helpVi: string;
  tags: string[];
}

let cache: CodeRuleMeta[] | undefined;

function refsOf(def: CodeRuleDef): string[] {
  return [...def.refs['pdpl-2025'].map((r) => `pdpl-2025:${r}`), ...def.refs['decree-13'].map((r) => `decree-13:${r}`)];
}

function toMeta(def: CodeRuleDef): CodeRuleMeta {
  const legalRefs = refsOf(def);
  return {
    id: def.id,
    name: def.name,
    shortDescription: def.short_en,
    fullDescription: def.full_en,
    help: def.help_en,
    refs: legalRefs,
    helpMarkdown:
      `**${def.short_en}** / *${def.short_vi}*\n\n${def.full_en}\n\n**How to fix.** ${def.help_en}\n\n` +
      `**Cách khắc phục.** ${def.help_vi}\n\n**References:** ${legalRefs.map((r) => `\`${r}\``).join(', ')}`,
    level: def.level,
    kind: def.kind,
    ...(def.security_severity !== undefined ? { securitySeverity: def.security_severity.toFixed(1) } : {}),
    legalRefs,
    obligations: def.obligations ?? [],
    shortDescriptionVi: def.short_vi,
    fullDescriptionVi: def.full_vi,
    helpVi: def.help_vi,
    tags: ['privacy', 'security', def.kind === 'flow' ? 'data-flow' : 'risk'],
  };
}

export function codeRuleMeta(): CodeRuleMeta[] {
  return (cache ??= codeRulesFile().rules.map(toMeta));
}

export function codeRule(id: string): CodeRuleMeta {
  const r = codeRuleMeta().find((m) => m.id === id);
  if (!r) throw new Error(`unknown code rule ${id}`);
  return r;
}
