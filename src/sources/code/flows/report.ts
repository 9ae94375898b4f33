/**
 * From resolved sink hits to findings: one flow finding per sink call (rule by sink family and
 * recipient), plus the risk findings the same call reveals (credential in plain text, sensitive
 * data stored unencrypted, personal data in a URL, marketing use).
 */
import type { Confidence, Finding, FlowStep, Level, LogicalLocation } from '../../../model/finding.js';
import { isCategory, isSensitive, orderCategories, type Regime } from '../../../model/categories.js';
import type { CatLabel, SrcLabel, Step, Taint } from '../engine/taint.js';
import { valueWords } from '../../../classify/names.js';
import type { SinkHit, TypeFacts } from '../engine/types.js';
import type { UrlInput } from '../engine/state.js';
import { inferPurposes, isMarketingPurpose, type InferredPurpose } from './purposes.js';

const SCORE: Record<Confidence, number> = { high: 0.9, medium: 0.7, low: 0.5 };
const CONF_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const SINK_WORDS: Record<string, string> = {
  log: 'is written to a log',
  'error-tracker': 'is sent to an error tracker',
  analytics: 'is sent to an analytics/advertising service',
  http: 'is sent over HTTP',
  messaging: 'is sent to a messaging service',
  ai: 'is sent to an AI service',
  storage: 'is stored',
  payment: 'is sent to a payment service',
};

function toFlowStep(s: Step): FlowStep {
  return { location: { path: s.path, line: s.line, column: s.column }, message: s.message };
}

function catLabels(t: Taint | undefined): CatLabel[] {
  return (t ?? []).filter((l): l is CatLabel => l.k === 'cat' && isCategory(l.cat));
}

/**
 * Nothing of a known category, but a whole payload of unknown shape (a request body, a person's
 * record whose fields are not declared in the scan): one low-confidence label that says so, under
 * the category rules/names.yml gives such payloads.
 */
function unknownPayload(t: Taint | undefined): CatLabel[] {
  const up = valueWords().unknownPayload;
  if (!up || !t) return [];
  const src = t.find((l): l is SrcLabel => l.k === 'src' && (l.record === true || up.sources.has(l.what)));
  if (!src) return [];
  return [{ k: 'cat', cat: up.category, conf: 'low', field: `${src.what} (may hold personal data)`, source: src.what, unshaped: true, steps: src.steps }];
}

/** Best label per category (highest confidence, then shortest path). */
function bestByCategory(labels: CatLabel[]): Map<string, CatLabel> {
  const best = new Map<string, CatLabel>();
  for (const l of labels) {
    const b = best.get(l.cat);
    if (!b || CONF_RANK[l.conf] > CONF_RANK[b.conf] || (l.conf === b.conf && l.steps.length < b.steps.length)) best.set(l.cat, l);
  }
  return best;
}

function capConf(c: Confidence, max: Confidence): Confidence {
  return CONF_RANK[c] > CONF_RANK[max] ? max : c;
}

function logical(hit: SinkHit): LogicalLocation[] | undefined {
  const { functionName, className } = hit.entry ? (hit.entry.ctx ?? {}) : hit.ctx;
  if (!functionName) return undefined;
  return [{ kind: 'function', name: functionName, ...(className ? { fullyQualifiedName: `${className}.${functionName}` } : {}) }];
}

interface Carried {
  categories: string[];
  best: Map<string, CatLabel>;
  primary: CatLabel;
  fields: string[];
  sources: string[];
  confidence: Confidence;
  /** Only payloads of unknown shape: "may hold personal data". */
  unshaped: boolean;
}

function carried(labels: CatLabel[], regime: Regime): Carried | undefined {
  if (!labels.length) return undefined;
  const best = bestByCategory(labels);
  const categories = orderCategories(best.keys(), regime);
  // The codeFlow follows data the code passes; what the SDK collects by itself has no path to show.
  // Nor has a key written to storage: a traced label's path, when there is one, shows where the data came from.
  const primary = best.get(categories.find((c) => !best.get(c)!.collected && !best.get(c)!.stored) ?? categories.find((c) => !best.get(c)!.collected) ?? categories[0]!)!;
  const fields = [...new Set(labels.map((l) => l.field))].slice(0, 12);
  // What an SDK collects by itself is named among the fields; it is not where the data came from.
  const sources = [...new Set(labels.flatMap((l) => (l.source && !l.collected ? [l.source] : [])))];
  let confidence: Confidence = 'low';
  for (const l of best.values()) if (CONF_RANK[l.conf] > CONF_RANK[confidence]) confidence = l.conf;
  return { categories, best, primary, fields, sources, confidence, unshaped: labels.every((l) => l.unshaped) };
}

function describeData(c: Carried): string {
  if (c.unshaped) return `A whole ${c.sources[0] ?? 'payload'} (may hold personal data; its fields are not known here)`;
  const from = c.sources.length ? ` from ${c.sources.slice(0, 2).join(', ')}` : '';
  return `Personal data (${c.categories.join(', ')}: ${c.fields.slice(0, 4).join(', ')}${c.fields.length > 4 ? ', …' : ''})${from}`;
}

const sameStep = (a: FlowStep, b: FlowStep): boolean =>
  a.location.path === b.location.path && a.location.line === b.location.line && a.message === b.message;

/** The label's path then the sink, without a step repeated back to back (a call seen twice on one line). */
function flowOf(label: CatLabel, sink: Step): FlowStep[] {
  const steps: FlowStep[] = [];
  for (const step of [...label.steps.map(toFlowStep), toFlowStep(sink)]) {
    const last = steps[steps.length - 1];
    if (!last || !sameStep(last, step)) steps.push(step);
  }
  return steps;
}

export interface BuildOptions {
  regime: Regime;
}

export function hitFindings(hit: SinkHit, opts: BuildOptions): Finding[] {
  const { regime } = opts;
  const out: Finding[] = [];
  // A wrapper's sink is reported where personal data enters the wrapper (the call site).
  const at = hit.entry?.step ?? hit.step;
  const sinkLoc = { path: at.path, line: at.line, column: at.column };
  const logicalLocations = logical(hit);
  const ctx = { ...hit.ctx, ...(hit.entry?.ctx ?? {}) };
  const labels = catLabels(hit.taint);
  const data = carried(labels.length ? labels : unknownPayload(hit.taint), regime);
  const urlData = carried(catLabels(hit.urlTaint), regime);
  const s = hit.sink;

  let purposes: InferredPurpose[] = [];
  if (s.kind !== 'url' && (data || urlData)) {
    purposes = inferPurposes({
      sink: s.kind,
      ...(s.recipient ? { recipientKind: s.recipient.kind, recipientName: s.recipient.name } : {}),
      ...(s.recipientPurposes ? { recipientPurposes: s.recipientPurposes } : {}),
      ...(ctx.route ? { route: ctx.route } : {}),
      ...(ctx.functionName ? { functionName: ctx.functionName } : {}),
      ...(ctx.className ? { className: ctx.className } : {}),
      filePath: hit.step.path,
    });
  }
  const purposeKeys = purposes.map((p) => p.purpose);
  const base = (c: Carried) => ({
    category: c.categories[0]!,
    categories: c.categories,
    location: sinkLoc,
    ...(logicalLocations ? { logicalLocations } : {}),
  });

  const crossBorder = s.recipient?.country ? s.recipient.country !== 'VN' : undefined;
  const thirdParty = s.kind !== 'log' && s.kind !== 'url' && !s.internal;
  const flowData = data ?? (thirdParty ? urlData : undefined);

  if (flowData && s.kind !== 'url') {
    const sensitive = flowData.categories.some((c) => isSensitive(c, regime));
    let ruleId: string;
    let level: Level;
    if (s.kind === 'log') {
      ruleId = 'pd-log';
      level = sensitive || flowData.categories.includes('credentials') ? 'high' : 'medium';
    } else if (!thirdParty) {
      ruleId = 'pd-storage';
      level = 'low';
    } else if (crossBorder) {
      ruleId = 'pd-cross-border';
      level = sensitive ? 'high' : 'medium';
    } else if (sensitive) {
      ruleId = 'pd-third-party-sensitive';
      level = 'high';
    } else {
      ruleId = 'pd-third-party';
      level = 'low';
    }
    // A payload of unknown shape is a lead to check, not a finding to fail on.
    if (flowData.unshaped) level = 'low';
    const confidence = s.heuristic && s.kind === 'http' ? capConf(flowData.confidence, s.hostEnv ? 'medium' : 'low') : s.byName ? capConf(flowData.confidence, 'medium') : flowData.confidence;
    const where = s.recipient
      ? `${s.recipient.name}${s.recipient.country ? ` (${s.recipient.country})` : s.recipient.headquarters ? ` (country depends on region; provider in ${s.recipient.headquarters})` : ' (country unknown)'}`
      : s.hostEnv
        ? `the host in ${s.hostEnv} (unknown recipient)`
        : s.label;
    const verb = thirdParty ? `is sent to ${where}` : SINK_WORDS[s.kind] ?? 'reaches a sink';
    const tail = ruleId === 'pd-cross-border' ? ' — cross-border transfer' : '';
    const via = hit.entry ? `${hit.entry.callee}() → ${s.api}()` : `${s.api}()`;
    const props: Record<string, unknown> = {
      sink: s.kind,
      sinkApi: s.api,
      ...(s.recipient ? { recipient: s.recipient } : {}),
      ...(crossBorder !== undefined ? { crossBorder } : {}),
      ...(s.host ? { host: s.host } : {}),
      ...(s.hostEnv ? { hostEnv: s.hostEnv } : {}),
      ...(s.model ? { model: s.model } : {}),
      ...(hit.entry ? { wrapper: hit.entry.callee, sinkLocation: { path: hit.step.path, line: hit.step.line, column: hit.step.column } } : {}),
      purposes: purposeKeys,
      purposeDetails: purposes,
      fields: flowData.fields,
      ...(flowData.sources.length ? { sources: flowData.sources } : {}),
    };
    const explain = [
      `source: ${flowData.primary.steps[0]?.message ?? flowData.primary.field}`,
      `sink: ${s.api}() (${s.kind}${s.heuristic ? ', recognised by name' : ''})`,
      ...(flowData.unshaped ? [`the whole ${flowData.sources[0] ?? 'payload'} reaches the sink and its fields are not known here: it may hold personal data (category assumed, low confidence)`] : []),
      ...(flowData.best.size && [...flowData.best.values()].every((l) => l.stored) ? ['known from the write to the model only (the keys written, or the model\'s declared fields for an object of unknown shape; the values are not traced to personal data): confidence one level lower'] : []),
      ...(hit.entry ? [`wrapper: ${hit.entry.callee}() passes the argument on to ${s.api}() at ${hit.step.path}:${hit.step.line}; reported where the data enters it`] : []),
      ...(s.guessedFrom ? [`recipient guessed from the client's name and call shape: ${s.guessedFrom}; confidence lowered`] : []),
      ...(s.recipient ? [`recipient: ${s.recipient.name}, country ${s.recipient.country ?? `unknown${s.recipient.region ? ` (region ${s.recipient.region})` : ''}`}`] : []),
      ...purposes.map((p) => `purpose (to confirm): ${p.purpose} — ${p.evidence.join('; ')}`),
    ];
    const flow = flowOf(flowData.primary, hit.step);
    out.push({
      ruleId,
      kind: 'flow',
      ...base(flowData),
      confidence,
      score: SCORE[confidence],
      message: `${describeData(flowData)} ${verb} via ${via}${tail}.`,
      flow,
      explain,
      level,
      properties: props,
    });
    if (ruleId === 'pd-cross-border' && sensitive) {
      const sens = flowData.categories.filter((c) => isSensitive(c, regime));
      out.push({
        ruleId: 'pd-third-party-sensitive',
        kind: 'risk',
        category: sens[0]!,
        categories: sens,
        location: sinkLoc,
        ...(logicalLocations ? { logicalLocations } : {}),
        confidence,
        score: SCORE[confidence],
        message: `Sensitive personal data (${sens.join(', ')}) is sent to ${where} via ${via}.`,
        flow,
        explain,
        level: 'high',
        properties: { ...props },
      });
    }
    // Credentials in a log or written to storage without hashing.
    // A key written to storage is no evidence of plain text: its value may well be hashed (stored-keys.ts).
    const plainCredential = catLabels(hit.taint).filter((l) => l.cat === 'credentials' && !l.stored);
    if ((s.kind === 'log' || !thirdParty) && plainCredential.length) {
      const l = plainCredential.reduce((a, b) => (CONF_RANK[b.conf] > CONF_RANK[a.conf] ? b : a));
      out.push({
        ruleId: 'pd-plaintext-credential',
        kind: 'risk',
        category: 'credentials',
        categories: ['credentials'],
        location: sinkLoc,
        ...(logicalLocations ? { logicalLocations } : {}),
        confidence: l.conf,
        score: SCORE[l.conf],
        message: `A credential (${l.field}) is ${s.kind === 'log' ? 'written to a log' : 'stored'} in plain text via ${via}: hash it (argon2/bcrypt) or drop it.`,
        flow: flowOf(l, hit.step),
        explain: [`source: ${l.steps[0]?.message ?? l.field}`, 'no hashing or encryption call on the path'],
        level: 'high',
        properties: { sink: s.kind, sinkApi: s.api, fields: [l.field] },
      });
    }
    // Sensitive data written to the application's own storage with no protection on the path.
    if (!thirdParty && s.kind === 'storage') {
      const traced = catLabels(hit.taint).filter((x) => !x.stored);
      const sens = flowData.categories.filter((c) => c !== 'credentials' && isSensitive(c, regime) && traced.some((x) => x.cat === c));
      if (sens.length) {
        const l = traced.find((x) => x.cat === sens[0]) ?? flowData.best.get(sens[0]!)!;
        const fields = [...new Set(sens.flatMap((c) => traced.filter((x) => x.cat === c).map((x) => x.field)))];
        out.push({
          ruleId: 'pd-sensitive-unencrypted',
          kind: 'risk',
          category: sens[0]!,
          categories: sens,
          location: sinkLoc,
          ...(logicalLocations ? { logicalLocations } : {}),
          confidence: capConf(l.conf, 'medium'),
          score: SCORE[capConf(l.conf, 'medium')],
          message: `Sensitive personal data (${sens.join(', ')}: ${fields.slice(0, 4).join(', ')}) is stored${s.model ? ` in ${s.model}` : ''} via ${via} with no encryption or hashing on the path.`,
          flow: flowOf(l, hit.step),
          explain: ['no call to an encryption, hashing or masking function on the path to storage'],
          level: 'medium',
          properties: { sink: s.kind, sinkApi: s.api, fields, ...(s.model ? { model: s.model } : {}) },
        });
      }
    }
    if (purposeKeys.some(isMarketingPurpose)) {
      const mk = purposes.filter((p) => isMarketingPurpose(p.purpose));
      out.push({
        ruleId: 'pd-marketing-consent',
        kind: 'risk',
        ...base(flowData),
        confidence: capConf(flowData.confidence, 'medium'),
        score: SCORE[capConf(flowData.confidence, 'medium')],
        message: `Personal data (${flowData.categories.join(', ')}) appears to be used for marketing (${mk.map((p) => p.purpose).join(', ')}, to confirm): a separate consent is required.`,
        flow,
        explain: mk.map((p) => `purpose (to confirm): ${p.purpose} — ${p.evidence.join('; ')}`),
        level: 'medium',
        properties: { sink: s.kind, sinkApi: s.api, purposes: mk.map((p) => p.purpose), purposeDetails: mk, ...(s.recipient ? { recipient: s.recipient } : {}) },
      });
    }
  }

  if (urlData) {
    const sensitive = urlData.categories.some((c) => isSensitive(c, regime));
    out.push({
      ruleId: 'pd-in-url',
      kind: 'risk',
      ...base(urlData),
      confidence: urlData.confidence,
      score: SCORE[urlData.confidence],
      message: `${describeData(urlData)} is put in a URL${s.kind === 'url' ? '' : ` passed to ${s.api}()`}; URLs end up in access logs and Referer headers.`,
      flow: flowOf(urlData.primary, hit.step),
      explain: [`source: ${urlData.primary.steps[0]?.message ?? urlData.primary.field}`, 'the value is part of the URL (path or query string)'],
      level: sensitive ? 'high' : 'medium',
      properties: { sink: s.kind === 'url' ? 'url' : s.kind, sinkApi: s.api, fields: urlData.fields, ...(s.recipient ? { recipient: s.recipient } : {}) },
    });
  }
  return out;
}

/** Personal data read from a URL by a route (req.query.email, @Query('sdt')). */
export function urlInputFindings(inputs: UrlInput[], regime: Regime): Finding[] {
  const byLine = new Map<string, UrlInput[]>();
  for (const i of inputs) {
    if (!isCategory(i.cat)) continue;
    const k = `${i.step.path}:${i.step.line}`;
    const list = byLine.get(k);
    if (list) list.push(i);
    else byLine.set(k, [i]);
  }
  const out: Finding[] = [];
  for (const list of byLine.values()) {
    const categories = orderCategories(list.map((i) => i.cat), regime);
    const first = list[0]!;
    let conf: Confidence = 'low';
    for (const i of list) if (CONF_RANK[i.conf] > CONF_RANK[conf]) conf = i.conf;
    const fields = [...new Set(list.map((i) => i.field))];
    out.push({
      ruleId: 'pd-in-url',
      kind: 'risk',
      category: categories[0]!,
      categories,
      confidence: conf,
      score: SCORE[conf],
      message: `Personal data (${categories.join(', ')}: ${fields.join(', ')}) is received in the URL (query string or path)${first.ctx.route ? ` of ${first.ctx.route}` : ''}; URLs end up in access logs and Referer headers.`,
      location: { path: first.step.path, line: first.step.line, column: first.step.column },
      ...(first.ctx.functionName ? { logicalLocations: [{ kind: 'function' as const, name: first.ctx.functionName, ...(first.ctx.className ? { fullyQualifiedName: `${first.ctx.className}.${first.ctx.functionName}` } : {}) }] } : {}),
      explain: ['read from req.query / req.params / @Query() / @Param()'],
      level: categories.some((c) => isSensitive(c, regime)) ? 'high' : 'medium',
      properties: { sink: 'url', fields, ...(first.ctx.route ? { route: first.ctx.route } : {}) },
    });
  }
  return out;
}

/**
 * Sensitive fields of persistent models that nothing in the project encrypts or hashes and that
 * no analysed write covers (writes report their own findings).
 */
export function declarationRiskFindings(
  types: TypeFacts[],
  written: Set<string>,
  protectedFields: Set<string>,
  passwordHashing: boolean,
  regime: Regime,
  keyOf: (model: string) => string,
): Finding[] {
  const out: Finding[] = [];
  for (const t of types) {
    if (!t.persistent) continue;
    const mk = keyOf(t.name);
    for (const f of t.fields) {
      if (!isCategory(f.cat) || f.protected) continue;
      const id = `${mk}.${f.name}`;
      if (protectedFields.has(id)) continue;
      const loc = t.fieldLocations?.[f.name] ?? t.location;
      if (!loc) continue;
      const logicalLocations: LogicalLocation[] = [
        { kind: 'model', name: t.name },
        { kind: 'member', name: f.name, fullyQualifiedName: `${t.name}.${f.name}` },
      ];
      if (f.cat === 'credentials') {
        if (passwordHashing || written.has(id)) continue;
        out.push({
          ruleId: 'pd-plaintext-credential',
          kind: 'risk',
          category: 'credentials',
          categories: ['credentials'],
          confidence: 'low',
          score: SCORE.low,
          message: `${t.name}.${f.name} holds a credential and the project shows no password hashing (argon2, bcrypt, scrypt).`,
          location: { path: loc.path, line: loc.line, column: loc.column },
          logicalLocations,
          explain: ['credential field in a persistent model', 'no password-hashing call found in the scanned code'],
          level: 'high',
          properties: { model: t.name, field: f.name, ...(t.framework ? { framework: t.framework } : {}) },
        });
        continue;
      }
      if (!isSensitive(f.cat, regime) || written.has(id)) continue;
      out.push({
        ruleId: 'pd-sensitive-unencrypted',
        kind: 'risk',
        category: f.cat,
        categories: [f.cat],
        confidence: capConf(f.conf, 'medium'),
        score: SCORE[capConf(f.conf, 'medium')],
        message: `${t.name}.${f.name} holds sensitive personal data (${f.cat}) and nothing in the scanned code encrypts or hashes it.`,
        location: { path: loc.path, line: loc.line, column: loc.column },
        logicalLocations,
        explain: ['sensitive field in a persistent model', 'no encryption/hashing of this field and no protected write found'],
        // A risk is no stronger than the guess it rests on: a field only guessed at (free text on
        // a person read as private life) is a note, not a warning on every notes column.
        level: f.conf === 'low' ? 'low' : 'medium',
        properties: { model: t.name, field: f.name, ...(t.framework ? { framework: t.framework } : {}) },
      });
    }
  }
  return out;
}
