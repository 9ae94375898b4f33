/**
 * Decorated classes: TypeORM / MikroORM entities, sequelize-typescript models, NestJS Mongoose
 * @Schema classes, GraphQL code-first @ObjectType/@InputType, class-validator and Swagger DTOs,
 * classes named *Dto, and the types of NestJS @Body() parameters.
 */
import { ts } from '../../parse.js';
import type { CategoryHint, DeclaredField, FrameworkId, ProtectionHint } from '../types.js';
import { decoratorsOf, nameText, objectProperty, stringValue, type DecoratorInfo } from '../../engine/ast.js';
import { boundedText, pos, protectionFromText, validatorHint, type Ctx } from './helpers.js';

const RELATION = new Set([
  'OneToOne', 'ManyToOne', 'OneToMany', 'ManyToMany', 'JoinColumn', 'JoinTable', 'RelationId', 'Embedded',
  'BelongsTo', 'HasMany', 'HasOne', 'BelongsToMany', 'ForeignKey', 'ResolveField',
]);
/** Decorators that do not make a property a column/field on their own. */
const NEUTRAL = new Set(['Exclude', 'Expose', 'Transform', 'Type', 'Index', 'Unique']);
const CLASS_VALIDATOR = /^(Is[A-Z]\w*|Min|Max|MinLength|MaxLength|Length|Matches|Contains|Equals|NotEquals|ValidateNested|ValidateIf|ArrayNotEmpty|ArrayMinSize|ArrayMaxSize|Allow)$/;
const STORED = new Set<FrameworkId>(['typeorm', 'mikro-orm', 'sequelize', 'mongoose']);
const DTO_NAME = /(Dto|DTO|Input|Payload|Body|Request)$/;

function classFramework(ctx: Ctx, decos: DecoratorInfo[]): { framework: FrameworkId; store?: string; table?: string } | undefined {
  for (const d of decos) {
    const opts = d.args[0];
    const tableFromArgs = stringValue(opts) ?? (opts && ts.isObjectLiteralExpression(opts) ? stringValue(objectProperty(opts, 'name') ?? objectProperty(opts, 'tableName') ?? objectProperty(opts, 'collection')) : undefined);
    switch (d.name) {
      case 'Entity':
        return { framework: ctx.uses.has('mikro-orm') ? 'mikro-orm' : 'typeorm', ...(tableFromArgs ? { table: tableFromArgs } : {}) };
      case 'Table':
        return { framework: 'sequelize', ...(tableFromArgs ? { table: tableFromArgs } : {}) };
      case 'Schema':
        return { framework: 'mongoose', store: 'mongodb', ...(tableFromArgs ? { table: tableFromArgs } : {}) };
      case 'ObjectType':
      case 'InputType':
      case 'ArgsType':
      case 'InterfaceType':
        return { framework: 'graphql' };
    }
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

/** `@Column(() => Address)`, `@Prop({ type: AddressSchema })`: embedded model, reported as itself. */
function isEmbedded(decos: DecoratorInfo[]): boolean {
  return decos.some((d) => (d.name === 'Column' || d.name === 'Prop' || d.name === 'Property') && d.args[0] !== undefined && ts.isArrowFunction(d.args[0]));
}

/** `@Prop({ ref: 'User' })`, Typegoose `@prop({ ref: () => User })`: a reference to another document. */
function isReference(decos: DecoratorInfo[]): boolean {
  return decos.some((d) => (d.name === 'Prop' || d.name === 'prop') && d.args[0] !== undefined && ts.isObjectLiteralExpression(d.args[0]) && objectProperty(d.args[0], 'ref') !== undefined);
}

/** GraphQL scalars (built-in, graphql-scalars, NestJS): a field of one of these holds a value. */
const GRAPHQL_SCALAR = /^(String|Int|Float|Boolean|ID|Number|Date|JSON|BigInt|Decimal|Upload)$|^GraphQL/;
/** Import paths of model files (entities, models, schemas, DTOs, inputs); enums and shared types may be values. */
const MODEL_MODULE = /(^|[./\\-])(entit(y|ies)|models?|schemas?|dtos?|inputs?)([./\\-]|$)/i;
/** Decorators that store the property in the model's own document or row. */
const STORAGE = new Set(['Prop', 'prop', 'Column', 'Property']);
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
 * GraphQL code-first `@Field(() => Sinhhieu) sinhhieu: Sinhhieu` or `@Field(() => [Order])`: a
 * field whose type is another model, and that the class does not store itself, is a link to that
 * model, whose own fields hold the data (as in SDL, graphql.ts). Scalars, enums and stored embedded
 * values (`@Prop({ type: LinkImage }) avatar`) are values.
 */
function isObjectTypeField(ctx: Ctx, decos: DecoratorInfo[]): boolean {
  if (decos.some((d) => STORAGE.has(d.name))) return false;
  const field = decos.find((d) => d.name === 'Field');
  const fn = field?.args[0];
  if (!fn || !ts.isArrowFunction(fn) || ts.isBlock(fn.body)) return false;
  let body: ts.Expression = fn.body;
  if (ts.isArrayLiteralExpression(body) && body.elements.length === 1) body = body.elements[0]!;
  if (!ts.isIdentifier(body) || GRAPHQL_SCALAR.test(body.text)) return false;
  return isObjectTypeName(ctx, body.text);
}

/**
 * Fields of a class this module recognises as a model or DTO; undefined when it does not (the
 * class may still be an Objection model or a plain person type: type-models.ts decides).
 */
export function classFields(ctx: Ctx, cls: ts.ClassLikeDeclaration, bodyTypes: ReadonlySet<string>): DeclaredField[] | undefined {
  const model = cls.name?.text ?? 'default';
  const classDecos = decoratorsOf(cls);
  const known = classFramework(ctx, classDecos);
  const props = cls.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m));
  if (props.length === 0) return known ? [] : undefined;
  const memberDecos = props.map((p) => decoratorsOf(p));
  let framework: FrameworkId | undefined = known?.framework;
  let allProperties = false;
  if (!framework) {
    const names = memberDecos.flat().map((d) => d.name);
    if (names.some((n) => n === 'ApiProperty' || n === 'ApiPropertyOptional')) framework = 'nestjs';
    else if (names.some((n) => CLASS_VALIDATOR.test(n))) framework = 'class-validator';
    else if (names.includes('Column')) framework = 'typeorm'; // embeddable without @Entity
    else if (names.includes('Prop') || names.includes('prop')) framework = 'mongoose'; // NestJS @Prop, Typegoose @prop
    else if (names.includes('Field')) framework = 'graphql';
    if (bodyTypes.has(model)) {
      framework ??= 'nestjs';
      allProperties = true;
    } else if (!framework && DTO_NAME.test(model) && /Dto|DTO/.test(model)) {
      framework = 'dto';
      allProperties = true;
    }
  }
  if (!framework) return undefined;
  const dtoLike = framework === 'nestjs' || framework === 'class-validator' || framework === 'dto';
  const out: DeclaredField[] = [];
  props.forEach((p, i) => {
    const decos = memberDecos[i]!;
    const name = nameText(p.name);
    if (!name || p.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return;
    if (decos.some((d) => RELATION.has(d.name)) || isEmbedded(decos) || isReference(decos) || isObjectTypeField(ctx, decos)) return;
    // ORM and GraphQL classes declare columns with decorators; every property of a DTO is input.
    const hasFieldDecorator = decos.some((d) => !NEUTRAL.has(d.name));
    if (!hasFieldDecorator && !allProperties && !dtoLike) return;
    const hints: CategoryHint[] = [];
    const protection: ProtectionHint[] = [];
    for (const d of decos) {
      const h = validatorHint(d.name, framework);
      if (h) hints.push(h);
      if (d.name === 'Exclude') protection.push({ kind: 'hidden', key: 'access-control:exclude-from-serialization', description: 'excluded from serialized output (@Exclude)' });
      if (/^Encrypt/i.test(d.name)) protection.push({ kind: 'encryption', key: 'encryption:decorator', description: `@${d.name} decorator` });
      if (d.args.length > 0 && d.name !== 'Exclude') protection.push(...protectionFromText(boundedText(ctx, d.node)));
    }
    const aliases = aliasesFrom(decos);
    const at = pos(ctx, p.name);
    const type = p.type ? boundedText(ctx, p.type, 60) : undefined;
    out.push({
      model,
      field: name,
      ...(aliases.length ? { aliases } : {}),
      // @Column({ name: 'phone_number' }): the column in the database (GraphQL names are API names).
      ...(aliases[0] && aliases[0] !== name && STORED.has(framework) ? { dbColumn: aliases[0] } : {}),
      framework,
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

/** Request inputs of NestJS handlers: body, query string, route parameters, GraphQL arguments. */
const REQUEST_DECORATORS = new Set(['Body', 'Query', 'Param', 'Args']);

/**
 * NestJS handlers: `@Body() dto: CreateUserDto` (or @Query(), @Param(), GraphQL @Args()) marks
 * the class as a request DTO; `@Body() body: { phone: string }` and `@Query('phone') phone: string` declare
 * fields inline.
 */
export function bodyParams(ctx: Ctx, method: ts.MethodDeclaration, bodyTypes: Set<string>): DeclaredField[] {
  const out: DeclaredField[] = [];
  const owner = ts.isClassLike(method.parent) && method.parent.name ? method.parent.name.text : 'Controller';
  const model = `${owner}.${nameText(method.name) ?? 'handler'}`;
  for (const param of method.parameters) {
    const body = decoratorsOf(param).find((d) => REQUEST_DECORATORS.has(d.name));
    if (!body) continue;
    const key = stringValue(body.args[0]);
    if (key) {
      const at = pos(ctx, body.args[0]!);
      out.push({ model, field: key, framework: 'nestjs', ...(param.type ? { type: boundedText(ctx, param.type, 60) } : {}), line: at.line, column: at.column + 1 });
      continue;
    }
    let type = param.type;
    while (type && ts.isArrayTypeNode(type)) type = type.elementType;
    if (!type) continue;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      bodyTypes.add(type.typeName.text);
    } else if (ts.isTypeLiteralNode(type)) {
      for (const m of type.members) {
        if (!ts.isPropertySignature(m)) continue;
        const name = nameText(m.name);
        if (!name) continue;
        const at = pos(ctx, m.name);
        out.push({ model, field: name, framework: 'nestjs', ...(m.type ? { type: boundedText(ctx, m.type, 60) } : {}), line: at.line, column: at.column });
      }
    }
  }
  return out;
}
