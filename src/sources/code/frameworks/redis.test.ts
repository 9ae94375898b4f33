import { describe, expect, test } from 'vitest';
import { flowsWith, sinks } from '../../../../test/helpers/frameworks.js';
import { redis } from './redis.js';

describe('redis and caches', () => {
  test('values written under a key are stored; the key alone is not data', () => {
    const code = `
import Redis from 'ioredis';
const client = new Redis();
export async function cache(email: string) {
  await client.set('user', email);
  await client.set(email, '1');
  await this.cacheManager.set('k', { email });
}`;
    expect(sinks(flowsWith([redis], code))).toEqual(['client.set → storage: Redis/cache', 'this.cacheManager.set → storage: Redis/cache']);
  });
});
