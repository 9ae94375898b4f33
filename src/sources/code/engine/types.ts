/**
 * Facts one file contributes to project-wide linking. Everything here is plain JSON (it crosses
 * worker threads), and small: only what other files may need.
 */
import type { Recipient, SinkKind } from '../flows/recipients.js';
import type { CalleeRef, Step, Taint } from './taint.js';

export type HitKind = SinkKind | 'url';

export interface SinkInfo {
  kind: HitKind;
  /** How the code calls it, e.g. "logger.info", "axios.post", "prisma.benhNhan.create". */
  api: string;
  /** Display name of the sink family: "winston log", "OpenAI", "Prisma". */
  label: string;
  recipient?: Recipient;
  recipientPurposes?: string[];
  /** Storage owned by the application (database, cache, file), not a third party. */
  internal?: boolean;
  /** ORM model / table / collection written. */
  model?: string;
  /** Found by naming alone (a variable called logger, an HTTP call to an unknown host). */
  heuristic?: boolean;
  /** Recipient guessed from the client's name (module not scanned): confidence at most medium. */
  byName?: boolean;
  /** For HTTP: the host, or the environment variable holding the base URL. */
  host?: string;
  hostEnv?: string;
  /** Categories the recipient's SDK collects by itself on this call (analytics: online-activity). */
  collects?: string[];
  /** The client was recognised from its name, not resolved: why, for --explain. */
  guessedFrom?: string;
}

export interface HitContext {
  functionName?: string;
  className?: string;
  route?: string;
}

/** A sink reached by a value that may carry personal data. */
export interface SinkHit {
  sink: SinkInfo;
  taint: Taint;
  /** Taint of the URL argument of an HTTP call or redirect (personal data in a URL). */
  urlTaint?: Taint;
  step: Step;
  ctx: HitContext;
  /** Storage writes: keys written with protected (hashed/encrypted) values. */
  protectedKeys?: string[];
  /** Storage writes: keys written. */
  writtenKeys?: string[];
  /** A call on a client imported from another file: the sink is known once linked. */
  client?: ClientUse;
  /**
   * The call of the app's own wrapper where the personal data enters it (`sendMail(user.email)`):
   * the sink is inside the wrapper, the result is reported here. Absent: reported at the sink.
   */
  entry?: CallEntry;
}

/** A call site of a wrapper, where an argument carrying personal data enters it. */
export interface CallEntry {
  step: Step;
  ctx?: HitContext;
  /** The wrapper as the caller names it ("sendMail", "this.mailService.send"). */
  callee: string;
}

export type { CalleeRef } from './taint.js';

export interface CallEdge {
  callee: CalleeRef;
  args: Taint[];
  step: Step;
  /** Function, class and route of the caller (for results reported at the call site). */
  ctx?: HitContext;
  /** Nothing personal passed: a call made for its effect, kept for analytics wrappers (call-sites.ts). */
  bare?: true;
}

/** Field → categories of a type declared in a file (DTO class, interface, ORM model). */
export interface TypeFacts {
  name: string;
  fields: Array<{ name: string; cat: string; conf: 'high' | 'medium' | 'low'; protected?: boolean }>;
  /** Persistent model (Prisma, TypeORM entity, Mongoose, SQL table) rather than a DTO. */
  persistent?: boolean;
  framework?: string;
  location?: { path: string; line: number; column: number };
  fieldLocations?: Record<string, { path: string; line: number; column: number }>;
  /** Types whose fields it also has (`extends PartialType(CreateCustomerBody)`), looked up by name. */
  bases?: string[];
}

export interface FileSummary {
  path: string;
  types: TypeFacts[];
  /** Calls into other files (imported functions, injected services). */
  edges: CallEdge[];
  /** Sink hits that depend on callers or on types declared elsewhere. */
  pending: SinkHit[];
  /** Function keys this file exports (so callers elsewhere can reach them). */
  exported: string[];
  /** Export aliases: "src/x#default" → "src/x#handler", re-exports "src/index#f" → "src/f#f". */
  aliases: Record<string, string>;
  /** `export * from './x'`: module keys whose exports this module passes on. */
  reexports?: string[];
  /**
   * What callable functions return, resolved as far as this file can: the function's own
   * parameter labels stay symbolic (callers substitute their arguments), calls into other
   * files stay as call results.
   */
  returns?: Record<string, Taint>;
  /** Classes declared here, by name → file path (for injected services). */
  classes: string[];
  /** Storage writes resolved here: model → keys written / keys written protected. */
  writes: Array<{ model: string; keys: string[]; protectedKeys: string[] }>;
  /** "model.field" (typeKey'd model) declared or written with protection (hash, encryption). */
  protectedFields: string[];
  /** Password hashing seen in this file (bcrypt, argon2...). */
  passwordHashing?: boolean;
  /** SDK clients this file exports, by export key ("src/lib/stripe#stripe"). */
  clients?: Record<string, ClientFacts>;
  /** Callees (calleeId) this file calls, with or without personal data. */
  called?: string[];
}

/** A sink without the call-site part (the API text is the caller's). */
export type ClientSink = Omit<SinkInfo, 'api'>;

export interface ClientFacts {
  /** The exported name is a function returning the client (`getStripe()`), not the client itself. */
  factory?: boolean;
  /** Calls through the client reach this (unless they only configure it). */
  sink?: ClientSink;
  /** Sub-APIs reached through a member that are another recipient (admin.messaging()). */
  members?: Record<string, ClientSink>;
  /** Only these methods send (nodemailer: sendMail); absent: any non-configuration method. */
  methods?: string[];
  /** Methods on which the SDK collects categories by itself (tracking calls), and which. */
  collectsOn?: { methods: string[]; cats: string[] };
  /** The export is another module's client, re-bound (`export const posthog = PostHogClient()`). */
  ref?: { key: string; call: boolean };
}

/** A call on a value imported from the project: `stripe.customers.create(...)`. */
export interface ClientUse {
  /** Export key ("src/lib/stripe#stripe", "~@/lib/stripe#default"), resolved like a callee. */
  key: string;
  /** The value is the result of calling the export (`const twilio = createClient()`). */
  call: boolean;
  /** Members after the root, the called method last. */
  members: string[];
  /**
   * The sink when the export is not a known client: a name-based guess (transporter.sendMail), or
   * with `unseen` a client named after an SDK, only when its module is not in the scan at all.
   */
  fallback?: { sink: SinkInfo; unseen?: boolean };
}
