/**
 * Which patterns match in a text, and where to run them. RE2.Sets (16 patterns each) tell which
 * patterns match at all; a pattern whose trigger (triggers.ts) is selective enough can then run
 * only on the lines holding its trigger, found in one pass (scanner.ts), instead of the whole
 * text. Patterns without a usable trigger (not line-local, or syntax the trigger parser does not
 * follow) always run on the whole text.
 */
import RE2 from 're2';
import { patternTrigger } from './triggers.js';
import { CandidateScanner, windowsOf, type Candidates } from './scanner.js';

export interface GatedPattern {
  /** RE2 source as the rule compiles it (macros expanded). */
  source: string;
  caseInsensitive: boolean;
  owner: [number, number];
}

export interface PatternRun {
  owner: [number, number];
  /** Byte windows [from, to) to run the pattern on. */
  windows: Array<[number, number]>;
}

/** RE2.Set size: the DFA of a single Set over everything grows super-linearly. */
const SET_SIZE = 16;
/** Past this share of the text, one pass over all of it is cheaper than many windows. */
const WHOLE_TEXT_SHARE = 0.6;

/**
 * A trigger at least this selective (see triggers.ts) narrows a pattern's pass to windows. Off
 * by default: measured on the 200 MB bench corpus (issue 13), the candidate pass in JavaScript
 * costs more than the passes it saves, because the RE2.Sets already skip every pattern that does
 * not match a file at all, and what remains are patterns with common triggers (digit runs).
 * A native candidate pass would change that; the triggers and windows are tested for exactness.
 */
const MIN_WINDOW_SCORE = Infinity;

export class PatternGates {
  private readonly scanner = new CandidateScanner();
  /** In the order of the former prefilter (ASCII-only patterns first), with its gate if any. */
  private readonly order: Array<{ owner: [number, number]; gate?: number }> = [];
  private readonly sets: Array<InstanceType<typeof RE2.Set>> = [];
  /** Position of each pattern of `order` in the Sets' numbering (Set number × SET_SIZE + member). */
  private readonly setIndex: number[] = [];

  constructor(patterns: GatedPattern[], minWindowScore = MIN_WINDOW_SCORE) {
    // Overlapping matches of equal score and length keep the first found: the order is kept.
    const ascii = (p: GatedPattern) => !p.caseInsensitive && ![...p.source].some((ch) => ch.charCodeAt(0) > 0x7f) && !p.source.includes('(?i');
    const ordered = [...patterns.filter(ascii), ...patterns.filter((p) => !ascii(p))];
    for (const p of ordered) {
      const trigger = minWindowScore === Infinity ? undefined : patternTrigger(p.source, p.caseInsensitive);
      const selective = trigger && trigger.score >= minWindowScore;
      this.order.push({ owner: p.owner, ...(selective ? { gate: this.scanner.add(trigger.atoms) } : {}) });
    }
    // One Set per ~16 patterns, ASCII-only patterns apart from Unicode ones: the DFA of a single
    // Set over everything grows super-linearly (measured 1.6 s vs 0.11 s for 4 MB and 138 patterns).
    for (const group of [ordered.filter(ascii), ordered.filter((p) => !ascii(p))]) {
      for (let i = 0; i < group.length; i += SET_SIZE) {
        const part = group.slice(i, i + SET_SIZE);
        part.forEach((_, member) => this.setIndex.push(this.sets.length * SET_SIZE + member));
        this.sets.push(new RE2.Set(part.map((p) => (p.caseInsensitive ? `(?i:${p.source})` : p.source)), 'u'));
      }
    }
    this.scanner.build();
  }

  /** How many patterns run on trigger windows rather than on the whole text. */
  stats(): { windowed: number; whole: number } {
    const windowed = this.order.filter((o) => o.gate !== undefined).length;
    return { windowed, whole: this.order.length - windowed };
  }

  /** Every pattern that matches somewhere in `buf`, in a stable order, with where to run it. */
  runs(buf: Buffer): PatternRun[] {
    const hit = new Set<number>();
    let base = 0;
    for (const set of this.sets) {
      for (const i of set.match(buf)) hit.add(base + i);
      base += SET_SIZE;
    }
    if (hit.size === 0) return [];
    const whole: Array<[number, number]> = [[0, buf.length]];
    let found: Candidates | undefined;
    const cache = new Map<number, Array<[number, number]>>();
    const out: PatternRun[] = [];
    this.order.forEach(({ owner, gate }, k) => {
      if (!hit.has(this.setIndex[k]!)) return;
      if (gate === undefined) {
        out.push({ owner, windows: whole });
        return;
      }
      let windows = cache.get(gate);
      if (!windows) {
        found ??= this.scanner.scan(buf);
        windows = windowsOf(buf, found, gate);
        let covered = 0;
        for (const [from, to] of windows) covered += to - from;
        if (covered > buf.length * WHOLE_TEXT_SHARE) windows = whole;
        cache.set(gate, windows);
      }
      out.push({ owner, windows });
    });
    return out;
  }
}
