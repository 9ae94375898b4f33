/** GraphQL: SDL in gql tags and schema files, type-graphql / NestJS GraphQL decorated classes. */
import type { Framework } from '../engine/framework-api.js';

export const graphql: Framework = {
  id: 'graphql',
  description: 'GraphQL SDL (gql tags) and decorated object/input types',
  declarations: {
    markers: ['gql', 'graphql', '@field', '@objecttype', '@inputtype', '@args('],
    // Object and input types are the API's shape; what is stored is declared by the ORM.
    input: true,
    // Code-first classes (type-graphql, NestJS GraphQL); a resolved field is computed, not stored.
    decorators: {
      models: ['ObjectType', 'InputType', 'ArgsType', 'InterfaceType'],
      properties: ['Field'],
      relations: ['ResolveField'],
      typeLinks: ['Field'],
      // Built-in, graphql-scalars and NestJS scalars.
      scalarTypes: /^(String|Int|Float|Boolean|ID|Number|Date|JSON|BigInt|Decimal|Upload)$|^GraphQL/,
    },
  },
};
