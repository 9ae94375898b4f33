/** Redis and caches (ioredis, node-redis, Upstash, cache-manager, keyv): values written under a key are stored. */
import type { Binding } from '../engine/bindings.js';
import type { Framework } from '../engine/framework-api.js';

const REDIS_MODULES = new Set(['redis', 'ioredis', '@upstash/redis', '@redis/client', 'cache-manager', '@nestjs/cache-manager', 'keyv', 'memcached', 'memjs']);
const REDIS_WRITES = new Set(['set', 'setex', 'setEx', 'setnx', 'setNX', 'hset', 'hSet', 'hmset', 'hmSet', 'lpush', 'lPush', 'rpush', 'rPush', 'sadd', 'sAdd', 'zadd', 'zAdd', 'mset', 'mSet', 'append', 'xadd', 'xAdd', 'publish']);
const REDIS_NAME = /(redis|cache|cacheManager|kv|keyv)$/i;

function isRedisLike(b: Binding | undefined, name: string): boolean {
  if (b?.module && REDIS_MODULES.has(b.module)) return true;
  if (b?.typeName && /^(Redis|Cache|RedisClientType|Keyv)$/.test(b.typeName)) return true;
  return REDIS_NAME.test(name);
}

export const redis: Framework = {
  id: 'redis',
  description: 'Redis and caches: set/hset/lpush... store the value arguments',
  calls: {
    classify({ call, chain, method: last, rootName: rn, binding: rb, api }) {
      if (chain.members.length !== 1 || !REDIS_WRITES.has(last) || !isRedisLike(rb, rn)) return undefined;
      return { t: 'sink', info: { kind: 'storage', api, label: 'Redis/cache', internal: true }, args: call.arguments.map((_, i) => i).filter((i) => i >= 1) };
    },
  },
};
