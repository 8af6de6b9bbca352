/**
 * Line index of a text, built by one scan for `\n`. Line i (0-based) spans
 * [start[i], end[i]) without its LF; `textOf` also drops one trailing CR
 * (marker lines written on Windows). No line is sliced unless asked for.
 */
export interface LineIndex {
  text: string;
  /** number of lines (a final LF does not start an extra empty line) */
  count: number;
  start: Int32Array;
  end: Int32Array;
}

export function indexLines(text: string): LineIndex {
  const n = text.length;
  // count first, so the offsets live in two flat typed arrays (no growth, little GC)
  let count = 0;
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) count++;
  if (n > 0 && text.charCodeAt(n - 1) !== 10) count++;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const nl = text.indexOf('\n', pos);
    const e = nl === -1 ? n : nl;
    start[i] = pos;
    end[i] = e;
    pos = e + 1;
  }
  return { text, count, start, end };
}

/** Line i without LF and without one trailing CR. */
export function lineText(ix: LineIndex, i: number): string {
  const s = ix.start[i]!;
  let e = ix.end[i]!;
  if (e > s && ix.text.charCodeAt(e - 1) === 13) e--;
  return ix.text.slice(s, e);
}

/** Length of line i without LF and trailing CR. */
export function lineLen(ix: LineIndex, i: number): number {
  const s = ix.start[i]!;
  let e = ix.end[i]!;
  if (e > s && ix.text.charCodeAt(e - 1) === 13) e--;
  return e - s;
}

/** True when line i holds only spaces, tabs and CR. */
export function isBlank(ix: LineIndex, i: number): boolean {
  const t = ix.text;
  for (let p = ix.start[i]!, e = ix.end[i]!; p < e; p++) {
    const c = t.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** True when line i (minus CR) equals s. */
export function lineEquals(ix: LineIndex, i: number, s: string): boolean {
  return lineLen(ix, i) === s.length && ix.text.startsWith(s, ix.start[i]!);
}

/** True when line i starts with s. */
export function lineStartsWith(ix: LineIndex, i: number, s: string): boolean {
  return ix.end[i]! - ix.start[i]! >= s.length && ix.text.startsWith(s, ix.start[i]!);
}

/** Like lineStartsWith, but a byte order mark at the very start of the text is skipped. */
export function lineStartsWithBom(ix: LineIndex, i: number, s: string): boolean {
  if (i === 0 && ix.text.charCodeAt(0) === 0xfeff) return ix.text.startsWith(s, 1);
  return lineStartsWith(ix, i, s);
}

/** True when line i (minus CR) is exactly n copies of the char code c. */
export function isRun(ix: LineIndex, i: number, c: number, n: number): boolean {
  if (lineLen(ix, i) !== n) return false;
  const t = ix.text;
  for (let p = ix.start[i]!, e = p + n; p < e; p++) if (t.charCodeAt(p) !== c) return false;
  return true;
}

/** Byte length in UTF-8. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Cut a line for a finding's `text` field. */
export function snippet(s: string, max = 120): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** True when the text has a CR not followed by LF (a line break for editors). */
export function hasLoneCR(text: string): boolean {
  let p = text.indexOf('\r');
  while (p !== -1) {
    if (text.charCodeAt(p + 1) !== 10) return true;
    p = text.indexOf('\r', p + 1);
  }
  return false;
}

/**
 * Positions are computed on LF lines; editors (and the rest of the report)
 * also break lines at a lone CR. This maps an LF-based position to the
 * editor's line and column; built only when the text has a lone CR.
 */
export function editorMapper(ix: LineIndex): (line: number, column: number, atEnd?: boolean) => { line: number; column: number } {
  const t = ix.text;
  const starts: number[] = [0];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (line, column, atEnd = false) => {
    const li = line - 1;
    const base = li < ix.count ? (atEnd ? ix.end[li]! : ix.start[li]!) : t.length;
    const off = Math.min(base + (atEnd ? 0 : column - 1), t.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - starts[lo]! + 1 };
  };
}
