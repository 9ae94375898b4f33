/**
 * The registry's frameworks merged once into what the engine looks up per node: sets and
 * tables instead of a walk over every framework at every call. Hooks stay in registry order.
 */
import type { Binding } from './bindings.js';
import type { CallRules, DeclarationRules, Framework } from './framework-api.js';
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
  readonly declarations: ReadonlyArray<DeclarationRules & { id: string }>;
  readonly markers: readonly string[];
  /** Declaration framework ids whose models are stored by the application. */
  readonly persistent: ReadonlySet<string>;
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
  };
}
