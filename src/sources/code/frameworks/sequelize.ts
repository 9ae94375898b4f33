/** Sequelize: `sequelize.define('User', {...})`, `User.init({...})`, sequelize-typescript @Table models. */
import type { Framework } from '../engine/framework-api.js';
import { sequelizeFields } from '../declarations/ts/builders.js';

export const sequelize: Framework = {
  id: 'sequelize',
  description: 'Sequelize models (define, init, @Table)',
  declarations: {
    markers: ['sequelize', '@table'],
    mentionedIn: (lower) => lower.includes('sequelize'),
    persistent: true,
    call: (ctx, _st, call) => sequelizeFields(ctx, call),
  },
  sources: { containers: ['dataValues'] },
  stores: { entityDecorators: ['Table'], modelFactories: ['define'] },
};
