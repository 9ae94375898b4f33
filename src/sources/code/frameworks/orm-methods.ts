/** Method names shared by document and repository ORMs (TypeORM, Mongoose, Sequelize, the MongoDB driver). */

export const ORM_READS = new Set([
  'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findByIds', 'findById',
  'findAll', 'findByPk', 'findOrCreate', 'findAndCountAll', 'findOneAndUpdate', 'findByIdAndUpdate', 'lean',
]);
export const ORM_WRITES = new Set([
  'save', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'replaceOne',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace', 'bulkCreate', 'bulkWrite', 'create',
]);
/** Write methods whose first argument is a filter, not data. */
export const FILTER_FIRST = new Set(['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace']);

/**
 * `findOneAndUpdate(filter, update)` both writes and reads: a storage sink of its update whose
 * result is the record read (`returns`).
 */
export function ormReadWrite(last: string): 'read' | 'write' | 'both' | undefined {
  const w = ORM_WRITES.has(last);
  const r = ORM_READS.has(last);
  return w && r ? 'both' : w ? 'write' : r ? 'read' : undefined;
}
