/**
 * repomix Markdown output: `## File: P`, then a line of >= 3 backticks and a
 * language, the content, and the same run of backticks alone. Since
 * 2025-01 repomix lengthens one global fence beyond the longest backtick run
 * of any content; older outputs always used three.
 */
import type { Finding } from '../report/types.js';
import { ambiguous, finish, makeBlock, unterminated, type Recognised } from './common.js';
import { isRepomixHeader } from './repomix-xml.js';
import { lineEquals, lineLen, lineStartsWith, lineText, type LineIndex } from './lines.js';
import type { Block } from './types.js';

const LABEL = '## File: ';

/** Backtick run length at the start of line i (0 when < 3). */
export function backtickFence(ix: LineIndex, i: number): number {
  const t = ix.text;
  const s = ix.start[i]!;
  const e = ix.end[i]!;
  let p = s;
  while (p < e && t.charCodeAt(p) === 96) p++;
  return p - s >= 3 ? p - s : 0;
}

/** True when line i is exactly n backticks (trailing CR/space allowed). */
function isFenceOnly(ix: LineIndex, i: number, n: number): boolean {
  const t = ix.text;
  const s = ix.start[i]!;
  let e = ix.end[i]!;
  while (e > s && (t.charCodeAt(e - 1) === 13 || t.charCodeAt(e - 1) === 32)) e--;
  if (e - s !== n) return false;
  for (let p = s; p < e; p++) if (t.charCodeAt(p) !== 96) return false;
  return true;
}

export function recogniseRepomixMarkdown(ix: LineIndex): Recognised | null {
  const t = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let headerLine = -1;
  let filesLine = -1;
  let cur: { path: string; line: number; start: number; fence: number } | null = null;
  for (let i = 0; i < ix.count; i++) {
    const c = t.charCodeAt(ix.start[i]!);
    if (cur) {
      if (c !== 96 && c !== 35) continue;
      if (c === 96 && isFenceOnly(ix, i, cur.fence)) {
        let content = t.slice(cur.start, ix.start[i]!);
        if (content === '\n' || content === '\r\n') content = '';
        blocks.push(makeBlock(cur.path, cur.line + 1, i + 1, content, LABEL.length + 1));
        cur = null;
      } else if (c === 96 && backtickFence(ix, i) > cur.fence && lineLen(ix, i) === backtickFence(ix, i)) {
        ambiguous(findings, i, cur.path, lineText(ix, i), 'repomix-markdown');
      } else if (c === 35 && lineStartsWith(ix, i, LABEL) && i + 1 < ix.count && backtickFence(ix, i + 1) > 0) {
        ambiguous(findings, i, cur.path, lineText(ix, i), 'repomix-markdown');
      }
      continue;
    }
    if (c === 35) {
      if (lineStartsWith(ix, i, LABEL) && i + 1 < ix.count) {
        const f = backtickFence(ix, i + 1);
        if (f > 0) {
          cur = { path: lineText(ix, i).slice(LABEL.length), line: i, start: Math.min(ix.end[i + 1]! + 1, t.length), fence: f };
          i++;
          continue;
        }
      }
      if (filesLine < 0 && lineEquals(ix, i, '# Files')) filesLine = i;
    } else if (headerLine < 0 && i < 5 && isRepomixHeader(ix, i)) {
      headerLine = i;
    }
  }
  if (cur) {
    unterminated(findings, cur.line, cur.path, 'repomix-markdown');
    blocks.push(makeBlock(cur.path, cur.line + 1, ix.count, t.slice(cur.start), LABEL.length + 1));
  }
  if (blocks.length === 0) return null;
  const cue = headerLine >= 0 || filesLine >= 0;
  if (!cue && blocks.length < 2) return null;
  const anchor = headerLine >= 0 ? headerLine : filesLine >= 0 ? filesLine : blocks[0]!.line - 1;
  return { bundle: finish('repomix-markdown', blocks, findings), anchor };
}
