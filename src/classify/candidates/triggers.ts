/**
 * What a pattern needs to find in a text before it can match there, derived from the RE2 source
 * (after macro expansion), so that rules declare nothing:
 *   - literal atoms: a folded string ("+84", "mat khau", "@") that every match contains, compared
 *     case- and diacritic-insensitively (a superset of what the pattern accepts);
 *   - digit atoms: a run of at least k ASCII digits that every match contains.
 * A pattern's trigger is a set of atoms, one of which every match contains. It is also decided
 * whether the pattern is line-local: a match never holds a newline except as its first or last
 * character (the usual `(?:^|[^0-9])` / `(?:[^0-9]|$)` edges), so running it on the lines that
 * hold a trigger finds exactly what running it on the whole text finds.
 * Anything the small parser does not understand gives no trigger: the rule then runs on the
 * whole text as before.
 */
import { foldChar } from './fold-table.js';

export type Atom = { kind: 'lit'; text: string } | { kind: 'digits'; min: number };

export interface PatternTrigger {
  /** One of these occurs in every match. */
  atoms: Atom[];
  /** How rare the least rare atom is: a literal's length, half a digit run's length, 3 for "@". */
  score: number;
}

/** Newline placement in a node's matches (a lattice; see join). */
type Nl = 'none' | 'edge1' | 'first' | 'last' | 'edges' | 'any';

interface CharInfo {
  /** The one folded character every member folds to, if there is one. */
  fold?: string;
  digitsOnly: boolean;
  newline: boolean;
}

type Node =
  | { t: 'char'; info: CharInfo }
  | { t: 'empty' }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

class Unsupported extends Error {}

const ANY_NL: CharInfo = { digitsOnly: false, newline: true };
const ANY_NO_NL: CharInfo = { digitsOnly: false, newline: false };
const DIGIT: CharInfo = { digitsOnly: true, newline: false };

function charInfo(chars: string[], caseInsensitive: boolean): CharInfo {
  const folds = new Set<string>();
  let digitsOnly = chars.length > 0;
  let newline = false;
  for (const ch of chars) {
    if (ch === '\n') newline = true;
    if (!(ch >= '0' && ch <= '9')) digitsOnly = false;
    folds.add(foldChar(ch));
    if (caseInsensitive) folds.add(foldChar(ch.toUpperCase())).add(foldChar(ch.toLowerCase()));
  }
  const only = folds.size === 1 ? [...folds][0]! : undefined;
  return { fold: only && only !== '\n' && only !== '\0' ? only : undefined, digitsOnly, newline };
}

const CLASS_ESCAPES: Record<string, CharInfo> = {
  d: DIGIT,
  D: ANY_NL,
  s: ANY_NL,
  S: ANY_NO_NL,
  w: ANY_NO_NL,
  W: ANY_NL,
};
const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', a: '\x07' };
/** Above this many members a class is not enumerated (it holds no single folded letter anyway). */
const MAX_ENUM = 4096;

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private caseInsensitive: boolean,
  ) {}

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('trailing');
    return n;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Node {
    const alts = [this.concat()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.concat());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private concat(): Node {
    const items: Node[] = [];
    const saved = this.caseInsensitive;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    // A bare (?i) flag group lasts to the end of the enclosing group.
    this.caseInsensitive = saved;
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  private quantified(node: Node): Node {
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
        if (!m) return node;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      if (this.peek() === '?') this.i++;
      node = { t: 'rep', node, min, max };
    }
  }

  /** One atom, or undefined for a flag group such as (?i) that matches nothing. */
  private atom(): Node | undefined {
    const c = this.src[this.i++]!;
    if (c === '(') return this.group();
    if (c === '[') return { t: 'char', info: this.charClass() };
    if (c === '.') return { t: 'char', info: ANY_NO_NL };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape();
    return this.literal(String.fromCodePoint(this.src.codePointAt(this.i - 1)!));
  }

  private literal(ch: string): Node {
    if (ch.length === 2) this.i++;
    return { t: 'char', info: charInfo([ch], this.caseInsensitive) };
  }

  private group(): Node | undefined {
    const saved = this.caseInsensitive;
    if (this.peek() === '?') {
      const m = /^\?(?:P?<[A-Za-z_][A-Za-z0-9_]*>|([imsU-]*)(:|\)))/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('group');
      this.i += m[0].length;
      const flags = m[1] ?? '';
      if (flags.includes('s')) throw new Unsupported('dot-all');
      if (flags.includes('i')) this.caseInsensitive = !/-[a-zA-Z]*i/.test(flags);
      if (m[2] === ')') return undefined; // (?i): flags for the rest of the enclosing group
    }
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
    this.caseInsensitive = saved;
    return inner;
  }

  private escape(): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('escape');
    if (c === 'b' || c === 'B' || c === 'A' || c === 'z') return { t: 'empty' };
    const cls = CLASS_ESCAPES[c];
    if (cls) return { t: 'char', info: cls };
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') this.i = this.src.indexOf('}', this.i) + 1;
      else this.i++;
      return { t: 'char', info: ANY_NO_NL };
    }
    return { t: 'char', info: charInfo([this.escapedChar(c)], this.caseInsensitive) };
  }

  /** The character of an escape other than a class (\x41, \t, \.). */
  private escapedChar(c: string): string {
    if (SIMPLE_ESCAPES[c]) return SIMPLE_ESCAPES[c]!;
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('\\x');
      this.i += m[0].length;
      return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
    }
    if (/[0-9A-Za-z]/.test(c)) throw new Unsupported(`\\${c}`);
    return c;
  }

  private charClass(): CharInfo {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const members: string[] = [];
    let wide = false;
    let newline = false;
    let first = true;
    const single = (): string | undefined => {
      const c = this.src[this.i++];
      if (c === undefined) throw new Unsupported('class');
      if (c !== '\\') {
        const cp = this.src.codePointAt(this.i - 1)!;
        if (cp > 0xffff) this.i++;
        return String.fromCodePoint(cp);
      }
      const e = this.src[this.i++]!;
      const cls = CLASS_ESCAPES[e];
      if (cls || e === 'p' || e === 'P') {
        if (e === 'p' || e === 'P') {
          if (this.peek() === '{') this.i = this.src.indexOf('}', this.i) + 1;
          else this.i++;
        }
        wide = true;
        if (cls?.newline || (e === 'P')) newline = true;
        return undefined;
      }
      return this.escapedChar(e);
    };
    while (first || this.peek() !== ']') {
      first = false;
      if (this.src.startsWith('[:', this.i)) throw new Unsupported('posix class');
      const lo = single();
      if (lo === undefined) continue;
      if (this.peek() === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const hi = single();
        if (hi === undefined) throw new Unsupported('range');
        const a = lo.codePointAt(0)!;
        const b = hi.codePointAt(0)!;
        if (a <= 10 && b >= 10) newline = true;
        if (b - a > MAX_ENUM) wide = true;
        else for (let cp = a; cp <= b; cp++) members.push(String.fromCodePoint(cp));
      } else {
        members.push(lo);
        if (lo === '\n') newline = true;
      }
    }
    this.i++; // ]
    if (negated) return { digitsOnly: false, newline: !newline };
    if (wide) return { digitsOnly: false, newline };
    return charInfo(members, this.caseInsensitive);
  }
}

// ---- analysis ----

function join(a: Nl, b: Nl): Nl {
  if (a === b) return a;
  const rank: Record<Nl, number> = { none: 0, edge1: 1, first: 2, last: 2, edges: 3, any: 4 };
  if (rank[a] === 0) return b;
  if (rank[b] === 0) return a;
  if (a === 'edge1') return b;
  if (b === 'edge1') return a;
  return rank[a] >= 4 || rank[b] >= 4 ? 'any' : 'edges';
}

function newlines(n: Node): Nl {
  switch (n.t) {
    case 'char':
      return n.info.newline ? 'edge1' : 'none';
    case 'empty':
      return 'none';
    case 'alt':
      return n.alts.map(newlines).reduce(join);
    case 'rep': {
      const inner = newlines(n.node);
      return inner === 'none' ? 'none' : n.max <= 1 ? inner : 'any';
    }
    case 'cat': {
      const parts = n.items.map(newlines);
      const last = parts.length - 1;
      if (parts.slice(1, last).some((p) => p !== 'none')) return 'any';
      const head = parts[0]!;
      const tail = parts[last]!;
      if (head !== 'none' && head !== 'edge1' && head !== 'first') return 'any';
      if (tail !== 'none' && tail !== 'edge1' && tail !== 'last') return 'any';
      if (head === 'none') return tail === 'none' ? 'none' : 'last';
      return tail === 'none' ? 'first' : 'edges';
    }
  }
}

/** How selective a trigger is: higher is rarer. Undefined: no trigger. */
type Scored = { atoms: Atom[]; score: number } | undefined;

function atomScore(a: Atom): number {
  if (a.kind === 'digits') return a.min / 2;
  return a.text === '@' ? 3 : a.text.length;
}

function scored(atoms: Atom[]): Scored {
  return { atoms, score: Math.min(...atoms.map(atomScore)) };
}

function better(a: Scored, b: Scored): Scored {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** A literal worth looking for: two characters or more, or a rare sign such as "@". */
function usableLiteral(text: string): boolean {
  return text.length >= 2 || text === '@';
}

/** The best literal or digit run made of consecutive single characters in a concatenation. */
function runs(items: Node[]): Scored {
  let best: Scored;
  let lit = '';
  let digits = 0;
  const endLit = () => {
    if (usableLiteral(lit)) best = better(best, scored([{ kind: 'lit', text: lit }]));
    lit = '';
  };
  const endDigits = () => {
    if (digits > 0) best = better(best, scored([{ kind: 'digits', min: digits }]));
    digits = 0;
  };
  for (const item of items) {
    const one = item.t === 'char' ? { info: item.info, min: 1, max: 1 } : item.t === 'rep' && item.node.t === 'char' ? { info: item.node.info, min: item.min, max: item.max } : undefined;
    if (!one) {
      endLit();
      endDigits();
      continue;
    }
    if (one.info.digitsOnly) digits += one.min;
    else endDigits();
    if (one.info.fold && one.min === one.max && one.min > 0) lit += one.info.fold.repeat(one.min);
    else endLit();
  }
  endLit();
  endDigits();
  return best;
}

function trigger(n: Node): Scored {
  switch (n.t) {
    case 'char':
      return runs([n]);
    case 'empty':
      return undefined;
    case 'rep':
      if (n.min === 0) return undefined;
      return n.node.t === 'char' ? runs([n]) : trigger(n.node);
    case 'alt': {
      const parts = n.alts.map(trigger);
      if (parts.some((p) => !p)) return undefined;
      return scored(parts.flatMap((p) => p!.atoms));
    }
    case 'cat':
      return n.items.map(trigger).reduce(better, runs(n.items));
  }
}

/**
 * The trigger of an expanded RE2 source, or undefined when the pattern has none that is safe to
 * use (it is not line-local, or the parser does not know its syntax).
 */
export function patternTrigger(source: string, caseInsensitive: boolean): PatternTrigger | undefined {
  let root: Node;
  try {
    root = new Parser(source, caseInsensitive).parse();
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  if (newlines(root) === 'any') return undefined;
  const t = trigger(root);
  return t ? { atoms: dedupe(t.atoms), score: t.score } : undefined;
}

function dedupe(atoms: Atom[]): Atom[] {
  const seen = new Map<string, Atom>();
  for (const a of atoms) seen.set(a.kind === 'lit' ? `l:${a.text}` : `d:${a.min}`, a);
  return [...seen.values()];
}
