/**
 * The draft data inventory (what `--inventory` writes for the controller to complete and keep),
 * as written to FILE.json and validated by schemas/inventory.schema.json.
 *
 * An inventory holds two kinds of content:
 *  - facts gathered from scans (where each category was seen, recipients, storages, purposes,
 *    protection and retention evidence, risks), which merging unites, and
 *  - what follows from the facts, the organisation block and the legal regime (labels,
 *    sensitivity, references, obligations, dossier status, to-do list), which is recomputed
 *    on every build and merge. That split is what makes merging deterministic and idempotent.
 *
 * No raw personal value is ever stored here: only categories, identifiers and locations.
 */
import type { Confidence, Level } from '../../model/finding.js';
import type { CategoryId, Regime } from '../../model/categories.js';
import type { RefsByRegime } from '../../model/obligations.js';
import type { ScanSource } from '../../model/result.js';

export const INVENTORY_FORMAT = 'pdscan-inventory';
export const INVENTORY_VERSION = 1;

export type Lang = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}
export type { RefsByRegime };

/** A place where something was seen: a file line, or a logical name such as db.schema.table.column. */
export interface Where {
  path?: string;
  line?: number;
  logical?: string;
}

// ------------------------------------------------------------------ facts

export interface FileHit {
  path: string;
  /** Distinct line numbers seen, ascending. */
  lines: number[];
  /** Occurrences in the file (aggregates count every value). */
  count: number;
  confidence: Confidence;
}

export interface FieldHit {
  model: string;
  field: string;
  framework?: string;
  path?: string;
  line?: number;
  confidence: Confidence;
}

export interface ColumnHit {
  /** The system (source name) the column belongs to, in inventories merged across systems. */
  system?: string;
  engine?: string;
  database?: string;
  schema?: string;
  table: string;
  column: string;
  confidence: Confidence;
  matchRatio?: number;
}

export interface CategoryFacts {
  id: CategoryId;
  /**
   * Kinds of data behind the hits, present only when a sub-kind (blood-type under health,
   * eid-bank-credentials under credentials) was seen: the category's own id for plain hits, the
   * sub-kind otherwise. The category is sensitive by law when one of its kinds is.
   */
  kinds?: CategoryId[];
  files: FileHit[];
  fields: FieldHit[];
  columns: ColumnHit[];
}

export interface PurposeEvidence extends Where {
  recipient?: string;
  sink?: string;
  /** Why the purpose was inferred (route, function name, recipient kind...). */
  note?: string;
}

export interface PurposeFacts {
  key: string;
  categories: CategoryId[];
  recipients: string[];
  confidence: Confidence;
  evidence: PurposeEvidence[];
}

export interface SourceFacts {
  id: string;
  /** The system (source name), in inventories merged across systems. */
  system?: string;
  kind: 'code' | 'input-model';
  name: string;
  categories: CategoryId[];
  evidence: Where[];
}

/** The system's own stores. Cloud storage and database services are recipients (processors). */
export type StorageKind = 'model' | 'table' | 'collection' | 'logs' | 'app-storage' | 'cache' | 'file';

export interface StorageFacts {
  id: string;
  /** The system (source name), in inventories merged across systems. */
  system?: string;
  kind: StorageKind;
  name: string;
  framework?: string;
  engine?: string;
  categories: CategoryId[];
  evidence: Where[];
}

export interface RecipientEvidence extends Where {
  sink?: string;
}

export interface RecipientFacts {
  /** The catalogue id, plus the cloud region when there is one ("aws-s3:ap-southeast-1"). */
  id: string;
  /** The catalogue id (rules/recipients.yml) or "host:<name>" for an unlisted host. */
  service: string;
  name: string;
  /** ISO 3166-1 alpha-2; absent when unknown (then the transfer is to confirm). */
  country?: string;
  kind?: string;
  region?: string;
  /** The provider's home country when `country` depends on a region the code does not show. */
  headquarters?: string;
  /** From the code analysis; absent when it could not tell. */
  crossBorder?: boolean;
  categories: CategoryId[];
  purposes: string[];
  sinks: string[];
  evidence: RecipientEvidence[];
}

export interface FlowLink {
  from: string;
  to: string;
  categories: CategoryId[];
}

export interface EvidenceFacts {
  key: string;
  description: string;
  categories: CategoryId[];
  where: Where[];
}

export interface RiskFacts {
  ruleId: string;
  name: Bilingual;
  kind: 'risk' | 'flow';
  categories: CategoryId[];
  confidence: Confidence;
  /** Level set by the rule itself; otherwise derived from the categories under the regime. */
  levelOverride?: Level;
  where: Where[];
}

export interface ChildrenHint extends Where {
  term: string;
}

export interface TargetFacts {
  kind: 'files' | 'database';
  name: string;
  engine?: string;
  /** The repository (and commit) or database the scan read; see src/report/source.ts. */
  source?: ScanSource;
  stats: Record<string, number>;
  problems: number;
}

/** The organisation block of .pdscan.yml (`inventory:`), see schemas/inventory.schema.json#/definitions/config. */
export interface InventoryConfig {
  system?: string | null;
  role?: 'controller' | 'processor' | 'controller-processor' | null;
  controller?: {
    name?: string | null;
    address?: string | null;
    registration_number?: string | null;
    representative?: string | null;
    phone?: string | null;
    email?: string | null;
    website?: string | null;
    /** Decree 356 Form 10 section I: 1a, 1b, 1c, 4 (with its registered code), 5. */
    foreign_name?: string | null;
    short_name?: string | null;
    tax_code?: string | null;
    business_line?: string | null;
    business_code?: string | null;
    branches?: number | null;
  } | null;
  dpo?: {
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    organisation?: string | null;
    /** Form 10 I.8.3: the head's title and the appointment decision (number, date). */
    title?: string | null;
    appointment_decision?: string | null;
  } | null;
  processing_start?: string | null;
  legal_basis?: string[] | string | null;
  retention?: Array<{ data: string; period: string; deletion?: string | null }> | string | null;
  deletion_policy?: string | null;
  children?: boolean | null;
  data_subjects?: Array<{ group: string; count?: number | null }> | null;
  consent?: string | null;
  contracts?: string | null;
  policies?: string | null;
  /** Form 10 II.7: transfers to others (Law 91 Art. 17) are paid. */
  paid_transfers?: boolean | null;
  /** Form 10 II.8: takes part in trading on a data exchange. */
  data_exchange?: boolean | null;
  /** Form 10 II.9: sells personal-data processing services. */
  processing_services?: boolean | null;
  /** Form 10 III.2.3: basic data of more than 100,000 people / sensitive data of more than 10,000. */
  volume?: { basic_over_100000?: boolean | null; sensitive_over_10000?: boolean | null } | null;
}

export interface InventoryFacts {
  targets: TargetFacts[];
  categories: CategoryFacts[];
  purposes: PurposeFacts[];
  sources: SourceFacts[];
  storages: StorageFacts[];
  recipients: RecipientFacts[];
  links: FlowLink[];
  protection: EvidenceFacts[];
  retention: EvidenceFacts[];
  risks: RiskFacts[];
  childrenHints: ChildrenHint[];
}

// ------------------------------------------------------------------ derived

export interface CategoryEntry extends CategoryFacts {
  label: Bilingual;
  /** Sensitive by law under the inventory's regime: only these tick the dossier's sensitive boxes. */
  sensitive: boolean;
  /** Not sensitive by law; raised to a high level as a precaution (an ordinary password). */
  precaution?: true;
  refs: RefsByRegime;
  occurrences: number;
  confidence: Confidence;
}

export interface PurposeEntry extends PurposeFacts {
  label: Bilingual;
  marketing: boolean;
  status: 'to-confirm';
}

export interface RecipientEntry extends RecipientFacts {
  /** Foreign (true), Vietnamese (false), or unknown (null: to confirm). */
  foreign: boolean | null;
  sensitiveCategories: CategoryId[];
}

export interface TransferEntry {
  recipient: string;
  name: string;
  country?: string;
  kind?: string;
  categories: CategoryId[];
  sensitive: boolean;
  /**
   * foreign: abroad, the cross-border assessment is due; exemption-to-confirm: abroad, but the
   * recipient's kind may be exempt under Decree 356 Art. 17.3 (`exemption`); to-confirm: the
   * country is unknown.
   */
  status: 'foreign' | 'exemption-to-confirm' | 'to-confirm';
  evidence: Where[];
  /** pdpl-2025: the box of Decree 356 Form 09 section II.1 proposed from the recipient's kind (to confirm). */
  form09?: { type: string; label: Bilingual; refs: string[] };
  /** pdpl-2025: a Decree 356 Art. 17.3 exemption the transfer may have (to confirm). */
  exemption?: { ref: string; label: Bilingual };
}

export interface RiskEntry extends RiskFacts {
  level: Level;
  count: number;
}

export interface ExemptionEntry {
  id: string;
  label: Bilingual;
  conditions: Bilingual;
  refs: RefsByRegime;
  /** False when a finding rules it out (for example, sensitive data was found). */
  available: boolean;
}

export interface ObligationEntry {
  id: string;
  title: Bilingual;
  why: Bilingual;
  status: 'applies' | 'to-confirm';
  /** Why the status is "to-confirm", when it is. */
  confirm?: Bilingual;
  trigger: string;
  firedBy: { categories: CategoryId[]; recipients: string[]; purposes: string[] };
  deadline?: string;
  deadlineDetail?: Bilingual;
  /** Computed from processing_start when the deadline counts calendar days from it. */
  due?: string;
  refs: RefsByRegime;
  exemptions: ExemptionEntry[];
  appliesIf?: Bilingual;
  note?: Partial<Bilingual>;
}

export type DossierStatus = 'filled' | 'partial' | 'to-confirm' | 'to-fill';

export interface DossierItem {
  item: string;
  label: Bilingual;
  refs: RefsByRegime;
  form10?: string;
  /** Bilingual; a plain English string in inventories written before issue 14. */
  note?: Bilingual | string;
  status: DossierStatus;
}

export interface TodoEntry {
  item: string;
  kind: 'to-fill' | 'to-confirm';
  key: string;
  text: Bilingual;
}

export interface InventorySummary {
  categories: number;
  basicCategories: CategoryId[];
  sensitiveCategories: CategoryId[];
  /** Flagged as a precaution, listed apart from the sensitive data. */
  precautionCategories: CategoryId[];
  occurrences: number;
  files: number;
  fields: number;
  columns: number;
  purposes: number;
  storages: number;
  recipients: number;
  foreignRecipients: number;
  countries: string[];
  crossBorder: boolean | null;
  protectionMeasures: number;
  retentionEvidence: number;
  risks: number;
  obligationsApplying: number;
  obligationsToConfirm: number;
  toFill: number;
  toConfirm: number;
}

export interface Inventory {
  format: typeof INVENTORY_FORMAT;
  version: typeof INVENTORY_VERSION;
  tool: { name: 'pdscan'; version: string };
  regime: Regime;
  targets: TargetFacts[];
  organisation: InventoryConfig;
  /** Organisation fields whose values disagreed between merged inventories. */
  conflicts: Record<string, string[]>;
  summary: InventorySummary;
  dossier: DossierItem[];
  categories: CategoryEntry[];
  purposes: PurposeEntry[];
  sources: SourceFacts[];
  storages: StorageFacts[];
  recipients: RecipientEntry[];
  links: FlowLink[];
  transfers: TransferEntry[];
  protection: EvidenceFacts[];
  retention: EvidenceFacts[];
  risks: RiskEntry[];
  obligations: ObligationEntry[];
  childrenHints: ChildrenHint[];
  todo: TodoEntry[];
}
