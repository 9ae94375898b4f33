/**
 * Decorated classes: ORM entities, schema classes, GraphQL code-first types, validated and
 * API-documented DTOs, classes named *Dto, and the types of handler input parameters (@Body()).
 * Which decorator means what is the registry's (frameworks/ `declarations.decorators`): this
 * module names no framework.
 */
import { ts } from '../../parse.js';
import type { CategoryHint, DeclaredField, FrameworkId, ProtectionHint } from '../types.js';
import { decoratorsOf, nameText, objectProperty, stringValue, type DecoratorInfo } from '../../engine/ast.js';
import { boundedText, pos, protectionFromText, validatorHint, type Ctx } from './helpers.js';

const DTO_NAME = /(Dto|DTO|Input|Payload|Body|Request)$/;
/** Declared by a class named *Dto with no framework decorator: a format this module knows itself. */
const DTO: FrameworkId = 'dto';

function classFramework(ctx: Ctx, decos: DecoratorInfo[]): { framework: FrameworkId; store?: string; table?: string } | undefined {
  const models = ctx.vocab.decorators.models;
  for (const d of decos) {
    const m = models.get(d.name)?.find((x) => !x.ifMentioned || ctx.uses.has(x.id));
    if (!m) continue;
    const opts = d.args[0];
    const tableFromArgs = m.tableFromOptions
      ? stringValue(opts) ?? (opts && ts.isObjectLiteralExpression(opts) ? stringValue(objectProperty(opts, 'name') ?? objectProperty(opts, 'tableName') ?? objectProperty(opts, 'collection')) : undefined)
      : undefined;
    return { framework: m.id, ...(m.store ? { store: m.store } : {}), ...(tableFromArgs ? { table: tableFromArgs } : {}) };
  }
  return undefined;
}

/** The framework a class with no model decorator belongs to, from its properties' decorators. */
function propertiesFramework(ctx: Ctx, names: readonly string[]): FrameworkId | undefined {
  for (const p of ctx.vocab.decorators.properties) {
    if (names.some((n) => p.names.has(n) || p.pattern?.test(n))) return p.id;
  }
  return undefined;
}

function aliasesFrom(decos: DecoratorInfo[]): string[] {
  const out: string[] = [];
  for (const d of decos) {
    for (const a of d.args) {
      if (!ts.isObjectLiteralExpression(a)) continue;
      const alias = stringValue(objectProperty(a, 'name') ?? objectProperty(a, 'field') ?? objectProperty(a, 'fieldName'));
      if (alias) out.push(alias);
    }
  }
  return out;
}

/** `@Column(() => Address)`: an embedded model, reported as itself. */
function isEmbedded(ctx: Ctx, decos: DecoratorInfo[]): boolean {
  return decos.some((d) => ctx.vocab.decorators.embeds.has(d.name) && d.args[0] !== undefined && ts.isArrowFunction(d.args[0]));
}

/** `@Prop({ ref: 'User' })`: a reference to another document. */
function isReference(ctx: Ctx, decos: DecoratorInfo[]): boolean {
  return decos.some((d) => ctx.vocab.decorators.references.has(d.name) && d.args[0] !== undefined && ts.isObjectLiteralExpression(d.args[0]) && objectProperty(d.args[0], 'ref') !== undefined);
}

/** Import paths of model files (entities, models, schemas, DTOs, inputs); enums and shared types may be values. */
const MODEL_MODULE = /(^|[./\\-])(entit(y|ies)|models?|schemas?|dtos?|inputs?)([./\\-]|$)/i;
const ENUM_MODULE = /enum/i;

/** Whether a class, or a class imported from a model file, has this name in the file. */
function isObjectTypeName(ctx: Ctx, name: string): boolean {
  for (const st of ctx.sf.statements) {
    if (ts.isClassDeclaration(st) && st.name?.text === name) return true;
    if (ts.isEnumDeclaration(st) && st.name.text === name) return false;
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
    const from = st.moduleSpecifier.text;
    return MODEL_MODULE.test(from) && !ENUM_MODULE.test(from);
  }
  return false;
}

/**
 * GraphQL code-first `@Field(() => Sinhhieu) sinhhieu: Sinhhieu` or `@Field(() => [Order])` (the
 * frameworks' `typeLinks`): a field whose type is another model, and that the class does not store
 * itself, is a link to that model, whose own fields hold the data (as in SDL). Scalars, enums and
 * stored embedded values (`@Prop({ type: LinkImage }) avatar`) are values.
 */
function isObjectTypeField(ctx: Ctx, decos: DecoratorInfo[]): boolean {
  const vocab = ctx.vocab.decorators;
  if (decos.some((d) => vocab.storing.has(d.name))) return false;
  const link = decos.find((d) => vocab.typeLinks.has(d.name));
  const fn = link?.args[0];
  if (!fn || !ts.isArrowFunction(fn) || ts.isBlock(fn.body)) return false;
  let body: ts.Expression = fn.body;
  if (ts.isArrayLiteralExpression(body) && body.elements.length === 1) body = body.elements[0]!;
  if (!ts.isIdentifier(body) || vocab.scalarTypes.some((re) => re.test((body as ts.Identifier).text))) return false;
  return isObjectTypeName(ctx, body.text);
}

/**
 * Fields of a class this module recognises as a model or DTO; undefined when it does not (the
 * class may still be a model written as a plain class or a plain person type: type-models.ts decides).
 * @param bodyTypes types of handler input parameters → the framework whose decorator declared them.
 */
export function classFields(ctx: Ctx, cls: ts.ClassLikeDeclaration, bodyTypes: ReadonlyMap<string, FrameworkId>): DeclaredField[] | undefined {
  const vocab = ctx.vocab.decorators;
  const model = cls.name?.text ?? 'default';
  const classDecos = decoratorsOf(cls);
  const known = classFramework(ctx, classDecos);
  const props = cls.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m));
  if (props.length === 0) return known ? [] : undefined;
  const memberDecos = props.map((p) => decoratorsOf(p));
  let framework: FrameworkId | undefined = known?.framework;
  let allProperties = false;
  if (!framework) {
    // An embeddable without @Entity, a schema class without @Schema, a DTO: known by its properties.
    framework = propertiesFramework(ctx, memberDecos.flat().map((d) => d.name));
    const input = bodyTypes.get(model);
    if (input) {
      framework ??= input;
      allProperties = true;
    } else if (!framework && DTO_NAME.test(model) && /Dto|DTO/.test(model)) {
      framework = DTO;
      allProperties = true;
    }
  }
  if (!framework) return undefined;
  const dtoLike = vocab.input.has(framework) || framework === DTO;
  const out: DeclaredField[] = [];
  props.forEach((p, i) => {
    const decos = memberDecos[i]!;
    const name = nameText(p.name);
    if (!name || p.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return;
    if (decos.some((d) => vocab.relations.has(d.name)) || isEmbedded(ctx, decos) || isReference(ctx, decos) || isObjectTypeField(ctx, decos)) return;
    // ORM and GraphQL classes declare columns with decorators; every property of a DTO is input.
    const hasFieldDecorator = decos.some((d) => !vocab.neutral.has(d.name));
    if (!hasFieldDecorator && !allProperties && !dtoLike) return;
    const hints: CategoryHint[] = [];
    const protection: ProtectionHint[] = [];
    for (const d of decos) {
      const h = validatorHint(d.name, framework);
      if (h) hints.push(h);
      const own = vocab.protections.get(d.name);
      if (own) protection.push(own);
      if (/^Encrypt/i.test(d.name)) protection.push({ kind: 'encryption', key: 'encryption:decorator', description: `@${d.name} decorator` });
      if (d.args.length > 0 && !own) protection.push(...protectionFromText(boundedText(ctx, d.node)));
    }
    const aliases = aliasesFrom(decos);
    const at = pos(ctx, p.name);
    const type = p.type ? boundedText(ctx, p.type, 60) : undefined;
    out.push({
      model,
      field: name,
      ...(aliases.length ? { aliases } : {}),
      // @Column({ name: 'phone_number' }): the column in the database (GraphQL names are API names).
      ...(aliases[0] && aliases[0] !== name && ctx.vocab.persistent.has(framework) ? { dbColumn: aliases[0] } : {}),
      framework,
      ...(dtoLike ? { input: true } : {}),
      ...(known?.store ? { store: known.store } : {}),
      ...(known?.table ? { table: known.table } : {}),
      ...(type ? { type } : {}),
      line: at.line,
      column: at.column,
      ...(hints.length ? { hints } : {}),
      ...(protection.length ? { protection } : {}),
    });
  });
  return out;
}

/**
 * Handler parameters with an input decorator (registry `decorators.inputParams`): `@Body() dto:
 * CreateUserDto` marks the class as a request DTO; `@Body() body: { phone: string }` and
 * `@Query('phone') phone: string` declare fields inline.
 */
export function bodyParams(ctx: Ctx, method: ts.MethodDeclaration, bodyTypes: Map<string, FrameworkId>): DeclaredField[] {
  const inputParams = ctx.vocab.decorators.inputParams;
  const out: DeclaredField[] = [];
  const owner = ts.isClassLike(method.parent) && method.parent.name ? method.parent.name.text : 'Controller';
  const model = `${owner}.${nameText(method.name) ?? 'handler'}`;
  for (const param of method.parameters) {
    const body = decoratorsOf(param).find((d) => inputParams.has(d.name));
    if (!body) continue;
    const framework = inputParams.get(body.name)!;
    const key = stringValue(body.args[0]);
    if (key) {
      const at = pos(ctx, body.args[0]!);
      out.push({ model, field: key, framework, ...(param.type ? { type: boundedText(ctx, param.type, 60) } : {}), line: at.line, column: at.column + 1 });
      continue;
    }
    let type = param.type;
    while (type && ts.isArrayTypeNode(type)) type = type.elementType;
    if (!type) continue;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      if (!bodyTypes.has(type.typeName.text)) bodyTypes.set(type.typeName.text, framework);
    } else if (ts.isTypeLiteralNode(type)) {
      for (const m of type.members) {
        if (!ts.isPropertySignature(m)) continue;
        const name = nameText(m.name);
        if (!name) continue;
        const at = pos(ctx, m.name);
        out.push({ model, field: name, framework, ...(m.type ? { type: boundedText(ctx, m.type, 60) } : {}), line: at.line, column: at.column });
      }
    }
  }
  return out;
}
