/**
 * TypeORM: @Entity classes and EntitySchema declare persistent models; repositories
 * (`@InjectRepository(User)`, `dataSource.getRepository(User)`) read them as sources and write
 * with save/insert/update; `repo.create(dto)` only builds an entity.
 */
import { ts } from 'ts-morph';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';
import { cap } from '../engine/names.js';
import { entitySchemaFields } from './entity-schema.js';
import { ORM_READS, ORM_WRITES } from './orm-methods.js';

/** repo.create() only builds an entity: its result carries the data, save() writes it. */
const BUILDERS = new Set(['create', 'merge', 'preload']);

export const typeorm: Framework = {
  id: 'typeorm',
  description: 'TypeORM: entities, EntitySchema, repository reads (sources) and writes',
  declarations: {
    markers: ['entityschema', '@entity', '@column'],
    persistent: true,
    // A schema listing `properties` is MikroORM's; so is any schema in a file that mentions MikroORM (asked first).
    call: (ctx, _st, call) => entitySchemaFields(ctx, call, 'typeorm', (columns) => columns),
    construct: (ctx, _st, node) => entitySchemaFields(ctx, node, 'typeorm', (columns) => columns),
    decorators: {
      models: ['Entity'],
      tableFromOptions: true,
      // An embeddable without @Entity is known by its columns.
      properties: ['Column'],
      relations: ['OneToOne', 'ManyToOne', 'OneToMany', 'ManyToMany', 'JoinColumn', 'JoinTable', 'RelationId', 'Embedded'],
      neutral: ['Index', 'Unique'],
      embeds: ['Column'],
    },
  },
  stores: { entityDecorators: ['Entity'], injectDecorators: ['InjectRepository'], deleteMethods: ['softDelete'], storeNames: ['repo', 'repository', 'manager'] },
  calls: {
    dataMethods: [...ORM_READS],
    classify({ chain, method: last, rootName: rn, binding: rb, api }) {
      const nm = chain.members.length;
      const repoLike = /(repo|repository)$/i.test(rn) || (rb?.typeName !== undefined && /Repository$/.test(rb.typeName)) || chain.members.includes('getRepository');
      if (!repoLike || nm < 1) return undefined;
      const gi = chain.members.indexOf('getRepository');
      const ga = gi >= 0 ? chain.callAfter[gi]?.arguments[0] : undefined;
      const entity = rb?.entity ?? (ga && ts.isIdentifier(ga) ? ga.text : undefined) ?? cap(rn.replace(/(Repo|Repository)$/i, ''));
      if (ORM_READS.has(last)) return { t: 'source', type: entity, source: `${entity} entity` };
      if (BUILDERS.has(last)) return { t: 'builder' };
      if (ORM_WRITES.has(last)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'TypeORM', internal: true, model: entity }, args: last === 'update' ? [1] : 'all' };
      }
      return DECIDED_NONE;
    },
  },
};
