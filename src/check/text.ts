/**
 * Line/column helpers. Lines end at LF, CRLF or a lone CR (as editors and
 * micromark count them); columns are 1-based UTF-16 code units.
 */
import type { Position } from '../report/types.js';

/** Offsets (UTF-16) where each line starts, for offset → line/column lookups. */
export class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }

  /** A Position spanning [start, end). */
  range(start: number, end: number): Position {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of the start of a 1-based line (clamped). */
  lineStart(line: number): number {
    const i = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return this.starts[i]!;
  }

  /** Text of a 1-based line without its line ending. */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1]!;
    let end = line < this.starts.length ? this.starts[line]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return this.text.slice(start, end);
  }
}

/** The text up to and including `lines` lines (used to keep code-frame sources small). */
export function headLines(text: string, lines: number, maxChars = 1 << 20): string {
  let seen = 0;
  const n = Math.min(text.length, maxChars);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      seen++;
      if (seen >= lines) return text.slice(0, i + 1);
    }
  }
  return text.slice(0, n);
}
