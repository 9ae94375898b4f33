/**
 * SDK clients that cross files. A file that exports a client (`export const stripe = new
 * Stripe(k)`, `export default transporter`, `export function getStripe() { return cached ??=
 * new Stripe(k) }`) says in its summary what calls through that client reach; a file that
 * imports it records its calls on the client as pending sink hits naming the export. linkProject
 * joins the two. Everything here is plain JSON (summaries cross worker threads) and small.
 */
import type { ClientFacts, ClientUse, SinkInfo } from './types.js';
import type { CatLabel, Label, Step, Taint } from './taint.js';
import { storedFromPayloadKey } from './stored-keys.js';

/** Pseudo-category of a value under a `to`/`cc`/`bcc` key: an email or a phone number, by recipient. */
export const ADDRESSEE = '@addressee';

/** Hops through re-bound clients before giving up (a → b → c). */
const MAX_CLIENT_HOPS = 4;

/**
 * The sink a client call reaches, given the facts of the export it goes through; undefined when
 * the call only configures the client or the method does not send.
 */
export function sinkOfUse(facts: ClientFacts, use: ClientUse, api: string, configMethods: ReadonlySet<string>): SinkInfo | undefined {
  const nm = use.members.length;
  const last = use.members[nm - 1] ?? '';
  if (facts.methods) {
    if (!facts.methods.includes(last)) return undefined;
  } else if (nm === 0 || (nm <= 1 && configMethods.has(last))) return undefined;
  let sink = facts.sink;
  for (const m of use.members) {
    const sub = facts.members?.[m];
    if (sub) {
      sink = sub;
      break;
    }
  }
  if (!sink) return undefined;
  const collects = facts.collectsOn?.methods.includes(last) ? facts.collectsOn.cats : undefined;
  return { ...sink, api, ...(collects ? { collects } : {}) };
}

/**
 * What the sink's SDK collects by itself on the call (an analytics SDK: device, IP address,
 * cookies), as labels of the data sent: the call is an online-activity transfer even when the
 * properties passed are not personal. Medium confidence; identifiers passed along raise it.
 */
export function collectedBySdk(sink: SinkInfo, step: Step): CatLabel[] {
  return (sink.collects ?? []).map((cat) => ({
    k: 'cat',
    cat,
    conf: 'medium',
    field: `${sink.label} SDK: device, IP address, cookies`,
    source: `collected by the ${sink.label} SDK itself`,
    collected: true,
    steps: [step],
  }));
}

/**
 * Facts of the client an export key stands for, following re-bound clients. `targets` maps a key
 * to project keys (aliases, barrels, path aliases and workspace packages as seen from `from`), as
 * for callees.
 */
export function resolveClient(
  use: { key: string; call: boolean },
  clients: ReadonlyMap<string, ClientFacts>,
  targets: (key: string, from?: string) => string[],
  hops = 0,
  from?: string,
): ClientFacts | undefined {
  if (hops > MAX_CLIENT_HOPS) return undefined;
  for (const k of targets(use.key, from)) {
    const f = clients.get(k);
    if (!f) continue;
    // Calling a factory gives the client; the factory itself is not one (and vice versa).
    if (!!f.factory !== use.call) continue;
    if (f.ref) {
      // The re-bound client's import is read from the exporting module (its path aliases).
      const inner = resolveClient(f.ref, clients, targets, hops + 1, k.slice(0, k.indexOf('#')));
      if (inner) return inner;
      continue;
    }
    return f;
  }
  return undefined;
}

/**
 * The export is a client made by another project value the linker could not follow (a factory
 * returning what an unresolved import gives): evidence that it is a client, of unknown kind.
 */
export function unresolvedClientRef(use: { key: string; call: boolean }, clients: ReadonlyMap<string, ClientFacts>, targets: (key: string, from?: string) => string[], from?: string): boolean {
  return targets(use.key, from).some((k) => {
    const f = clients.get(k);
    return !!f?.ref && !!f.factory === use.call;
  });
}

/**
 * Labels known only from payload keys, decided for the sink they reach: kept for third parties
 * (the addressee becomes an email for e-mail services, a phone number for SMS), dropped for logs,
 * URLs and the app's own storage; keys written to storage kept for storage only.
 */
export function materialize(t: Taint, sink: SinkInfo): Taint {
  if (!t.some((l) => l.k === 'cat' && (l.keyed || l.stored))) return t;
  const thirdParty = sink.kind !== 'log' && sink.kind !== 'url' && !sink.internal;
  // Keys written to storage (stored-keys.ts) say what is stored, nothing of what a log or an API gets.
  const storage = sink.kind === 'storage' && !!sink.internal;
  t = t.filter((l) => l.k !== 'cat' || !l.stored || storage);
  if (!t.some((l) => l.k === 'cat' && l.keyed)) return t;
  const addressee = sink.recipient?.kind === 'email' ? 'digital-account' : sink.recipient?.kind === 'sms' ? 'phone' : undefined;
  const out: Label[] = [];
  for (const l of t) {
    if (l.k !== 'cat' || !l.keyed) out.push(l);
    else if (!thirdParty) {
      // A payload key that reaches a model through the app's own wrapper (`updateUser({ data: { authChallenge } })`): judged again with the model as owner.
      const s = storage && sink.model ? storedFromPayloadKey(l, sink.model) : undefined;
      if (s) out.push(s);
    }
    else if (l.cat !== ADDRESSEE) out.push(l);
    else if (addressee) out.push({ ...l, cat: addressee });
  }
  return out;
}
