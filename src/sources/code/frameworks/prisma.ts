/**
 * Prisma: `prisma.user.findMany()` reads User records, `prisma.user.create({ data })` writes the
 * keys of `data` (hashed ones recorded as protected). Models are declared in schema.prisma
 * (declarations/prisma.ts), so they are persistent.
 */
import { ts } from 'ts-morph';
import { DECIDED_NONE, type Framework } from '../engine/framework-api.js';
import { cap } from '../engine/names.js';

const PRISMA_READS = ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany'];
const READS = new Set(PRISMA_READS);
const WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert']);

/** Prisma's write argument: `{ data }` to create, `{ where, data }` to update, `{ where, create, update }` to upsert. */
function prismaWrite(method: string, a: ts.Expression | undefined): boolean {
  if (!a || !ts.isObjectLiteralExpression(a)) return false;
  const keys = new Set(a.properties.flatMap((p) => (p.name !== undefined && ts.isIdentifier(p.name) ? [p.name.text] : [])));
  if (method === 'upsert') return keys.has('where') && keys.has('create') && keys.has('update');
  return keys.has('data') && (method.startsWith('create') || keys.has('where'));
}

export const prisma: Framework = {
  id: 'prisma',
  description: 'Prisma Client: model reads are sources, create/update/upsert write the `data` keys',
  declarations: { persistent: true },
  stores: { storeNames: ['prisma', 'tx'] },
  calls: {
    dataMethods: PRISMA_READS,
    classify({ call, chain, method: last, rootName: rn, binding: rb, api, engine }) {
      const nm = chain.members.length;
      const prismaRoot =
        /^prisma/i.test(rn) || (rb?.typeName !== undefined && /Prisma/.test(rb.typeName)) || (/^(tx|trx|prismaTx|transaction)$/.test(rn) && nm === 2) ||
        // `db.user.findMany()`, `p.user.update({ where, data })`: a client under another name (a
        // parameter, an import from the app's own db module); Prisma's call shape decides.
        (nm === 2 && ((/^(db|client|database|dbClient)$/.test(rn) && READS.has(last)) || (WRITES.has(last) && prismaWrite(last, call.arguments[0]))));
      if (!prismaRoot || nm < 2) return undefined;
      const model = cap(chain.members[nm - 2]!);
      if (READS.has(last)) return { t: 'source', type: model, source: `Prisma ${model} record` };
      if (!WRITES.has(last)) return DECIDED_NONE;
      return {
        t: 'sink',
        info: { kind: 'storage', api, label: 'Prisma', internal: true, model },
        args: [0],
        options: { dataKeys: ['data', 'create', 'update'], writtenFrom: 'data' },
        returns: [{ k: 'type', type: model, source: `Prisma ${model} record`, steps: [engine.step(call, `Prisma ${model} record`)] }],
      };
    },
  },
};
