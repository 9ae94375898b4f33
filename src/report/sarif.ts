/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one rule per rule ID with help citing both
 * regimes, masked values in messages, repo-relative locations, content-based partialFingerprints,
 * codeFlows for flows, logicalLocations for database objects, suppressions kept (not deleted).
 */
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import type { Finding, Location } from '../model/finding.js';
import type { ScanResult, ScanSource } from '../model/result.js';
import { findingKinds, findingPrecaution, findingSensitive, orderCategories } from '../model/categories.js';
import { displayValue } from './mask.js';
import { findingLevel, SARIF_LEVEL, SECURITY_SEVERITY } from './level.js';
import { findingLegalRefs, helpWithRefs } from './rule-meta.js';
import type { ReportContext } from './context.js';
import { LEVEL_ORDER } from '../model/finding.js';
import { NestedArtifacts } from './sarif-artifacts.js';

/** GitHub code scanning limits per run. */
export const MAX_RESULTS = 25_000;
const MAX_LOCATIONS = 1_000;

export function findingMessage(f: Finding, showData: boolean): string {
  const v = displayValue(f.value, showData);
  const base = f.message.replace(/\s+$/, '');
  return v ? `${base}: ${v}` : base;
}

function region(loc: Location): Sarif.Region {
  const r: Sarif.Region = { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) };
  if (loc.endLine && loc.endLine >= r.startLine!) {
    r.endLine = loc.endLine;
    if (loc.endColumn && (loc.endLine > r.startLine! || loc.endColumn > r.startColumn!)) r.endColumn = loc.endColumn;
  }
  return r;
}

function physical(loc: Location, nested?: NestedArtifacts): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: nested?.locate(loc.path) ?? { uri: encodeURI(loc.path), uriBaseId: '%SRCROOT%' },
      region: region(loc),
    },
  };
}

export function toSarif(result: ScanResult | ScanResult[], ctx: ReportContext): Sarif.Log {
  const results = Array.isArray(result) ? result : [result];
  const all = results.flatMap((r) => r.findings);
  // Keep the most serious when over GitHub's limit, and say so in the run's notifications.
  const ranked = all.length > MAX_RESULTS
    ? [...all].sort((a, b) => LEVEL_ORDER[findingLevel(b, ctx.regime)] - LEVEL_ORDER[findingLevel(a, ctx.regime)]).slice(0, MAX_RESULTS)
    : all;
  const kept = new Set(ranked);
  const findings = all.filter((f) => kept.has(f));

  const ruleIndex = new Map<string, number>();
  const ruleCats = new Map<string, Set<string>>();
  // The kinds behind a rule's findings (a sub-kind such as blood-type for its own refs and help).
  const ruleKinds = new Map<string, Set<string>>();
  const ruleSensitive = new Set<string>();
  for (const f of findings) {
    if (!ruleIndex.has(f.ruleId)) ruleIndex.set(f.ruleId, ruleIndex.size);
    const s = ruleCats.get(f.ruleId) ?? new Set<string>();
    f.categories.forEach((c) => s.add(c));
    ruleCats.set(f.ruleId, s);
    const k = ruleKinds.get(f.ruleId) ?? new Set<string>();
    findingKinds(f).forEach((c) => k.add(c));
    ruleKinds.set(f.ruleId, k);
    if (findingSensitive(f, ctx.regime)) ruleSensitive.add(f.ruleId);
  }

  const rules: Sarif.ReportingDescriptor[] = [...ruleIndex.keys()].map((id) => {
    const cats = orderCategories(ruleCats.get(id) ?? [], ctx.regime);
    const kinds = orderCategories(ruleKinds.get(id) ?? [], ctx.regime);
    const meta = ctx.rules.get(id, kinds[0]!);
    const help = helpWithRefs(meta, kinds);
    const sensitive = ruleSensitive.has(id);
    const levels = findings.filter((f) => f.ruleId === id).map((f) => findingLevel(f, ctx.regime));
    const top = levels.reduce((a, b) => (LEVEL_ORDER[b] > LEVEL_ORDER[a] ? b : a), 'low');
    return {
      id,
      name: toPascal(meta.name),
      shortDescription: { text: meta.shortDescription },
      fullDescription: { text: meta.fullDescription },
      help,
      helpUri: 'https://github.com/pdscan/pdscan#rules',
      defaultConfiguration: { level: SARIF_LEVEL[top] },
      properties: {
        tags: ['privacy', 'personal-data', ...cats, ...(sensitive ? ['sensitive'] : [])],
        'security-severity': SECURITY_SEVERITY[top],
        precision: 'high',
        categories: cats,
      },
    };
  });

  const nested = new NestedArtifacts();
  const sarifResults: Sarif.Result[] = findings.map((f) => {
    const level = findingLevel(f, ctx.regime);
    const res: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: SARIF_LEVEL[level],
      message: { text: findingMessage(f, ctx.showData) },
      locations: [physical(f.location ?? { path: 'unknown', line: 1, column: 1 }, nested)],
      partialFingerprints: { 'pdscan/v1': f.fingerprint ?? '' },
      properties: {
        category: f.category,
        categories: f.categories,
        sensitive: findingSensitive(f, ctx.regime),
        ...(findingPrecaution(f, ctx.regime) ? { precaution: true } : {}),
        legalRefs: findingLegalRefs(f.ruleId, findingKinds(f), ctx.rules),
        confidence: f.confidence,
        kind: f.kind,
        level,
        ...(f.count !== undefined ? { count: f.count } : {}),
        ...(f.properties ?? {}),
      },
    };
    if (f.location && f.logicalLocations?.length) {
      res.locations![0]!.logicalLocations = f.logicalLocations.map((l) => ({
        name: l.name,
        fullyQualifiedName: l.fullyQualifiedName ?? l.name,
        kind: l.kind,
      }));
    }
    if (f.sampleLocations && f.sampleLocations.length > 1) {
      res.relatedLocations = f.sampleLocations.slice(1, MAX_LOCATIONS).map((l, i) => ({ id: i + 1, ...physical(l, nested), message: { text: 'another value of this category' } }));
    }
    if (f.flow?.length) {
      res.codeFlows = [
        {
          threadFlows: [
            {
              locations: f.flow.map((step) => ({
                location: { ...physical(step.location, nested), message: { text: step.message } },
              })),
            },
          ],
        },
      ];
    }
    if (f.suppression) {
      res.suppressions = [{ kind: f.suppression.kind, ...(f.suppression.justification ? { justification: f.suppression.justification } : {}) }];
    }
    if (ctx.explain && f.explain?.length) res.properties!.explain = f.explain;
    return res;
  });

  const notifications: Sarif.Notification[] = results.flatMap((r) =>
    r.problems.map((p) => ({ level: 'warning' as const, message: { text: `${p.where}: ${p.message}` } })),
  );
  if (all.length > findings.length) {
    notifications.push({ level: 'warning', message: { text: `${all.length - findings.length} lower-level results were left out to stay within GitHub's limit of ${MAX_RESULTS} results per run` } });
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pdscan',
            semanticVersion: ctx.toolVersion,
            version: ctx.toolVersion,
            informationUri: 'https://github.com/pdscan/pdscan',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href } },
        ...runProvenance(results),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        ...(nested.artifacts.length ? { artifacts: nested.artifacts } : {}),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        properties: { regime: ctx.regime },
      },
    ],
  };
}

/**
 * Which system the run scanned: `automationDetails.id` is "pdscan/<source>/<kind>/" (the part
 * up to the last slash is GitHub's category), so runs over several repositories, databases or
 * scan kinds uploaded to one repository do not replace each other in code scanning.
 */
function runProvenance(results: ScanResult[]): Pick<Sarif.Run, 'automationDetails' | 'versionControlProvenance'> {
  const target = results[0]?.target;
  if (!target?.source) return {};
  const src = target.source;
  return {
    automationDetails: { id: `pdscan/${sourceSlug(src)}/${target.kind}/` },
    ...(src.repository && src.commit ? { versionControlProvenance: [{ repositoryUri: src.repository, revisionId: src.commit }] } : {}),
  };
}

/** The source as one path segment chain for SARIF categories: "postgres://h:5432/db" → "postgres/h:5432/db". */
export function sourceSlug(source: ScanSource): string {
  return source.name.replace(/:\/\//, '/').replace(/[^\p{L}\p{N}_.\-/:@]+/gu, '-').replace(/^\/+|\/+$/g, '') || 'unnamed';
}

function toPascal(s: string): string {
  const words = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Rule';
}
