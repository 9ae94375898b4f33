/**
 * The file pipeline's side of containers: each text unit a container yields is classified like a
 * text file of its inner name (a sheet as CSV, a document as Markdown), its findings are placed at
 * the unit's virtual path and reported line, and bulk findings are folded into one aggregate per
 * path and category as they arrive, so that a million-row workbook never holds a million findings.
 */
import type { Finding } from '../model/finding.js';
import type { ScanProblem } from '../model/result.js';
import { LineIndex } from '../util/lines.js';
import { contentFingerprint, fingerprintFindings } from '../model/fingerprint.js';
import { aggregateValues, SAMPLE_LOCATIONS } from './aggregate.js';
import { expandFile } from '../sources/files/containers/expand.js';
import type { ContainerLimits, TextUnit } from '../sources/files/containers/types.js';
import { compareConfidence } from '../model/finding.js';

const SUPPRESSION_MARK = Buffer.from('pdscan-ignore-');

/** Classifies one unit's text as if it were a file at `formatPath` (findings located there). */
export type ClassifyText = (buf: Buffer, formatPath: string, lines: LineIndex) => Finding[];

export interface ContainerOutcome {
  findings: Finding[];
  notices: ScanProblem[];
  bytes: number;
  lines: number;
  units: number;
  /** Inner texts that hold a suppression directive: the report's suppression pass cannot open archives. */
  innerTexts: Record<string, string>;
  /** Each whole inner file's lines (not chunks or sheets), for judging a value by the lines around it. */
  unitLines: Map<string, LineIndex>;
}

function locations(f: Finding): Array<NonNullable<Finding['location']>> {
  const all = f.location ? [f.location] : [];
  for (const l of f.sampleLocations ?? []) if (!all.includes(l)) all.push(l);
  return all;
}

function renumber(f: Finding, unit: TextUnit): void {
  const move = (loc: NonNullable<Finding['location']>) => {
    if (unit.reportedLine) {
      const line = unit.reportedLine(loc.line);
      if (loc.endLine !== undefined) loc.endLine = loc.endLine - loc.line + line;
      loc.line = line;
    }
  };
  locations(f).forEach(move);
  if (unit.properties) f.properties = { ...f.properties, ...unit.properties };
}

/** Two aggregates of one path and category (two chunks or two sheets of a workbook) as one. */
function mergeAggregate(into: Finding, more: Finding): void {
  const count = (into.count ?? 1) + (more.count ?? 1);
  const rules = { ...((into.properties?.rules as Record<string, number>) ?? {}) };
  for (const [r, n] of Object.entries((more.properties?.rules as Record<string, number>) ?? {})) rules[r] = (rules[r] ?? 0) + n;
  if (compareConfidence(more.confidence, into.confidence) > 0 || (more.confidence === into.confidence && more.score > into.score)) {
    into.confidence = more.confidence;
    into.score = more.score;
  }
  into.count = count;
  into.sampleLocations = [...(into.sampleLocations ?? []), ...(more.sampleLocations ?? [])].slice(0, SAMPLE_LOCATIONS);
  into.message = into.message.replace(/^\d+ values?/, `${count} values`);
  into.explain = [`aggregated ${count} findings of rules ${Object.keys(rules).sort().join(', ')}`, ...(into.explain ?? []).slice(1)];
  into.properties = { ...into.properties, rules: Object.fromEntries(Object.entries(rules).sort()) };
}

export const ID_DOCUMENT_RULE = 'id-document-image-file';

/**
 * An image or a PDF without text whose name says it is an ID card, passport or licence: its
 * content cannot be read without OCR, but its name and place are evidence enough to report it.
 */
export function idDocumentFinding(where: string, why: string): Finding {
  const name = where.slice(Math.max(where.lastIndexOf('/'), where.lastIndexOf('!/') + 1) + 1);
  return {
    ruleId: ID_DOCUMENT_RULE,
    kind: 'value',
    category: 'id-document-image',
    categories: ['id-document-image'],
    confidence: 'medium',
    score: 0.7,
    message: `Possible image of an identity document (${why})`,
    value: name,
    location: { path: where, line: 1, column: 1 },
    explain: [`file name "${name}" names an identity document; ${why}`],
    fingerprint: contentFingerprint([ID_DOCUMENT_RULE, 'id-document-image', where, 'file']),
  };
}

export async function scanContainer(abs: string, rel: string, size: number, limits: ContainerLimits, classify: ClassifyText): Promise<ContainerOutcome> {
  const out: ContainerOutcome = { findings: [], notices: [], bytes: 0, lines: 0, units: 0, innerTexts: {}, unitLines: new Map() };
  const aggregates = new Map<string, Finding>();
  await expandFile(abs, rel, size, limits, {
    notice: (n) => {
      if (n.kind === 'id-document-image') out.findings.push(idDocumentFinding(n.where, n.message.replace(/, not read.*$/, '')));
      else out.notices.push({ where: n.where, message: n.message });
    },
    unit: (unit) => {
      const lines = new LineIndex(unit.text);
      out.units++;
      out.bytes += unit.text.length;
      out.lines += lines.lineCount;
      const found = aggregateValues(unit.formatPath, classify(unit.text, unit.formatPath, lines));
      for (const f of found) for (const loc of locations(f)) loc.path = unit.path;
      // Only whole inner files: a chunk's line numbers are not the file's (sheets and big CSVs have no comments).
      if (!unit.reportedLine && unit.text.includes(SUPPRESSION_MARK)) out.innerTexts[unit.path] = unit.text.toString('utf8');
      if (!unit.reportedLine && found.some((f) => f.kind === 'value')) out.unitLines.set(unit.path, lines);
      // Fingerprints from the unit's own lines, before lines are renumbered to rows.
      fingerprintFindings(found.filter((f) => f.kind !== 'aggregate'), (l) => lines.lineText(l));
      for (const f of found) {
        renumber(f, unit);
        if (f.kind !== 'aggregate') {
          out.findings.push(f);
          continue;
        }
        const key = `${unit.path}\u0000${f.category}`;
        const seen = aggregates.get(key);
        if (seen) mergeAggregate(seen, f);
        else {
          // Content-free: an aggregate stands for the whole file, whichever row comes first.
          f.fingerprint = contentFingerprint([f.ruleId, f.category, unit.path, 'aggregate']);
          aggregates.set(key, f);
          out.findings.push(f);
        }
      }
    },
  });
  return out;
}
