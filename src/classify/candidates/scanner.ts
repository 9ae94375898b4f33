/**
 * The one pass over a text: an Aho–Corasick automaton over the folded text finds every literal
 * atom of every pattern (overlaps included), and the same loop records the runs of ASCII digits.
 * Patterns then run only on the lines that hold one of their atoms (see windowsOf).
 */
import type { Atom } from './triggers.js';
import { FOLD } from './fold-table.js';

const ALPHABET = 128;
const NEWLINE = 10;

export interface Candidates {
  /** Byte offset where each line starts (line 0 at 0). */
  lineStarts: number[];
  /** Per gate, the lines (ascending, once each) that hold one of its atoms. */
  gateLines: number[][];
}

export class CandidateScanner {
  private readonly gateKeys = new Map<string, number>();
  private readonly gateAtoms: Atom[][] = [];
  /** Digit gates by threshold, ascending: [minimum digits, gate]. */
  private digitGates: Array<[number, number]> = [];
  private minDigits = Infinity;
  private next = new Int32Array(0);
  /** Gates of the literals that end at each state: outGates[outStart[s] .. outStart[s + 1]). */
  private outStart = new Int32Array(1);
  private outGates = new Int32Array(0);
  private hasLiterals = false;

  /** Registers a trigger; patterns with the same atoms share one gate. */
  add(atoms: Atom[]): number {
    const key = atoms.map((a) => (a.kind === 'lit' ? `l:${a.text}` : `d:${a.min}`)).sort().join('\u0000');
    let gate = this.gateKeys.get(key);
    if (gate === undefined) {
      gate = this.gateAtoms.length;
      this.gateKeys.set(key, gate);
      this.gateAtoms.push(atoms);
    }
    return gate;
  }

  get gates(): number {
    return this.gateAtoms.length;
  }

  /** Builds the automaton once all triggers are added. */
  build(): void {
    const goto: number[][] = [new Array<number>(ALPHABET).fill(-1)];
    const out: Array<Set<number>> = [new Set()];
    this.gateAtoms.forEach((atoms, gate) => {
      for (const a of atoms) {
        if (a.kind === 'digits') {
          this.digitGates.push([a.min, gate]);
          this.minDigits = Math.min(this.minDigits, a.min);
          continue;
        }
        let s = 0;
        for (let i = 0; i < a.text.length; i++) {
          const c = a.text.charCodeAt(i);
          if (goto[s]![c] === -1) {
            goto[s]![c] = goto.length;
            goto.push(new Array<number>(ALPHABET).fill(-1));
            out.push(new Set());
          }
          s = goto[s]![c]!;
        }
        out[s]!.add(gate);
        this.hasLiterals = true;
      }
    });
    this.digitGates.sort((x, y) => x[0] - y[0]);
    const fail = new Array<number>(goto.length).fill(0);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const t = goto[0]![c]!;
      if (t === -1) goto[0]![c] = 0;
      else queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const g of out[fail[s]!]!) out[s]!.add(g);
      for (let c = 0; c < ALPHABET; c++) {
        const t = goto[s]![c]!;
        if (t === -1) goto[s]![c] = goto[fail[s]!]![c]!;
        else {
          fail[t] = goto[fail[s]!]![c]!;
          queue.push(t);
        }
      }
    }
    this.next = Int32Array.from(goto.flat());
    this.outStart = new Int32Array(out.length + 1);
    const flat: number[] = [];
    out.forEach((gates, s) => {
      this.outStart[s] = flat.length;
      flat.push(...gates);
    });
    this.outStart[out.length] = flat.length;
    this.outGates = Int32Array.from(flat);
  }

  scan(buf: Buffer): Candidates {
    const gateLines = this.gateAtoms.map((): number[] => []);
    const lastLine = new Int32Array(this.gateAtoms.length).fill(-1);
    const lineStarts = [0];
    const { next, outStart, outGates, minDigits, digitGates, hasLiterals } = this;
    let line = 0;
    let state = 0;
    let runStart = -1;
    const endRun = (length: number) => {
      for (let j = 0; j < digitGates.length && digitGates[j]![0] <= length; j++) {
        const g = digitGates[j]![1];
        if (lastLine[g] !== line) {
          lastLine[g] = line;
          gateLines[g]!.push(line);
        }
      }
    };
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const b = buf[i]!;
      let c: number;
      if (b < 0x80) {
        if (b >= 0x30 && b <= 0x39) {
          if (runStart < 0) runStart = i;
        } else if (runStart >= 0) {
          if (i - runStart >= minDigits) endRun(i - runStart);
          runStart = -1;
        }
        if (b === NEWLINE) {
          line++;
          lineStarts.push(i + 1);
          state = 0;
          continue;
        }
        c = FOLD[b]!;
      } else {
        if (runStart >= 0) {
          if (i - runStart >= minDigits) endRun(i - runStart);
          runStart = -1;
        }
        let cp = 0;
        if (b >= 0xf0) i += 3;
        else if (b >= 0xe0) {
          cp = ((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
          i += 2;
        } else if (b >= 0xc0) {
          cp = ((b & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
          i += 1;
        }
        c = FOLD[cp]!;
      }
      if (!hasLiterals) continue;
      state = next[state * ALPHABET + c]!;
      const end = outStart[state + 1]!;
      for (let k = outStart[state]!; k < end; k++) {
        const g = outGates[k]!;
        if (lastLine[g] !== line) {
          lastLine[g] = line;
          gateLines[g]!.push(line);
        }
      }
    }
    if (runStart >= 0 && n - runStart >= minDigits) endRun(n - runStart);
    return { lineStarts, gateLines };
  }
}

/** Lines closer than this are scanned as one window: fewer calls into RE2. */
const MERGE_GAP = 1024;

/**
 * Byte windows [from, to) that cover every line holding one of a gate's atoms. A window starts
 * at the newline that ends the previous line and ends after the line's own newline, so the usual
 * `(?:^|[^0-9])` and `(?:[^0-9]|$)` edges see what they would see in the whole text.
 */
export function windowsOf(buf: Buffer, found: Candidates, gate: number): Array<[number, number]> {
  const { lineStarts } = found;
  const windows: Array<[number, number]> = [];
  let last: [number, number] | undefined;
  for (const l of found.gateLines[gate]!) {
    const from = l === 0 ? 0 : lineStarts[l]! - 1;
    const to = l + 1 < lineStarts.length ? lineStarts[l + 1]! : buf.length;
    if (last && from <= last[1] + MERGE_GAP) last[1] = to;
    else windows.push((last = [from, to]));
  }
  return windows;
}
