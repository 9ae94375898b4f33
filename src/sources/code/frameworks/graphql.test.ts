import { describe, expect, test } from 'vitest';
import { walkedWith } from '../../../../test/helpers/frameworks.js';
import { graphql } from './graphql.js';

describe('graphql', () => {
  test('gql tags and GraphQL decorators make a file worth walking for declarations', () => {
    expect(walkedWith([graphql], 'const typeDefs = gql`type User { email: String }`')).toBe(true);
    expect(walkedWith([graphql], '@ObjectType() class User { @Field() email: string }')).toBe(true);
    expect(walkedWith([graphql], 'export const total = 1;')).toBe(false);
  });
});
