/**
 * The "separator / label: path / separator" framing shared by repomix plain
 * (16 `=`, `File: P`, closed by the next triple or a 64-`=` banner; also
 * Repopack) and gitingest (48 `=`, `FILE: P` or the pre-2025 `File: P` or
 * `SYMLINK: P -> T`, closed by the next triple or EOF). Neither has an end
 * marker or escaping; the template's trailing blank lines are dropped.
 */
import type { Finding } from '../report/types.js';
import { ambiguous, finish, makeBlock, trimTrailingBlankLines, type Recognised } from './common.js';
import { isRun, lineStartsWith, lineStartsWithBom, lineText, type LineIndex } from './lines.js';
import type { Block, DialectId } from './types.js';

interface TripleSpec {
  dialect: DialectId;
  sep: number;
  labels: string[];
  /** a line of this many `=` ends a block (repomix section banner) */
  banner?: number;
}

const EQ = 61;

function labelPath(ix: LineIndex, i: number, labels: string[]): [string, number] | null {
  for (const l of labels) {
    if (lineStartsWith(ix, i, l)) {
      let p = lineText(ix, i).slice(l.length);
      if (l === 'SYMLINK: ') {
        const arrow = p.indexOf(' -> ');
        if (arrow >= 0) p = p.slice(0, arrow);
      }
      return [p, l.length + 1];
    }
  }
  return null;
}

function tripleAt(ix: LineIndex, i: number, spec: TripleSpec): [string, number] | null {
  if (i + 2 >= ix.count) return null;
  if (!isRun(ix, i, EQ, spec.sep) || !isRun(ix, i + 2, EQ, spec.sep)) return null;
  return labelPath(ix, i + 1, spec.labels);
}

export function recogniseTriples(ix: LineIndex, spec: TripleSpec): { blocks: Block[]; findings: Finding[] } {
  const t = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let cur: { path: string; line: number; col: number; start: number } | null = null;
  const close = (endOffset: number, lastLine: number) => {
    if (!cur) return;
    const e = trimTrailingBlankLines(t, cur.start, endOffset);
    // last content line: count back from lastLine over the trimmed blank lines
    let endLine = lastLine;
    while (endLine > cur.line + 1 && ix.start[endLine]! >= e) endLine--;
    blocks.push(makeBlock(cur.path, cur.line + 1, endLine + 1, t.slice(cur.start, e), cur.col));
    cur = null;
  };
  for (let i = 0; i < ix.count; i++) {
    if (t.charCodeAt(ix.start[i]!) !== EQ) continue;
    const tp = tripleAt(ix, i, spec);
    if (tp) {
      close(ix.start[i]!, i - 1);
      cur = { path: tp[0], line: i + 1, col: tp[1], start: Math.min(ix.end[i + 2]! + 1, t.length) };
      i += 2;
      continue;
    }
    if (spec.banner !== undefined && isRun(ix, i, EQ, spec.banner)) {
      close(ix.start[i]!, i - 1);
      continue;
    }
    if (cur && isRun(ix, i, EQ, spec.sep)) ambiguous(findings, i, cur.path, lineText(ix, i), spec.dialect);
  }
  close(t.length, ix.count - 1);
  return { blocks, findings };
}

export function recogniseRepomixPlain(ix: LineIndex): Recognised | null {
  const { blocks, findings } = recogniseTriples(ix, { dialect: 'repomix-plain', sep: 16, labels: ['File: '], banner: 64 });
  if (blocks.length === 0) return null;
  let anchor = blocks[0]!.line - 2;
  // a 64-`=` section banner before the first block anchors the dialect there
  for (let i = 0; i < anchor; i++) {
    if (ix.text.charCodeAt(ix.start[i]!) !== EQ) continue;
    if (isRun(ix, i, EQ, 64)) {
      anchor = Math.min(anchor, i);
      break;
    }
  }
  return { bundle: finish('repomix-plain', blocks, findings), anchor };
}

export function recogniseGitingest(ix: LineIndex): Recognised | null {
  const { blocks, findings } = recogniseTriples(ix, { dialect: 'gitingest', sep: 48, labels: ['FILE: ', 'File: ', 'SYMLINK: '] });
  if (blocks.length === 0) return null;
  let anchor = blocks[0]!.line - 2;
  if (ix.count > 0 && lineStartsWithBom(ix, 0, 'Directory structure:')) anchor = 0;
  return { bundle: finish('gitingest', blocks, findings), anchor };
}
