/**
 * SDK clients that cross files. A file that exports a client (`export const stripe = new
 * Stripe(k)`, `export default transporter`, `export function getStripe() { return cached ??=
 * new Stripe(k) }`) says in its summary what calls through that client reach; a file that
 * imports it records its calls on the client as pending sink hits naming the export. linkProject
 * joins the two. Everything here is plain JSON (summaries cross worker threads) and small.
 */
import type { ClientFacts, ClientUse, SinkInfo } from './types.js';
import type { Label, Taint } from './taint.js';

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
  return sink ? { ...sink, api } : undefined;
}

/**
 * Facts of the client an export key stands for, following re-bound clients. `targets` maps a key
 * to project keys (aliases, barrels, path aliases), as for callees.
 */
export function resolveClient(
  use: { key: string; call: boolean },
  clients: ReadonlyMap<string, ClientFacts>,
  targets: (key: string) => string[],
  hops = 0,
): ClientFacts | undefined {
  if (hops > MAX_CLIENT_HOPS) return undefined;
  for (const k of targets(use.key)) {
    const f = clients.get(k);
    if (!f) continue;
    // Calling a factory gives the client; the factory itself is not one (and vice versa).
    if (!!f.factory !== use.call) continue;
    if (f.ref) {
      const inner = resolveClient(f.ref, clients, targets, hops + 1);
      if (inner) return inner;
      continue;
    }
    return f;
  }
  return undefined;
}

/**
 * Labels known only from payload keys, decided for the sink they reach: kept for third parties
 * (the addressee becomes an email for e-mail services, a phone number for SMS), dropped for logs,
 * URLs and the app's own storage.
 */
export function materialize(t: Taint, sink: SinkInfo): Taint {
  if (!t.some((l) => l.k === 'cat' && l.keyed)) return t;
  const thirdParty = sink.kind !== 'log' && sink.kind !== 'url' && !sink.internal;
  const addressee = sink.recipient?.kind === 'email' ? 'digital-account' : sink.recipient?.kind === 'sms' ? 'phone' : undefined;
  const out: Label[] = [];
  for (const l of t) {
    if (l.k !== 'cat' || !l.keyed) out.push(l);
    else if (!thirdParty) continue;
    else if (l.cat !== ADDRESSEE) out.push(l);
    else if (addressee) out.push({ ...l, cat: addressee });
  }
  return out;
}
