/**
 * Recipient catalogue (rules/recipients.yml, extended by `recipients:` in .pdscan.yml): who
 * receives data sent through an npm package, to a host, or through a browser global, and in
 * which country. Cloud services whose customer picks a region get their country from the
 * region found in code.
 */
import { checkRulesData, recipientsFile } from '../../../rules/catalogue.js';
import { ConfigError } from '../../../util/errors.js';

export type RecipientKind =
  | 'payment' | 'ai' | 'error-tracker' | 'analytics' | 'advertising' | 'email' | 'sms' | 'push' | 'chat'
  | 'cloud-storage' | 'database' | 'http-api' | 'crm' | 'identity' | 'maps' | 'shipping' | 'insurer';

export type SinkKind = 'log' | 'error-tracker' | 'analytics' | 'http' | 'messaging' | 'ai' | 'storage' | 'payment';

export interface RecipientDef {
  id: string;
  name: string;
  country: string;
  kind: RecipientKind;
  purposes?: string[];
  packages?: string[];
  hosts?: string[];
  globals?: string[];
  /** Service names an SMTP transport is configured with instead of a host (`service: 'gmail'`). */
  smtp_services?: string[];
  region_provider?: 'aws' | 'gcp' | 'azure';
  members?: Record<string, string>;
  /** Categories the SDK collects by itself on a tracking call (device, IP, cookies → online-activity). */
  collects?: string[];
}

export interface RecipientsFile {
  recipients: RecipientDef[];
  regions?: Record<string, Record<string, string>>;
}

/** What a finding says about a recipient (`properties.recipient`). */
export interface Recipient {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2; absent when it depends on a region the code does not show. */
  country?: string;
  kind: RecipientKind;
  /** Cloud region found in code, when the country comes from it. */
  region?: string;
  /** The provider's home country when `country` is unknown. */
  headquarters?: string;
}

export class RecipientCatalog {
  private readonly byId = new Map<string, RecipientDef>();
  private readonly byPackage = new Map<string, RecipientDef>();
  private readonly byScope = new Map<string, RecipientDef>();
  private readonly exactHosts = new Map<string, RecipientDef>();
  private readonly wildcardHosts: Array<{ re: RegExp; literal: number; def: RecipientDef }> = [];
  private byClientKey: Map<string, RecipientDef> | undefined;
  private readonly byGlobal = new Map<string, RecipientDef>();
  private readonly bySmtp = new Map<string, RecipientDef>();
  readonly regions: Record<string, Record<string, string>>;

  constructor(defs: RecipientDef[], regions: Record<string, Record<string, string>> = {}) {
    this.regions = regions;
    for (const d of defs) this.byId.set(d.id, d);
    for (const d of this.byId.values()) {
      for (const p of d.packages ?? []) {
        if (p.endsWith('/*')) this.byScope.set(p.slice(0, -2), d);
        else this.byPackage.set(p, d);
      }
      for (const h of d.hosts ?? []) {
        if (h.includes('*')) {
          // "*" stands for one or more host labels; patterns are trusted catalogue data.
          const body = h.split('*').map((part) => part.replace(/[.]/g, '\\.')).join('[a-z0-9.-]+');
          this.wildcardHosts.push({ re: new RegExp(`^${body}$`), literal: h.replace(/\*/g, '').length, def: d });
        } else this.exactHosts.set(h, d);
      }
      for (const g of d.globals ?? []) this.byGlobal.set(g, d);
      for (const name of d.smtp_services ?? []) this.bySmtp.set(name, d);
    }
    // Most specific first, so "email-smtp.*.amazonaws.com" wins over "*.amazonaws.com".
    this.wildcardHosts.sort((a, b) => b.literal - a.literal);
  }

  get(id: string): RecipientDef | undefined {
    return this.byId.get(id);
  }

  all(): RecipientDef[] {
    return [...this.byId.values()];
  }

  /**
   * A client named after a catalogued SDK (`posthog`, `PostHogClient`, `stripeClient`): used only
   * when the module it comes from is not in the scan. Names shorter than 5 letters are too vague.
   */
  byClientName(name: string): RecipientDef | undefined {
    const n = name.toLowerCase().replace(/^_+/, '').replace(/(client|sdk|instance)$/, '').replace(/[^a-z0-9]/g, '');
    if (n.length < 5) return undefined;
    if (!this.byClientKey) {
      this.byClientKey = new Map();
      for (const d of this.byId.values()) {
        if (!d.packages?.length) continue;
        const keys = [d.id, ...d.packages.map((p) => (p.startsWith('@') ? p.slice(1).split('/')[0]! : p.split('/')[0]!).replace(/-(node|js|sdk|client)$/, ''))];
        for (const k of keys) {
          const key = k.replace(/[^a-z0-9]/g, '');
          if (key.length >= 5 && !this.byClientKey.has(key)) this.byClientKey.set(key, d);
        }
      }
    }
    return this.byClientKey.get(n);
  }

  /** "@sentry/node" → sentry; "firebase/analytics" → firebase-analytics; deep imports fall back to the package. */
  byPackageName(spec: string): RecipientDef | undefined {
    const exact = this.byPackage.get(spec);
    if (exact) return exact;
    const parts = spec.split('/');
    const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const hit = this.byPackage.get(pkg);
    if (hit) return hit;
    return spec.startsWith('@') ? this.byScope.get(parts[0]!) : undefined;
  }

  byHost(host: string): RecipientDef | undefined {
    const h = host.toLowerCase().replace(/\.$/, '');
    const exact = this.exactHosts.get(h);
    if (exact) return exact;
    for (const { re, def } of this.wildcardHosts) {
      if (re.test(h)) return def;
    }
    return undefined;
  }

  byGlobalName(name: string): RecipientDef | undefined {
    return this.byGlobal.get(name);
  }

  /** The recipient of an SMTP transport configured with a service name (`service: 'Gmail'`). */
  bySmtpService(name: string): RecipientDef | undefined {
    return this.bySmtp.get(name.toLowerCase());
  }

  countryOfRegion(provider: string, region: string): string | undefined {
    return this.regions[provider]?.[region.toLowerCase()];
  }

  /** The region named in a host, e.g. "bucket.s3.ap-southeast-1.amazonaws.com" → ap-southeast-1. */
  regionInHost(provider: string, host: string): string | undefined {
    const table = this.regions[provider];
    if (!table) return undefined;
    for (const label of host.toLowerCase().split('.')) {
      if (label in table) return label;
    }
    return undefined;
  }

  /**
   * The recipient as reported, with the country resolved from a region when the service has
   * one. `region` is what the code shows (a literal), if anything.
   */
  describe(def: RecipientDef, region?: string): Recipient {
    if (!def.region_provider) return { id: def.id, name: def.name, country: def.country, kind: def.kind };
    const country = region ? this.countryOfRegion(def.region_provider, region) : undefined;
    if (country) return { id: def.id, name: def.name, country, kind: def.kind, region };
    return { id: def.id, name: def.name, kind: def.kind, headquarters: def.country, ...(region ? { region } : {}) };
  }
}

/** A host that no catalogue entry knows: the country is a guess from a country-code TLD. */
export function unknownHostRecipient(host: string): Recipient {
  const h = host.toLowerCase();
  const tld = h.slice(h.lastIndexOf('.') + 1);
  const country = tld === 'vn' ? 'VN' : undefined;
  return { id: `host:${h}`, name: h, kind: 'http-api', ...(country ? { country } : {}) };
}

export function sinkKindOf(kind: RecipientKind): SinkKind {
  switch (kind) {
    case 'payment':
      return 'payment';
    case 'ai':
      return 'ai';
    case 'error-tracker':
      return 'error-tracker';
    case 'analytics':
    case 'advertising':
      return 'analytics';
    case 'email':
    case 'sms':
    case 'push':
    case 'chat':
      return 'messaging';
    case 'cloud-storage':
    case 'database':
      return 'storage';
    default:
      return 'http';
  }
}

const builtinFile = recipientsFile;

const catalogs = new Map<string, RecipientCatalog>();

/**
 * The built-in catalogue, plus the user's `recipients:` entries from .pdscan.yml (an entry
 * with an existing id replaces it). Throws ConfigError when an extra entry is malformed.
 */
export function loadRecipients(extra?: unknown[]): RecipientCatalog {
  const key = extra && extra.length ? JSON.stringify(extra) : '';
  const cached = catalogs.get(key);
  if (cached) return cached;
  const base = builtinFile();
  let defs = base.recipients;
  if (extra && extra.length) {
    const checked = checkRulesData('recipients', { recipients: extra }, '.pdscan.yml (recipients)');
    const ids = new Set(checked.recipients.map((r) => r.id));
    defs = [...base.recipients.filter((r) => !ids.has(r.id)), ...checked.recipients];
    for (const r of checked.recipients) {
      for (const [member, target] of Object.entries(r.members ?? {})) {
        if (!defs.some((d) => d.id === target)) throw new ConfigError(`.pdscan.yml (recipients): ${r.id}.members.${member}: unknown recipient "${target}"`);
      }
    }
  }
  const catalog = new RecipientCatalog(defs, base.regions);
  catalogs.set(key, catalog);
  return catalog;
}
