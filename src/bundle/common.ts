/** Shared pieces of the dialect recognisers. */
import { finding, type Finding } from '../report/types.js';
import { editorMapper, hasLoneCR, utf8Length, type LineIndex } from './lines.js';
import type { Block, Bundle, DialectId } from './types.js';

/** What a recogniser returns: the bundle and where its structure starts. */
export interface Recognised {
  bundle: Bundle;
  /** 0-based line where the dialect's first distinctive line is (header or first block). */
  anchor: number;
}

export function makeBlock(path: string, line: number, endLine: number, content: string, pathColumn: number): Block {
  return { path, line, endLine: Math.max(line, endLine), content, bytes: utf8Length(content), pathColumn };
}

/** A recogniser's bundle; the path checks run later, on the winner only (see detect.ts). */
export function finish(dialect: DialectId, blocks: Block[], findings: Finding[]): Bundle {
  return { dialect, blocks, findings };
}

/** At most this many delimiter findings per bundle: one bad file must not flood the report. */
export const MAX_DELIMITER_FINDINGS = 100;
const delimiterCounts = new WeakMap<Finding[], number>();

export function ambiguous(findings: Finding[], line0: number, path: string, text: string, dialect: DialectId): void {
  const n = delimiterCounts.get(findings) ?? 0;
  if (n >= MAX_DELIMITER_FINDINGS) return;
  delimiterCounts.set(findings, n + 1);
  findings.push(finding('block/ambiguous-delimiter', '', { line: line0 + 1, column: 1 }, { path, text: text.length > 120 ? text.slice(0, 120) : text, dialect }));
}

export function unterminated(findings: Finding[], line0: number, path: string, dialect: DialectId): void {
  findings.push(finding('block/unterminated', '', { line: line0 + 1, column: 1 }, { path, dialect }));
}

/** Go's unicode.IsSpace, used by strings.TrimSpace. */
export function isGoSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/**
 * Strip trailing blank lines that a template adds after a block's content,
 * keeping one final line ending. Returns the new end offset.
 */
export function trimTrailingBlankLines(text: string, from: number, to: number): number {
  let e = to;
  // e points just past the content; walk back over "\n" + blanks
  while (e > from) {
    // find start of the last line in [from, e)
    let lastNl = e - 1;
    if (text.charCodeAt(lastNl) !== 10) break; // content does not end with LF: stop
    let p = lastNl - 1;
    while (p >= from && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 13)) p--;
    if (p < from) return from; // all blank
    if (text.charCodeAt(p) === 10) {
      e = p + 1; // the last line was blank: drop it
      lastNl = p;
      continue;
    }
    break;
  }
  return e;
}

/** Re-express a bundle's positions in editor lines when the text has lone CRs. */
export function toEditorPositions(ix: LineIndex, b: Bundle): Bundle {
  if (!hasLoneCR(ix.text)) return b;
  const map = editorMapper(ix);
  for (const f of b.findings) {
    const p = map(f.line, f.column);
    if (f.endLine !== undefined) {
      const e = map(f.endLine, f.endColumn ?? 1);
      f.endLine = e.line;
      f.endColumn = e.column;
    }
    f.line = p.line;
    f.column = p.column;
  }
  for (const blk of b.blocks) {
    const start = map(blk.line, 1);
    const end = map(blk.endLine, 1, true);
    if (blk.pathColumn !== undefined) {
      const pc = map(blk.line, blk.pathColumn);
      blk.pathColumn = pc.line === start.line ? pc.column : 1;
    }
    blk.line = start.line;
    blk.endLine = Math.max(start.line, end.line);
  }
  return b;
}
