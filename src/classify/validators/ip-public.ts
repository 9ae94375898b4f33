/**
 * Public (globally routable) IP addresses, the kind that identifies a user's connection.
 * Rejected: private, loopback, link-local, CGNAT, multicast, reserved and documentation ranges
 * (RFC 1918, 6598, 3927, 5737, 2544, 5771, 1112; IPv6 RFC 4193, 4291, 3849), anything outside the
 * IPv6 global unicast block 2000::/3, well-known public resolvers (8.8.8.8, 1.1.1.1 ... are
 * infrastructure, not users) and version-like quads whose four parts are single digits ("1.2.3.4").
 */
import { isIPv4, isIPv6 } from 'node:net';
import { fail, ok, type Validator } from './types.js';

/** [network, prefix length] */
const V4_RESERVED: Array<[string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

const PUBLIC_RESOLVERS = new Set([
  '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220',
  '4.2.2.1', '4.2.2.2', '64.6.64.6', '64.6.65.6', '94.140.14.14', '94.140.15.15',
  '2001:4860:4860::8888', '2001:4860:4860::8844', '2606:4700:4700::1111', '2606:4700:4700::1001', '2620:fe::fe', '2620:fe::9',
]);

const v4ToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

function inV4Range(ip: string, net: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(v4ToInt(ip) / size) === Math.floor(v4ToInt(net) / size);
}

/** Expand an IPv6 address into eight 16-bit groups. */
export function ipv6Groups(ip: string): number[] {
  let s = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = v4ToInt(v4[1]!);
    s = s.slice(0, v4.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

export const ipPublic: Validator = (value) => {
  const ip = value.trim();
  if (PUBLIC_RESOLVERS.has(ip.toLowerCase())) return fail('a well-known public DNS resolver');
  if (isIPv4(ip)) {
    const hit = V4_RESERVED.find(([net, bits]) => inV4Range(ip, net, bits));
    if (hit) return fail(`in reserved/private range ${hit[0]}/${hit[1]}`);
    if (ip.split('.').every((o) => o.length === 1)) return fail('four single-digit parts: a version number, not an address');
    return ok('public IPv4 address');
  }
  if (isIPv6(ip)) {
    const g = ipv6Groups(ip);
    if (g.length !== 8 || g.some((x) => Number.isNaN(x))) return fail('unparseable IPv6 address');
    if ((g[0]! & 0xe000) !== 0x2000) return fail('outside the global unicast block 2000::/3');
    if (g[0] === 0x2001 && g[1] === 0x0db8) return fail('documentation range 2001:db8::/32');
    if (g[0] === 0x2001 && g[1]! < 0x0200) return fail('IETF special-purpose range 2001::/23');
    if (g[0] === 0x2002) return fail('6to4 relay range 2002::/16');
    return ok('public IPv6 address');
  }
  return fail('not an IPv4 or IPv6 address');
};
