/**
 * The one interface between the code-understanding engine and the frameworks it knows. A
 * framework module (frameworks/<name>.ts) exports one `Framework`: what it adds to declaration
 * walking (markers, model extractors), to sources (request objects, parameter decorators), to
 * calls (sinks, sanitizers, client facts) and to stores. The engine asks the registry in order;
 * it never names a framework itself.
 */
import type { ts } from 'ts-morph';
import type { Chain } from './ast.js';
import type { Binding } from './bindings.js';
import type { Step, Taint } from './taint.js';
import type { ClientFacts, ClientSink, ClientUse, SinkInfo } from './types.js';
import type { RecipientCatalog, RecipientDef } from '../flows/recipients.js';
import type { DeclaredField, ProtectionHint } from '../declarations/types.js';
import type { Ctx } from '../declarations/ts/helpers.js';
import type { BuilderState } from '../declarations/ts/builders.js';
import type { TypeFile, TypeModelDecl } from '../declarations/ts/type-models.js';

/** What a call is, once a framework recognises it. */
export type CallKind =
  | {
      t: 'sink';
      info: SinkInfo;
      /** Arguments whose data reaches the sink. */
      args: number[] | 'all' | 'none';
      /** The receiver's data reaches it too (`doc.save()`). */
      recv?: boolean;
      /** The URL argument of an HTTP call or redirect. */
      url?: ts.Expression;
      /** The first argument is an options object: data under `dataKeys`, keys written are those of `writtenFrom`. */
      options?: { dataKeys: readonly string[]; writtenFrom: string };
      /** What the call gives back (a created record). */
      returns?: Taint;
    }
  | { t: 'source'; type: string; source: string }
  /** Builds a value from its arguments without sending it (`repo.create(dto)`). */
  | { t: 'builder' }
  /** A URL of the application itself: only personal data in the URL matters. */
  | { t: 'internal-url'; url?: ts.Expression };

/** A framework's answer meaning "mine, and not a sink/sanitizer": frameworks after it are not asked. */
export const DECIDED_NONE = 'decided-none';
export type Verdict<T> = T | typeof DECIDED_NONE | undefined;

/** Questions a framework may ask the engine about the file being analysed. */
export interface EngineQueries {
  readonly catalog: RecipientCatalog;
  /** Module-level string constants (and `this.x` string fields of the current class). */
  readonly consts: Map<string, string>;
  step(node: ts.Node, message: string): Step;
  /** What a root name (`x`, `this.x`) stands for, unless a local value shadows the import. */
  bindingOf(root: string): Binding | undefined;
  /** What a top-level name was bound to (import, require, module-level client), shadowing ignored. */
  importOf(name: string): Binding | undefined;
  /** What a value expression stands for (`new S3Client()`, `require('x')`, a local factory's result). */
  derive(e: ts.Expression): Binding | undefined;
  /** The name is a value of the code being analysed (variable, parameter), not a global. */
  isLocalValue(name: string): boolean;
  /** A call on a client imported from another project file. */
  clientUseOf(chain: Chain): ClientUse | undefined;
  /** The sink of a catalogue SDK client (country from the region in its config, when any). */
  sdkSink(def: RecipientDef, b: Binding | undefined): ClientSink;
}

/** A call as the engine sees it, for a framework to classify. */
export interface CallSite {
  readonly call: ts.CallExpression;
  readonly chain: Chain;
  /** The called method (last member), or the root name for a plain call. */
  readonly method: string;
  /** The root without "this." (`logger` for this.logger.info()). */
  readonly rootName: string;
  /** What the root stands for: import, injected member, client made from an import. */
  readonly binding: Binding | undefined;
  /** How the code calls it: "prisma.user.create". */
  readonly api: string;
  /** Taint of the receiver (`doc` in doc.save()). */
  readonly receiver: Taint;
  readonly engine: EngineQueries;
}

export interface Sanitizer {
  /** Evidence key: "hashing:bcrypt", "encryption:aes-256-gcm"; ":chained" when an earlier call gave the evidence. */
  how: string;
  /** The call hashes passwords (the project has password hashing). */
  passwordHashing?: boolean;
}

export interface DeclarationRules {
  /** Lower-case text that makes a file worth walking for models. Import specifiers end with a quote ("joi'") so "join" does not count. */
  markers?: readonly string[];
  /** Whether a file uses the framework, from its lower-cased text; asked once per file. */
  mentionedIn?(lower: string): boolean;
  /** Models declared with this framework are stored by the application (ORM, SQL), not DTOs. */
  persistent?: boolean;
  /**
   * Models declared with this framework describe what an API receives or exposes (validation
   * schemas, DTOs, API types), not what the application stores: their fields carry `input`, and
   * the inventory lists them as input models. Frameworks whose `decorators.input` is set are
   * input frameworks too.
   */
  input?: boolean;
  /** Fields declared by a call (`pgTable('users', {...})`); undefined when the call is not this framework's. */
  call?(ctx: Ctx, st: BuilderState, call: ts.CallExpression): DeclaredField[] | undefined;
  /** Fields declared by a `new` expression (`new Schema({...})`). */
  construct?(ctx: Ctx, st: BuilderState, node: ts.NewExpression): DeclaredField[] | undefined;
  /** A pass over one file's walk: sees every call, then amends the fields found (model names given elsewhere in the file). */
  perFile?(ctx: Ctx): DeclarationPass;
  /** Decorated classes and handler parameters (declarations/ts/classes.ts reads them through these). */
  decorators?: DecoratorRules;
  /**
   * Models written as module-level types or undecorated classes (Kysely table interfaces,
   * Supabase generated types, Objection model classes): given the file's declarations once, gives
   * back a reader of one declaration, which returns its fields or undefined when it is not this
   * framework's. Asked in registry order, before plain person types.
   */
  typeModels?(ctx: Ctx, file: TypeFile): (decl: TypeModelDecl) => DeclaredField[] | undefined;
}

/**
 * Decorators a framework gives meaning to in classes. Sets (relations, neutral, embeds, references,
 * protections) apply to every decorated class whatever its framework; `models` and `properties`
 * decide which framework a class is.
 */
export interface DecoratorRules {
  /** Class decorators making a class this framework's model (@Entity, @Table, @Schema, @ObjectType). */
  models?: readonly string[];
  /** The model decorators count only in files the framework is `mentionedIn` (MikroORM's @Entity, else TypeORM's). */
  modelsIfMentioned?: boolean;
  /** The model decorator's options name the table: `@Entity('users')`, `{ name | tableName | collection }`. */
  tableFromOptions?: boolean;
  /** The database that stores the decorated models, when the framework implies one (Mongoose: mongodb). */
  store?: string;
  /** Property decorators making a class with no model decorator this framework's (@Column, @Prop, @Field). */
  properties?: readonly string[];
  /** The same, as one anchored pattern of decorator names (class-validator's @IsEmail, @MaxLength...). */
  propertyPattern?: RegExp;
  /**
   * The framework's classes are request input (DTOs): every property is a field, decorated or not.
   * Input frameworks' property decorators are asked before the others (a class with @ApiProperty
   * and @Column is a DTO).
   */
  input?: boolean;
  /** Handler parameter decorators whose type or key declares input (@Body() dto: CreateUserDto, @Query('email')). */
  inputParams?: readonly string[];
  /** Property decorators of relations to other models: not fields (@ManyToOne, @BelongsTo). */
  relations?: readonly string[];
  /** Property decorators that do not make a property a field on their own (@Index, @Expose). */
  neutral?: readonly string[];
  /** Property decorators whose arrow-function argument embeds another model, reported as itself (@Column(() => Address)). */
  embeds?: readonly string[];
  /** Property decorators whose `{ ref }` option references another document (@Prop({ ref: 'User' })). */
  references?: readonly string[];
  /**
   * Property decorators whose arrow-function argument names the field's type (`@Field(() => Order)`):
   * a field typed as another model, not stored by the class itself, links to that model, whose own
   * fields hold the data. Types matching `scalarTypes` are values.
   */
  typeLinks?: readonly string[];
  /** The framework's scalar type names (String, Int, GraphQLEmailAddress...): a field of one holds a value. */
  scalarTypes?: RegExp;
  /** Property decorators that protect the field by themselves (@Exclude hides it from serialized output). */
  protections?: Readonly<Record<string, ProtectionHint>>;
}

export interface DeclarationPass {
  call(call: ts.CallExpression): void;
  finish(fields: DeclaredField[]): DeclaredField[];
}

export interface SourceRules {
  /** Parameter and variable names of request objects in handlers (`req`). */
  requestNames?: readonly string[];
  /** Request names that only count in a route handler (`c`, `event`). */
  routeOnlyRequestNames?: readonly string[];
  /** Type-name endings of request objects (`NextApiRequest` ends with Request). */
  requestTypeSuffixes?: readonly string[];
  /** Properties of a request holding input: body → "request body". */
  requestParts?: Readonly<Record<string, string>>;
  /** Parameter decorators that inject request input: Body → "request body". */
  paramDecorators?: Readonly<Record<string, string>>;
  /** Parameter decorators that inject the whole request. */
  requestDecorators?: readonly string[];
  /** Framework-internal wrappers of a record's data (dataValues, _doc): reading them keeps the data. */
  containers?: readonly string[];
  /** Type names of framework objects that are not data records (Response, Observable). */
  nonDataTypes?: readonly string[];
}

export interface CallRules {
  /** Classify a call: a sink, a source (ORM read), a builder, an internal URL. */
  classify?(site: CallSite): Verdict<CallKind>;
  /** Hashing, encryption or masking done by the call. */
  sanitize?(site: CallSite): Verdict<Sanitizer>;
  /** Methods whose result is data, never a client (`prisma.user.findMany()`, `axios.get()`). */
  dataMethods?: readonly string[];
  /** Methods that configure a client instead of sending data through it. */
  configMethods?: readonly string[];
  /** Methods whose result still carries the receiver's data (`query.lean()`). */
  receiverPass?: readonly string[];
  /** Free functions whose result carries their arguments' data (`plainToInstance(Dto, body)`). */
  argPass?: readonly string[];
  /** A binding that is a client even when not made from a package (an injected Logger). */
  isClient?(b: Binding): boolean;
  /** What calls through a client made from this framework reach, for importers in other files. */
  clientFacts?(b: Binding & { init: ts.Expression; module: string }, engine: EngineQueries): ClientFacts | undefined;
  /** The sink of a call on an imported project value when its module turns out not to export a client. */
  clientFallback?(site: CallSite): ClientUse['fallback'];
}

export interface StoreRules {
  /** Class decorators of persistent models (@Entity): the first framework listing one names the model's framework. */
  entityDecorators?: readonly string[];
  /** Decorators injecting a model or repository, their argument the entity (@InjectRepository(User)). */
  injectDecorators?: readonly string[];
  /** Methods whose first string argument names a model (`mongoose.model('User', s)`). */
  modelFactories?: readonly string[];
  /** Methods that delete records (for retention evidence). */
  deleteMethods?: readonly string[];
  /** Name fragments (regular-expression alternatives) of receivers that are stores. */
  storeNames?: readonly string[];
  /** Members through which a call reaches a store (`db.collection('users').deleteMany()`). */
  storeMembers?: readonly string[];
}

export interface RouteRules {
  /** Method decorators declaring a route (@Get('/x')). */
  decorators?: readonly string[];
  /** Class decorators giving the routes' prefix (@Controller('users')). */
  controllerDecorators?: readonly string[];
  /** Methods registering a handler for a path (`app.post('/x', handler)`). */
  registerMethods?: readonly string[];
  /** Decorators restricting access to a handler. */
  guardDecorators?: readonly string[];
  /** Method decorators of scheduled jobs (@Cron). */
  scheduleDecorators?: readonly string[];
  /** Calls whose function arguments run on a schedule (`cron.schedule('* * *', fn)`). */
  scheduleCalls?: readonly string[];
  /** Constructors whose function arguments run on a schedule (`new CronJob(...)`). */
  scheduleConstructors?: readonly string[];
  /** Receivers of `redirect()` calls (`res.redirect(url)`). */
  redirectReceivers?: readonly string[];
}

export interface Framework {
  /** Stable id; for declaration frameworks, the `framework` of the fields they declare. */
  readonly id: string;
  readonly description: string;
  /** npm packages of this family: imports from them are never the project's own code. */
  readonly packages?: readonly string[];
  readonly declarations?: DeclarationRules;
  readonly sources?: SourceRules;
  readonly calls?: CallRules;
  readonly stores?: StoreRules;
  readonly routes?: RouteRules;
}
