/**
 * Geographic coordinates in decimal degrees: one value (|x| ≤ 180, at least 4 decimals, i.e. ~10 m)
 * or a "lat, lng" pair (lat in [-90, 90], lng in [-180, 180]; GeoJSON's "lng, lat" order is recognised
 * when the first value cannot be a latitude). A pair needs 3 decimals on both sides
 * and 4 on at least one, which keeps Vietnamese prices ("12.500, 106.000": dot = thousands) out;
 * pairs within 1° of (0, 0) are embedding/vector components or ratios, not positions.
 */
import { fail, ok, type Validator } from './types.js';

const NUM = /^-?\d{1,3}\.(\d+)$/;

function decimals(n: string): number {
  return NUM.exec(n)?.[1]?.length ?? -1;
}

export const latLng: Validator = (value) => {
  const parts = value.trim().split(/\s*[,;]\s*|\s+/).filter(Boolean);
  if (parts.length === 1) {
    const [x] = parts as [string];
    if (decimals(x) < 4) return fail('a single coordinate needs at least 4 decimals');
    const v = Number(x);
    if (Math.abs(v) > 180) return fail('outside [-180, 180]');
    if (v === 0) return fail('zero');
    return ok('decimal-degree coordinate');
  }
  if (parts.length !== 2) return fail('not one coordinate or a lat, lng pair');
  const [a, b] = parts as [string, string];
  const da = decimals(a);
  const db = decimals(b);
  if (da < 3 || db < 3 || Math.max(da, db) < 4) return fail('too few decimals for a position (a price or version?)');
  const swapped = Math.abs(Number(a)) > 90;
  const lat = Number(swapped ? b : a);
  const lng = Number(swapped ? a : b);
  if (Math.abs(lat) > 90) return fail('latitude outside [-90, 90]');
  if (Math.abs(lng) > 180) return fail('longitude outside [-180, 180]');
  if (Math.abs(lat) < 1 && Math.abs(lng) < 1) return fail('both within 1° of (0, 0): a vector or ratio, not a position');
  const inVietnam = lat >= 8 && lat <= 24 && lng >= 102 && lng <= 110;
  return ok(`${swapped ? 'lng, lat (GeoJSON order)' : 'lat, lng'} pair${inVietnam ? ' inside Vietnam' : ''}`, inVietnam);
};
