/**
 * Active-record models (Mongoose, Sequelize and the like): `User.create(dto)`,
 * `this.userModel.findOne(...)`, `doc.save()` on a document carrying personal data. The model is
 * the injected entity, or the receiver's name when it looks like a model class of the project.
 */
import { isRelative } from '../engine/bindings.js';
import type { Framework } from '../engine/framework-api.js';
import { isLive } from '../engine/taint.js';
import { cap, looksLikeModelName } from '../engine/names.js';
import { FILTER_FIRST, ormReadWrite } from './orm-methods.js';

export const activeRecord: Framework = {
  id: 'active-record',
  description: 'Model classes with static reads and writes (Mongoose, Sequelize), and document.save()',
  stores: { storeNames: ['model'] },
  calls: {
    classify({ call, chain, method: last, rootName: rn, binding: rb, api, receiver, engine }) {
      const nm = chain.members.length;
      const modelLike =
        nm === 1 &&
        ((/Model$/.test(rn) && rn !== 'Model') ||
          !!rb?.entity ||
          (looksLikeModelName(rn) && (rb?.local === 'class' || (!!rb?.module && isRelative(rb.module)))));
      if (modelLike) {
        const entity = rb?.entity ?? cap(rn.replace(/Model$/, ''));
        const rw = ormReadWrite(last);
        if (rw === 'read') return { t: 'source', type: entity, source: `${entity} record` };
        if (rw) {
          const returns = rw === 'both' ? [{ k: 'type' as const, type: entity, source: `${entity} record`, steps: [engine.step(call, `${entity} record: ${api}()`)] }] : undefined;
          return { t: 'sink', info: { kind: 'storage', api, label: 'ORM', internal: true, model: entity }, args: FILTER_FIRST.has(last) ? [1, 2] : 'all', ...(returns ? { returns } : {}) };
        }
      }
      // document.save() on a tainted document
      if (nm === 1 && last === 'save' && receiver.length && isLive(receiver)) {
        return { t: 'sink', info: { kind: 'storage', api, label: 'ORM', internal: true }, args: 'none', recv: true };
      }
      return undefined;
    },
  },
};
