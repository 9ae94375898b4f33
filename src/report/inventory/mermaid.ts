/**
 * Data-flow diagram as Mermaid source (GitHub renders it): sources → storages → recipients,
 * with recipients outside Vietnam marked. Cloud storage and database services appear among the
 * storages, since that is what they are to the system, and keep their foreign mark.
 */
import type { Inventory, Lang, RecipientEntry } from './types.js';
import { countryName } from './i18n.js';

const MAX_NODES = 30;

/** Mermaid label text: quotes and angle brackets as entity codes, one line. */
function lbl(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

const STORAGE_SERVICE = new Set(['cloud-storage', 'database']);

interface Node {
  key: string;
  text: string;
  group: 'source' | 'storage' | 'recipient';
  shape: 'box' | 'db' | 'round';
  cls?: 'foreign' | 'unknown';
  weight: number;
  /** In inventories merged across systems: the system a source or storage belongs to. */
  system?: string;
}

function recipientText(r: RecipientEntry, lang: Lang): { text: string; cls?: 'foreign' | 'unknown' } {
  if (r.foreign === true) return { text: `${r.name} · ${lang === 'vi' ? 'nước ngoài' : 'abroad'}: ${countryName(r.country, lang)}`, cls: 'foreign' };
  if (r.foreign === null) return { text: `${r.name} · ${lang === 'vi' ? 'quốc gia chưa rõ' : 'country unknown'}`, cls: 'unknown' };
  return { text: `${r.name} · ${countryName(r.country, lang)}` };
}

export function mermaidDiagram(inv: Inventory, lang: Lang): string[] | undefined {
  const weight = new Map<string, number>();
  for (const l of inv.links) {
    weight.set(l.from, (weight.get(l.from) ?? 0) + 1);
    weight.set(l.to, (weight.get(l.to) ?? 0) + 1);
  }
  const nodes: Node[] = [];
  for (const s of inv.sources.filter((x) => weight.has(`source:${x.id}`))) {
    nodes.push({ key: `source:${s.id}`, text: s.name, group: 'source', shape: 'round', weight: weight.get(`source:${s.id}`)!, ...(s.system ? { system: s.system } : {}) });
  }
  for (const s of inv.storages) {
    const suffix = s.framework ?? s.engine;
    nodes.push({
      key: `storage:${s.id}`,
      text: suffix ? `${s.name} (${suffix})` : s.name,
      group: 'storage',
      shape: 'db',
      weight: weight.get(`storage:${s.id}`) ?? 0,
      ...(s.system ? { system: s.system } : {}),
    });
  }
  for (const r of inv.recipients) {
    const { text, cls } = recipientText(r, lang);
    nodes.push({
      key: `recipient:${r.id}`,
      text,
      group: r.kind && STORAGE_SERVICE.has(r.kind) ? 'storage' : 'recipient',
      shape: r.kind && STORAGE_SERVICE.has(r.kind) ? 'db' : 'box',
      ...(cls ? { cls } : {}),
      weight: weight.get(`recipient:${r.id}`) ?? 0,
    });
  }
  if (!nodes.length) return undefined;

  const ids = new Map<string, string>();
  const titles = {
    source: lang === 'vi' ? 'Nguồn thu thập' : 'Sources',
    storage: lang === 'vi' ? 'Nơi lưu trữ' : 'Storages',
    recipient: lang === 'vi' ? 'Bên nhận' : 'Recipients',
  };
  const out = ['```mermaid', 'flowchart LR'];
  const omitted: Record<string, number> = {};
  const prefix = { source: 'src', storage: 'sto', recipient: 'rec' } as const;
  (['source', 'storage', 'recipient'] as const).forEach((group, gi) => {
    const members = nodes
      .filter((n) => n.group === group)
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (!members.length) return;
    const shown = members.slice(0, MAX_NODES);
    omitted[group] = members.length - shown.length;
    out.push(`  subgraph G${gi}["${lbl(titles[group])}"]`);
    shown.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Across systems, each system's sources and storages sit in a box of their own.
    const systems = [...new Set(shown.map((n) => n.system ?? ''))].sort();
    for (const system of systems) {
      if (system) out.push(`    subgraph ${prefix[group]}Sys${systems.indexOf(system)}["${lbl(system)}"]`);
      for (const n of shown.filter((x) => (x.system ?? '') === system)) {
        const id = `${prefix[group]}${ids.size + 1}`;
        ids.set(n.key, id);
        const t = lbl(n.text);
        const shape = n.shape === 'db' ? `[("${t}")]` : n.shape === 'round' ? `(["${t}"])` : `["${t}"]`;
        out.push(`    ${system ? '  ' : ''}${id}${shape}${n.cls ? `:::${n.cls}` : ''}`);
      }
      if (system) out.push('    end');
    }
    if (omitted[group]) {
      out.push(`    ${prefix[group]}More["${lbl(lang === 'vi' ? `và ${omitted[group]} mục khác` : `and ${omitted[group]} more`)}"]`);
    }
    out.push('  end');
  });
  for (const l of inv.links) {
    const a = ids.get(l.from);
    const b = ids.get(l.to);
    if (!a || !b) continue;
    const cats = l.categories.length > 3 ? `${l.categories.slice(0, 3).join(', ')}, +${l.categories.length - 3}` : l.categories.join(', ');
    out.push(`  ${a} -->|"${lbl(cats)}"| ${b}`);
  }
  out.push('  classDef foreign fill:#fdecea,stroke:#c0392b,stroke-width:2px,color:#000');
  out.push('  classDef unknown fill:#fff8e1,stroke:#f39c12,stroke-dasharray:4 3,color:#000');
  out.push('```');
  return out;
}
