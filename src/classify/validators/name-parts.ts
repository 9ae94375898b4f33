/**
 * Vietnamese name analysis shared by the name validators (vn-name, vn-name-lenient).
 *
 * A candidate is the run of capitalised words the rule's pattern matched, e.g.
 * "Hồ Sơ Nguyễn Văn An" or "NGUYỄN THỊ LAN". We look for a window inside it that is a name:
 * a listed surname (compound surnames first), then only listed given-name syllables, in Title Case
 * or ALL CAPS. Syllables are compared with their diacritics (so "Lễ Hội" is not "Lê Hội"), except
 * plain-ASCII words, which are compared folded ("Nguyen Van An").
 */
import { listEntries } from '../../rules/macros.js';
import { fold } from '../../util/fold.js';

/** Old-style tone placement ("Hoà", "Thuỷ") and new style ("Hòa", "Thủy") compare equal. */
const TONE_MOVES: RegExp[] = [/o([àáảãạ])$/u, /o([èéẻẽẹ])$/u, /u([ỳýỷỹỵ])$/u];
const BASE_OF: Record<string, string> = {
  à: 'ò', á: 'ó', ả: 'ỏ', ã: 'õ', ạ: 'ọ',
  è: 'ò', é: 'ó', ẻ: 'ỏ', ẽ: 'õ', ẹ: 'ọ',
  ỳ: 'ù', ý: 'ú', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ',
};
const PLAIN_OF: Record<string, string> = {
  à: 'a', á: 'a', ả: 'a', ã: 'a', ạ: 'a', è: 'e', é: 'e', ẻ: 'e', ẽ: 'e', ẹ: 'e', ỳ: 'y', ý: 'y', ỷ: 'y', ỹ: 'y', ỵ: 'y',
};

/** Lower-case NFC syllable with the tone mark moved to the first vowel of a final oa/oe/uy. */
export function normSyllable(s: string): string {
  let w = s.normalize('NFC').toLowerCase();
  for (const re of TONE_MOVES) {
    const m = re.exec(w);
    if (m && !/qu[ỳýỷỹỵ]$/u.test(w)) {
      const toned = m[1]!;
      w = w.slice(0, m.index) + BASE_OF[toned]! + PLAIN_OF[toned]!;
      break;
    }
  }
  return w;
}

const isAsciiWord = (w: string): boolean => /^[\x20-\x7e]*$/.test(w);

/** Compare a phrase as the lists do: syllable by syllable, folded when the text is plain ASCII. */
export function phraseKey(words: string[]): string {
  return words.map((w) => (isAsciiWord(w) ? fold(w) : normSyllable(w))).join(' ');
}

interface Lexicon {
  exact: Set<string>;
  folded: Set<string>;
}

function lexicon(entries: string[]): Lexicon {
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const e of entries) {
    const words = e.trim().split(/\s+/);
    exact.add(words.map(normSyllable).join(' '));
    folded.add(words.map((w) => fold(w)).join(' '));
  }
  return { exact, folded };
}

function has(lex: Lexicon, words: string[]): boolean {
  if (words.every(isAsciiWord)) return lex.folded.has(words.map((w) => fold(w)).join(' '));
  return lex.exact.has(phraseKey(words));
}

/** The words of one candidate with their comparison keys computed once (the hot path). */
interface Keyed {
  words: string[];
  exact: string[];
  folded: string[];
  ascii: boolean[];
}

function keyed(words: string[]): Keyed {
  return { words, exact: words.map(normSyllable), folded: words.map((w) => fold(w)), ascii: words.map(isAsciiWord) };
}

/** has() for words[from, to) of a keyed candidate. */
function hasAt(lex: Lexicon, k: Keyed, from: number, to: number): boolean {
  let allAscii = true;
  for (let x = from; x < to; x++) if (!k.ascii[x]) allAscii = false;
  return allAscii ? lex.folded.has(k.folded.slice(from, to).join(' ')) : lex.exact.has(k.exact.slice(from, to).join(' '));
}

const placeLists = (): string[] => [...listEntries('vi-provinces'), ...listEntries('vi-ethnic-groups'), ...listEntries('vi-religions')];

let cache: { surnames: Lexicon; given: Lexicon; famous: Lexicon; lookalikes: Lexicon; maxSurname: number; maxLookalike: number } | undefined;

function lists() {
  if (!cache) {
    const surnames = listEntries('vi-surnames');
    const lookalikes = listEntries('vi-name-lookalikes');
    cache = {
      surnames: lexicon(surnames),
      given: lexicon(listEntries('vi-given-syllables')),
      famous: lexicon(listEntries('vi-famous-names')),
      // Provinces, ethnic groups and religions look like names too ("Hà Nam", "Quang Nam", "La Ha",
      // "Hà Nhì", "Bửu Sơn Kỳ Hương").
      lookalikes: lexicon([...lookalikes, ...placeLists()]),
      maxSurname: Math.max(...surnames.map((s) => s.split(/\s+/).length)),
      maxLookalike: Math.max(...[...lookalikes, ...placeLists()].map((s) => s.split(/\s+/).length)),
    };
  }
  return cache;
}

type Shape = 'title' | 'upper' | 'other';
function shapeOf(w: string): Shape {
  if (w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase()) return 'upper';
  const first = w.charAt(0);
  const rest = w.slice(1);
  if (first === first.toUpperCase() && first !== first.toLowerCase() && rest === rest.toLowerCase()) return 'title';
  return 'other';
}

/**
 * Words that, right before a name, make it a place: "đường Lê Lợi", "Trường THPT chuyên Lê Hồng
 * Phong", "Bệnh viện Bạch Mai", "Q. Hoàng Mai". The name rules capture such a word (with its
 * diacritics, so "Phương" the person is not "phường" the ward) and we reject the candidate here.
 * A Title-Case word that is also a surname ("Viên", "Giáp") is read as the surname instead.
 */
const PLACE_WORDS = new Set([
  'đường', 'phố', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'phường', 'quận', 'huyện', 'xã', 'trấn', 'tỉnh', 'tp', 'tp.', 'p.', 'q.',
  'trường', 'thpt', 'thcs', 'học', 'chuyên', 'viện', 'bv', 'bv.', 'cầu', 'chợ', 'chùa', 'đền', 'lăng', 'đài', 'viên', 'lộ',
  'ấp', 'thôn', 'xóm', 'khu', 'cư', 'giải', 'quỹ', 'tuyến', 'bến', 'ga', 'sân', 'đảo', 'núi', 'sông',
  'nhánh', 'tư', 'thờ', 'street', 'st.', 'road', 'avenue', 'ward', 'district', 'school', 'hospital',
  // The same words typed without diacritics (only those that are not also given names).
  'duong', 'pho', 'ngo', 'ngach', 'hem', 'phuong', 'quan', 'huyen', 'xa', 'tinh', 'truong', 'hoc', 'chuyen', 'vien',
  'cau', 'cho', 'chua', 'den', 'lang', 'dai', 'nhanh', 'tho',
]);
/** A house number before the name ("12 Lê Văn Sỹ", "số 5 Trần Phú", "45/3 Nguyễn Trãi"). */
const HOUSE_NUMBER = /^(?:số\s+)?\d{1,4}[a-z]?(?:\/\d{1,4}[a-z]?)*$/iu;

/** Middle names that never end a name: "Nguyễn Văn", "Trần Thị" are truncated placeholders. */
const MIDDLE_ONLY = new Set(['van', 'thi']);
/** The same with diacritics: "Vấn" and "Thi" (poetry) are given names, "Văn" and "Thị" are not. */
const MIDDLE_ONLY_VI = new Set(['văn', 'thị']);

export interface NameWindow {
  words: string[];
  surnameWords: number;
}

export type NameVerdict = { ok: true; window: NameWindow } | { ok: false; reason: string };

export interface NameOptions {
  /** Minimum number of words (surname included). */
  minWords: number;
  /** Accept names of historical figures (street names) — only for rules that demand context. */
  allowFamous: boolean;
  /**
   * Accept ALL-CAPS text without diacritics ("NGUYEN VAN AN"). Headings are written that way too
   * and fold onto names ("CAO DOANH THU", "NHAN VIEN DONG"), so only rules with context accept it.
   */
  allowAsciiCaps?: boolean;
}

/**
 * Find the first window of `value` that is a Vietnamese full name. Placeholders fall out by
 * themselves: in "Nguyễn Văn A" the letter is no given name and "Văn" cannot end a name.
 */
export function findName(value: string, opts: NameOptions): NameVerdict {
  let words = value.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length && /^số$/iu.test(words[0]!) && words[1] && /^\d/.test(words[1])) words = [`${words[0]} ${words[1]}`, ...words.slice(2)];
  if (words.length && HOUSE_NUMBER.test(words[0]!)) return { ok: false, reason: `house number "${words[0]}" before it: a street address` };
  const L = lists();
  const K = keyed(words);
  const blocked = lookalikeCover(K);
  const first = words[0] ?? '';
  if (PLACE_WORDS.has(first.toLowerCase()) && (first === first.toLowerCase() || !has(L.surnames, [first]))) {
    return { ok: false, reason: `"${first}" before it: a street, school or place name` };
  }
  let why = 'no listed surname followed by listed given-name syllables';
  for (let i = 0; i < words.length; i++) {
    for (let sw = Math.min(L.maxSurname, words.length - i - 1); sw >= 1; sw--) {
      const surname = words.slice(i, i + sw);
      if (!hasAt(L.surnames, K, i, i + sw)) continue;
      const sShape = surname.map(shapeOf);
      if (sShape.some((s) => s === 'other')) continue;
      let j = i + sw;
      const gShape = j < words.length ? shapeOf(words[j]!) : 'other';
      if (gShape === 'other' || (sShape[0] === 'title' && gShape === 'upper')) continue;
      // A bare ASCII letter is a placeholder ("Nguyễn Văn Y"), even though "Ý" is a given name.
      while (j < words.length && j - (i + sw) < 4 && shapeOf(words[j]!) === gShape && !(K.ascii[j] && words[j]!.length === 1) && hasAt(L.given, K, j, j + 1)) j++;
      // A trailing middle-only syllable is a truncated name: "Nguyễn Văn" of "Nguyễn Văn A".
      while (j > i + sw && (K.ascii[j - 1] ? MIDDLE_ONLY.has(K.folded[j - 1]!) : MIDDLE_ONLY_VI.has(K.exact[j - 1]!))) j--;
      const win = words.slice(i, j);
      if (j - (i + sw) < 1) continue;
      if (win.length < opts.minWords) {
        why = `only ${win.length} word(s) look like a name ("${win.join(' ')}")`;
        continue;
      }
      // A rejected window also hides the names inside it: "Nguyen Thi Minh Khai" must not
      // come back as "Thi Minh Khai", nor "Bửu Sơn Kỳ Hương" as "Sơn Kỳ Hương". A look-alike
      // that starts after a surname is a given name ("Hồ Kim Long", not the Kim Long ward).
      if (blocked[i]) {
        why = `"${win.join(' ')}" is a place or an ordinary phrase`;
        i = j - 1;
        break;
      }
      if (!opts.allowFamous && hasAt(L.famous, K, i, j)) {
        why = `"${win.join(' ')}" is a historical figure's name, mostly a street or school`;
        i = j - 1;
        break;
      }
      if (!opts.allowAsciiCaps && win.every((w) => isAsciiWord(w) && shapeOf(w) === 'upper')) {
        why = `"${win.join(' ')}" is ALL CAPS without diacritics: as often a heading as a name`;
        i = j - 1;
        break;
      }
      return { ok: true, window: { words: win, surnameWords: sw } };
    }
  }
  return { ok: false, reason: why };
}

/** Which words belong to a place or ordinary phrase somewhere in the candidate. */
function lookalikeCover(K: Keyed): boolean[] {
  const L = lists();
  const n0 = K.words.length;
  const covered = K.words.map(() => false);
  for (let k = 0; k < n0; k++) {
    for (let n = Math.min(L.maxLookalike, n0 - k); n >= 2; n--) {
      if (hasAt(L.lookalikes, K, k, k + n)) {
        for (let x = k; x < k + n; x++) covered[x] = true;
        break;
      }
    }
  }
  return covered;
}
