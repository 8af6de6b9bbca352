/**
 * txtar (golang.org/x/tools/txtar), following its `isMarker` exactly:
 * a marker line starts with "-- ", ends with " --" (one CR before the LF is
 * dropped), is at least 6 bytes long, and its name after Go's TrimSpace is
 * not empty. Content runs to the next marker; the last section gets a final
 * newline when missing (txtar's fixNL). No end marker, no escaping.
 */
import type { Finding } from '../report/types.js';
import { ambiguous, finish, goTrimSpace, makeBlock, type Recognised } from './common.js';
import type { LineIndex } from './lines.js';
import type { Block } from './types.js';

/** txtar's isMarker for line i; the name, or null. */
export function txtarName(ix: LineIndex, i: number): string | null {
  const t = ix.text;
  const s = ix.start[i]!;
  let e = ix.end[i]!;
  if (!(e - s >= 3 && t.charCodeAt(s) === 45 && t.charCodeAt(s + 1) === 45 && t.charCodeAt(s + 2) === 32)) return null;
  // x/tools drops one CR only when a LF follows
  if (e < t.length && e > s && t.charCodeAt(e - 1) === 13) e--;
  if (e - s < 6) return null;
  if (!(t.charCodeAt(e - 3) === 32 && t.charCodeAt(e - 2) === 45 && t.charCodeAt(e - 1) === 45)) return null;
  const name = goTrimSpace(t.slice(s + 3, e - 3));
  return name.length > 0 ? name : null;
}

/** A line that looks like a marker but is not one by txtar's rule. */
function nearMiss(ix: LineIndex, i: number): string | null {
  const t = ix.text;
  const s = ix.start[i]!;
  if (!(t.charCodeAt(s) === 45 && t.charCodeAt(s + 1) === 45 && t.charCodeAt(s + 2) === 32)) return null;
  let e = ix.end[i]!;
  while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9 || t.charCodeAt(e - 1) === 13)) e--;
  if (e - s >= 5 && t.charCodeAt(e - 1) === 45 && t.charCodeAt(e - 2) === 45) return t.slice(s, ix.end[i]!);
  return null;
}

function looksLikePath(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32 || c === 9) return false;
  }
  return name.includes('.') || name.includes('/');
}

export function recogniseTxtar(ix: LineIndex): Recognised | null {
  const t = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let cur: { name: string; line: number; col: number; start: number } | null = null;
  let noSpace = 0;
  let pathLike = 0;
  const close = (endOffset: number, lastLine: number) => {
    if (!cur) return;
    let content = t.slice(cur.start, endOffset);
    if (content.length > 0 && content.charCodeAt(content.length - 1) !== 10) content += '\n';
    blocks.push(makeBlock(cur.name, cur.line + 1, lastLine + 1, content, cur.col));
  };
  for (let i = 0; i < ix.count; i++) {
    if (t.charCodeAt(ix.start[i]!) !== 45) continue;
    const name = txtarName(ix, i);
    if (name !== null) {
      close(ix.start[i]!, Math.max(cur ? cur.line : 0, i - 1));
      // column of the trimmed name
      let col = 4;
      while (isSpaceAt(t, ix.start[i]! + col - 1)) col++;
      cur = { name, line: i, col, start: Math.min(ix.end[i]! + 1, t.length) };
      if (!/\s/.test(name)) noSpace++;
      if (looksLikePath(name)) pathLike++;
      continue;
    }
    if (cur) {
      const near = nearMiss(ix, i);
      if (near !== null) ambiguous(findings, i, cur.name, near, 'txtar');
    }
  }
  close(t.length, Math.max(cur ? cur.line : 0, ix.count - 1));
  const n = blocks.length;
  // Safe detection: one marker whose name looks like a file path; or two or
  // more markers whose names either all lack spaces (`flags`, `stdout`), or
  // mostly lack spaces with at least one path-like name.
  if (n === 0) return null;
  if (n === 1 ? pathLike !== 1 : !(noSpace === n || (pathLike > 0 && noSpace * 2 >= n))) return null;
  return { bundle: finish('txtar', blocks, findings), anchor: blocks[0]!.line - 1 };
}

function isSpaceAt(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  return c === 32 || c === 9;
}
