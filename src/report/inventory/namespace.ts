/**
 * Organisation-wide inventories: when inventories of different systems (repositories,
 * databases) are merged, the same relative path or model name from two systems must stay two
 * things. Each single-system inventory's evidence paths, logical names, sources and storages
 * are prefixed with its system's name ("github.com/acme/shop-api:src/users/user.entity.ts")
 * before the facts are united; recipients and purposes are shared on purpose (one processor
 * serving several systems is one recipient).
 *
 * An inventory that already spans several systems was namespaced when it was merged and is
 * taken as it is, which keeps merging idempotent, commutative and associative.
 */
import type { ColumnHit, Inventory, InventoryFacts, Where } from './types.js';

/** The systems an inventory's targets came from, sorted and distinct. */
export function systemsOf(inv: Pick<Inventory, 'targets'>): string[] {
  return [...new Set(inv.targets.map((t) => t.source?.name).filter((n): n is string => !!n))].sort();
}

const LINK_KINDS = ['source:', 'storage:'];

/** Prefixes everything that belongs to one system; `system` is its source name. */
export function namespaceFacts(f: InventoryFacts, system: string): InventoryFacts {
  const ns = (s: string) => `${system}:${s}`;
  const where = <T extends Where>(w: T): T => ({ ...w, ...(w.path !== undefined ? { path: ns(w.path) } : {}), ...(w.logical !== undefined ? { logical: ns(w.logical) } : {}) });
  const column = (c: ColumnHit): ColumnHit => ({ ...c, system });
  const link = (id: string) => {
    const kind = LINK_KINDS.find((k) => id.startsWith(k));
    return kind ? `${kind}${ns(id.slice(kind.length))}` : id;
  };
  return {
    targets: f.targets,
    categories: f.categories.map((c) => ({
      id: c.id,
      files: c.files.map((h) => ({ ...h, path: ns(h.path) })),
      fields: c.fields.map((h) => (h.path !== undefined ? { ...h, path: ns(h.path) } : h)),
      columns: c.columns.map(column),
    })),
    purposes: f.purposes.map((p) => ({ ...p, evidence: p.evidence.map(where) })),
    sources: f.sources.map((s) => ({ ...s, id: ns(s.id), system, evidence: s.evidence.map(where) })),
    storages: f.storages.map((s) => ({ ...s, id: ns(s.id), system, evidence: s.evidence.map(where) })),
    recipients: f.recipients.map((r) => ({ ...r, evidence: r.evidence.map(where) })),
    links: f.links.map((l) => ({ ...l, from: link(l.from), to: link(l.to) })),
    protection: f.protection.map((e) => ({ ...e, where: e.where.map(where) })),
    retention: f.retention.map((e) => ({ ...e, where: e.where.map(where) })),
    risks: f.risks.map((r) => ({ ...r, where: r.where.map(where) })),
    childrenHints: f.childrenHints.map(where),
  };
}

/**
 * The facts of each inventory, namespaced by system when the inputs span more than one.
 * Inventories without a recorded source (written before sources were recorded) stay as they are.
 */
export function factsBySystem(inventories: Inventory[], factsOf: (inv: Inventory) => InventoryFacts): InventoryFacts[] {
  const all = new Set(inventories.flatMap(systemsOf));
  return inventories.map((inv) => {
    const own = systemsOf(inv);
    return all.size > 1 && own.length === 1 ? namespaceFacts(factsOf(inv), own[0]!) : factsOf(inv);
  });
}
