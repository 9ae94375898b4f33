/** A set of 1-based line numbers stored as sorted, merged, inclusive ranges. */
export class LineSet {
  private readonly ranges: Array<[number, number]>;

  constructor(ranges: Array<[number, number]> = []) {
    const sorted = ranges.filter(([a, b]) => b >= a).map(([a, b]): [number, number] => [a, b]).sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push(r);
    }
    this.ranges = merged;
  }

  has(line: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.ranges[mid]!;
      if (line < a) hi = mid - 1;
      else if (line > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** True when any line in [from, to] is in the set. */
  intersects(from: number, to: number): boolean {
    return this.ranges.some(([a, b]) => a <= to && b >= from);
  }

  get size(): number {
    return this.ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  }

  toJSON(): Array<[number, number]> {
    return this.ranges.map(([a, b]) => [a, b]);
  }
}
