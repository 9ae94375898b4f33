/** Maps byte offsets in a UTF-8 buffer to 1-based line and UTF-16 column, for sorted or random access. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly buf: Buffer) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      let i = -1;
      while ((i = this.buf.indexOf(10, i + 1)) !== -1) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** 0-based line index containing byte offset. */
  lineOf(offset: number): number {
    const s = this.lineStarts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Byte offset where a 0-based line starts. */
  startOf(line0: number): number {
    return this.lineStarts()[line0] ?? this.buf.length;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const start = this.lineStarts()[line]!;
    return { line: line + 1, column: this.buf.toString('utf8', start, offset).length + 1 };
  }

  /** Text of a 1-based line without its newline. */
  lineText(line: number): string {
    const s = this.lineStarts();
    const start = s[line - 1];
    if (start === undefined) return '';
    const end = line < s.length ? s[line]! - 1 : this.buf.length;
    return this.buf.toString('utf8', start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
