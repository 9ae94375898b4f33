/**
 * vn-address: an address found in running text or a data cell WITHOUT a label, e.g.
 * "12 Lê Văn Sỹ, Phường 11, Quận 3, TP. Hồ Chí Minh", "45 Ngõ 120 Trần Duy Hưng, Cầu Giấy, Hà Nội",
 * "Phường Ba Đình, Thành phố Hà Nội". Needs two independent pieces of evidence (a house number,
 * admin/street words, a province name), so "đường Lê Lợi" or "Quận 1" alone does not pass.
 */
import { fail, ok, type Validator } from './types.js';
import { addressEvidence } from './address-parts.js';

export const vnAddress: Validator = (value) => {
  const e = addressEvidence(value);
  if (e.rejected) return fail(e.rejected);
  const count = e.pieces.length + (e.houseNumber ? 1 : 0);
  const admin = e.pieces.filter((p) => !p.startsWith('province ')).length;
  // Without any street/admin word, "10 Hà Nội, Đà Nẵng" would pass: then ask for a house number,
  // a province and three comma-separated parts ("88 Nguyễn Văn Linh, Hải Châu, Đà Nẵng").
  if (admin === 0 && !(e.houseNumber && e.commaParts >= 3)) return fail('no street or admin word, and not number + 3 parts');
  if (count < 2 || e.commaParts < 2) return fail(`too little address evidence (${[...e.pieces, e.houseNumber ? 'house number' : ''].filter(Boolean).join(', ') || 'none'})`);
  return ok(`address: ${[e.houseNumber ? 'house number' : '', ...e.pieces].filter(Boolean).join(', ')}`, count >= 3);
};
