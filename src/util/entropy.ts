/** Shannon entropy in bits per symbol, from how many times each symbol occurs among `total`. */
export function entropyOfCounts(counts: Iterable<number>, total: number): number {
  let h = 0;
  for (const n of counts) {
    if (!n) continue;
    const p = n / total;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Bits per character of a string: random base64 reaches about 6, words and runs ("AAAA") far less. */
export function entropyBitsPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return entropyOfCounts(counts.values(), s.length);
}
