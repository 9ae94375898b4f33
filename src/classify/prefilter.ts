/**
 * Which patterns match a text at all: RE2.Sets of up to 16 patterns, one pass each over the
 * UTF-8 buffer. Only the patterns named here run individually (engine.ts), so text without
 * personal data costs these passes and nothing else.
 *
 * Issue 13 tried narrowing each pattern's pass to the lines holding a literal or digit run that
 * every match contains (one Aho–Corasick pass in JavaScript), and removed it: on the bench
 * corpus the lines holding a 6-19 digit run or a common Vietnamese syllable are a third of the
 * text, so the windowed passes cost more than the Set passes they replaced (6.7 → 10.0 CPU s on
 * 50 MB with triggers of score ≥ 3; no better with the Sets kept as well).
 */
import RE2 from 're2';
import { NON_ASCII } from '../util/fold.js';

export interface PrefilterPattern {
  /** RE2 source as the rule compiles it (macros expanded). */
  source: string;
  caseInsensitive: boolean;
  /** [rule index, pattern index]. */
  owner: [number, number];
}

/** RE2.Set size: the DFA of a single Set over everything grows super-linearly. */
const SET_SIZE = 16;

export class PatternPrefilter {
  /** Owners in Set order: ASCII-only patterns first (overlapping equal matches keep the first found). */
  private readonly owners: Array<[number, number]> = [];
  private readonly sets: Array<InstanceType<typeof RE2.Set>> = [];

  constructor(patterns: PrefilterPattern[]) {
    const ascii = (p: PrefilterPattern) => !p.caseInsensitive && !NON_ASCII.test(p.source) && !p.source.includes('(?i');
    // ASCII-only patterns apart from Unicode ones, ~16 a Set: measured 1.6 s vs 0.11 s for 4 MB
    // and 138 patterns in one Set.
    for (const group of [patterns.filter(ascii), patterns.filter((p) => !ascii(p))]) {
      for (let i = 0; i < group.length; i += SET_SIZE) {
        const part = group.slice(i, i + SET_SIZE);
        // Set member k of Set s is owners[s * SET_SIZE + k]: pad the last Set's numbering.
        part.forEach((p) => this.owners.push(p.owner));
        for (let k = part.length; k < SET_SIZE; k++) this.owners.push([-1, -1]);
        this.sets.push(new RE2.Set(part.map((p) => (p.caseInsensitive ? `(?i:${p.source})` : p.source)), 'u'));
      }
    }
  }

  /** [rule index, pattern index] of every pattern that matches somewhere in `buf`, in a stable order. */
  matching(buf: Buffer): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let s = 0; s < this.sets.length; s++) {
      const members = this.sets[s]!.match(buf);
      if (members.length === 0) continue;
      // RE2.Set reports members in no set order: sort to keep the pattern order.
      members.sort((a, b) => a - b);
      for (const k of members) out.push(this.owners[s * SET_SIZE + k]!);
    }
    return out;
  }
}
