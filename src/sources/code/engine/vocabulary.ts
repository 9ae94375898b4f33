/**
 * The registry's frameworks merged once into what the engine looks up per node: sets and
 * tables instead of a walk over every framework at every call. Hooks stay in registry order.
 */
import type { Binding } from './bindings.js';
import type { CallRules, DeclarationRules, DecoratorRules, Framework } from './framework-api.js';
import type { ProtectionHint } from '../declarations/types.js';
import { ARG_PASS, CONTAINERS, DELETE_METHODS, PRIMITIVE_TYPES, RECEIVER_PASS } from './names.js';

export interface Vocabulary {
  /** Frameworks with a call classifier, a sanitizer, client facts or a client fallback, in order. */
  readonly classifiers: ReadonlyArray<Required<Pick<CallRules, 'classify'>>>;
  readonly sanitizers: ReadonlyArray<Required<Pick<CallRules, 'sanitize'>>>;
  readonly clientFacts: ReadonlyArray<Required<Pick<CallRules, 'clientFacts'>>>;
  readonly clientFallbacks: ReadonlyArray<Required<Pick<CallRules, 'clientFallback'>>>;
  readonly clientChecks: ReadonlyArray<(b: Binding) => boolean>;
  readonly packages: ReadonlySet<string>;
  readonly dataMethods: ReadonlySet<string>;
  readonly configMethods: ReadonlySet<string>;
  /** RECEIVER_PASS, ARG_PASS, CONTAINERS, PRIMITIVE_TYPES and DELETE_METHODS (names.ts) with the frameworks' words. */
  readonly receiverPass: ReadonlySet<string>;
  readonly argPass: ReadonlySet<string>;
  readonly requestNames: ReadonlySet<string>;
  readonly routeOnlyRequestNames: ReadonlySet<string>;
  readonly requestType: RegExp;
  readonly requestParts: Readonly<Record<string, string>>;
  readonly paramDecorators: Readonly<Record<string, string>>;
  readonly requestDecorators: ReadonlySet<string>;
  readonly containers: ReadonlySet<string>;
  readonly nonDataTypes: ReadonlySet<string>;
  /** Class decorators of persistent models, per framework in registry order (the first that matches names the model's). */
  readonly entityModels: ReadonlyArray<{ id: string; decorators: ReadonlySet<string> }>;
  readonly injectDecorators: readonly string[];
  readonly modelFactories: ReadonlySet<string>;
  readonly deleteMethods: ReadonlySet<string>;
  readonly storeName: RegExp;
  readonly storeMembers: ReadonlySet<string>;
  readonly routeDecorators: ReadonlySet<string>;
  readonly controllerDecorators: ReadonlySet<string>;
  readonly routeMethods: ReadonlySet<string>;
  readonly guardDecorators: ReadonlySet<string>;
  readonly scheduleDecorators: ReadonlySet<string>;
  readonly scheduleCalls: ReadonlySet<string>;
  readonly scheduleConstructors: ReadonlySet<string>;
  readonly redirectReceivers: ReadonlySet<string>;
  /** Declaration hooks in registry order. */
  /** Ids of frameworks whose models are API input, not storage (`declarations.input` or `decorators.input`). */
  readonly inputModels: ReadonlySet<string>;
  readonly declarations: ReadonlyArray<DeclarationRules & { id: string }>;
  readonly markers: readonly string[];
  /** Declaration framework ids whose models are stored by the application. */
  readonly persistent: ReadonlySet<string>;
  /** What decorators mean in declared classes (declarations/ts/classes.ts). */
  readonly decorators: DecoratorVocabulary;
}

export interface ModelDecorator {
  id: string;
  ifMentioned: boolean;
  tableFromOptions: boolean;
  store?: string;
}

export interface DecoratorVocabulary {
  /** Class decorator → the frameworks whose model it makes a class, in registry order. */
  readonly models: ReadonlyMap<string, readonly ModelDecorator[]>;
  /** Frameworks recognised by property decorators: input (DTO) frameworks first, each group in registry order. */
  readonly properties: ReadonlyArray<{ id: string; names: ReadonlySet<string>; pattern?: RegExp }>;
  /** Ids of frameworks whose classes are request input. */
  readonly input: ReadonlySet<string>;
  /** Handler parameter decorator → the framework it declares input for. */
  readonly inputParams: ReadonlyMap<string, string>;
  readonly relations: ReadonlySet<string>;
  readonly neutral: ReadonlySet<string>;
  readonly embeds: ReadonlySet<string>;
  readonly references: ReadonlySet<string>;
  readonly typeLinks: ReadonlySet<string>;
  readonly scalarTypes: readonly RegExp[];
  /** Property decorators of frameworks that store their models (the class stores the property itself). */
  readonly storing: ReadonlySet<string>;
  readonly protections: ReadonlyMap<string, ProtectionHint>;
}

function decoratorVocabulary(frameworks: readonly Framework[], persistent: ReadonlySet<string>): DecoratorVocabulary {
  const withRules = frameworks.flatMap((f) => (f.declarations?.decorators ? [{ id: f.id, d: f.declarations.decorators }] : []));
  const models = new Map<string, ModelDecorator[]>();
  const inputParams = new Map<string, string>();
  const protections = new Map<string, ProtectionHint>();
  for (const { id, d } of withRules) {
    for (const name of d.models ?? []) {
      const list = models.get(name) ?? [];
      list.push({ id, ifMentioned: d.modelsIfMentioned === true, tableFromOptions: d.tableFromOptions === true, ...(d.store ? { store: d.store } : {}) });
      models.set(name, list);
    }
    for (const name of d.inputParams ?? []) if (!inputParams.has(name)) inputParams.set(name, id);
    for (const [name, hint] of Object.entries(d.protections ?? {})) protections.set(name, hint);
  }
  const byProperties = (input: boolean) =>
    withRules.flatMap(({ id, d }) => ((d.input === true) === input && (d.properties?.length || d.propertyPattern) ? [{ id, names: new Set(d.properties), ...(d.propertyPattern ? { pattern: d.propertyPattern } : {}) }] : []));
  const union = (pick: (d: DecoratorRules) => readonly string[] | undefined) => new Set(withRules.flatMap(({ d }) => pick(d) ?? []));
  return {
    models,
    properties: [...byProperties(true), ...byProperties(false)],
    input: new Set(withRules.filter(({ d }) => d.input).map(({ id }) => id)),
    inputParams,
    relations: union((d) => d.relations),
    neutral: union((d) => d.neutral),
    embeds: union((d) => d.embeds),
    references: union((d) => d.references),
    typeLinks: union((d) => d.typeLinks),
    scalarTypes: withRules.flatMap(({ d }) => (d.scalarTypes ? [d.scalarTypes] : [])),
    storing: new Set(withRules.flatMap(({ id, d }) => (persistent.has(id) ? (d.properties ?? []) : []))),
    protections,
  };
}

/** Ids of the frameworks a file's lower-cased text mentions (`ctx.uses` of the declaration extractors). */
export function mentionedIn(vocabulary: Vocabulary, lower: string): Set<string> {
  const out = new Set<string>();
  for (const d of vocabulary.declarations) if (d.mentionedIn?.(lower)) out.add(d.id);
  return out;
}

function setOf<T>(frameworks: readonly Framework[], pick: (f: Framework) => readonly T[] | undefined, base: Iterable<T> = []): Set<T> {
  const out = new Set<T>(base);
  for (const f of frameworks) for (const x of pick(f) ?? []) out.add(x);
  return out;
}

function recordOf(frameworks: readonly Framework[], pick: (f: Framework) => Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of frameworks) Object.assign(out, pick(f));
  return out;
}

function hooks<K extends keyof CallRules>(frameworks: readonly Framework[], key: K): Array<Required<Pick<CallRules, K>>> {
  return frameworks.flatMap((f) => (f.calls?.[key] ? [f.calls as Required<Pick<CallRules, K>>] : []));
}

export function vocabularyOf(frameworks: readonly Framework[]): Vocabulary {
  const suffixes = [...setOf(frameworks, (f) => f.sources?.requestTypeSuffixes)];
  const storeNames = [...setOf(frameworks, (f) => f.stores?.storeNames)];
  return {
    classifiers: hooks(frameworks, 'classify'),
    sanitizers: hooks(frameworks, 'sanitize'),
    clientFacts: hooks(frameworks, 'clientFacts'),
    clientFallbacks: hooks(frameworks, 'clientFallback'),
    clientChecks: frameworks.flatMap((f) => (f.calls?.isClient ? [f.calls.isClient] : [])),
    packages: setOf(frameworks, (f) => f.packages),
    dataMethods: setOf(frameworks, (f) => f.calls?.dataMethods),
    configMethods: setOf(frameworks, (f) => f.calls?.configMethods),
    receiverPass: setOf(frameworks, (f) => f.calls?.receiverPass, RECEIVER_PASS),
    argPass: setOf(frameworks, (f) => f.calls?.argPass, ARG_PASS),
    requestNames: setOf(frameworks, (f) => f.sources?.requestNames),
    routeOnlyRequestNames: setOf(frameworks, (f) => f.sources?.routeOnlyRequestNames),
    // Suffixes are plain identifiers: no character needs escaping.
    requestType: suffixes.length ? new RegExp(`(${suffixes.join('|')})$`) : /$^/,
    requestParts: recordOf(frameworks, (f) => f.sources?.requestParts),
    paramDecorators: recordOf(frameworks, (f) => f.sources?.paramDecorators),
    requestDecorators: setOf(frameworks, (f) => f.sources?.requestDecorators),
    containers: setOf(frameworks, (f) => f.sources?.containers, CONTAINERS),
    nonDataTypes: setOf(frameworks, (f) => f.sources?.nonDataTypes, PRIMITIVE_TYPES),
    entityModels: frameworks.flatMap((f) => (f.stores?.entityDecorators?.length ? [{ id: f.id, decorators: new Set(f.stores.entityDecorators) }] : [])),
    injectDecorators: [...setOf(frameworks, (f) => f.stores?.injectDecorators)],
    modelFactories: setOf(frameworks, (f) => f.stores?.modelFactories),
    deleteMethods: setOf(frameworks, (f) => f.stores?.deleteMethods, DELETE_METHODS),
    storeMembers: setOf(frameworks, (f) => f.stores?.storeMembers),
    storeName: storeNames.length ? new RegExp(storeNames.join('|'), 'i') : /$^/,
    routeDecorators: setOf(frameworks, (f) => f.routes?.decorators),
    controllerDecorators: setOf(frameworks, (f) => f.routes?.controllerDecorators),
    routeMethods: setOf(frameworks, (f) => f.routes?.registerMethods),
    guardDecorators: setOf(frameworks, (f) => f.routes?.guardDecorators),
    scheduleDecorators: setOf(frameworks, (f) => f.routes?.scheduleDecorators),
    scheduleCalls: setOf(frameworks, (f) => f.routes?.scheduleCalls),
    scheduleConstructors: setOf(frameworks, (f) => f.routes?.scheduleConstructors),
    redirectReceivers: setOf(frameworks, (f) => f.routes?.redirectReceivers),
    declarations: frameworks.flatMap((f) => (f.declarations ? [{ ...f.declarations, id: f.id }] : [])),
    markers: [...setOf(frameworks, (f) => f.declarations?.markers)],
    persistent: new Set(frameworks.filter((f) => f.declarations?.persistent).map((f) => f.id)),
    inputModels: new Set(frameworks.filter((f) => f.declarations?.input || f.declarations?.decorators?.input).map((f) => f.id)),
    decorators: decoratorVocabulary(frameworks, new Set(frameworks.filter((f) => f.declarations?.persistent).map((f) => f.id))),
  };
}
