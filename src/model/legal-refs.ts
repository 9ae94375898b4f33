/**
 * Legal references are stored compactly ("decree-13:2.3.g", "pdpl-2025:d356-4.1.d",
 * "pdpl-2025:law91-20.2") and rendered for people here.
 */
const INSTRUMENTS: Record<string, { en: string; vi: string }> = {
  'decree-13': { en: 'Decree 13/2023/ND-CP', vi: 'Nghị định 13/2023/NĐ-CP' },
  d356: { en: 'Decree 356/2025/ND-CP', vi: 'Nghị định 356/2025/NĐ-CP' },
  law91: { en: 'Law 91/2025/QH15', vi: 'Luật 91/2025/QH15' },
};

export function formatRef(ref: string, lang: 'en' | 'vi' = 'en'): string {
  const [regime, rest] = ref.includes(':') ? (ref.split(':', 2) as [string, string]) : ['', ref];
  let instrument = regime;
  let article = rest;
  const m = /^(d356|law91)-(.+)$/.exec(rest);
  if (m) {
    instrument = m[1]!;
    article = m[2]!;
  }
  const name = INSTRUMENTS[instrument]?.[lang] ?? instrument;
  const [art, clause, point] = article.split('.');
  const word = lang === 'vi' ? 'Điều' : 'Art.';
  let out = `${name} ${word} ${art}`;
  if (clause) out += lang === 'vi' ? ` khoản ${clause}` : `(${clause})`;
  if (point) out += lang === 'vi' ? ` điểm ${point}` : `(${point})`;
  return out;
}
