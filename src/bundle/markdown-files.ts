/**
 * markdown-files: Markdown where each file is a line naming its path and a
 * fenced code block right after it (code2prompt's `` `P`: ``, files-to-prompt
 * `--markdown`'s bare `P`, or headings like `### src/a.ts`). The fence closes
 * at a line of the same character at least as long (CommonMark).
 * To keep ordinary Markdown out, the label must look like a file path, the
 * text needs two such blocks (one with code2prompt's `Source Tree:` header),
 * and labelled blocks must be at least half of all fenced blocks.
 */
import type { Finding } from '../report/types.js';
import { finish, makeBlock, unterminated, type Recognised } from './common.js';
import { isBlank, lineStartsWith, lineText, type LineIndex } from './lines.js';
import type { Block } from './types.js';

/** Opening fence at line i: [char, length] or null. Up to 3 spaces indent are not allowed here (bundles are flush). */
function openFence(ix: LineIndex, i: number): [number, number] | null {
  const t = ix.text;
  const s = ix.start[i]!;
  const e = ix.end[i]!;
  const c = t.charCodeAt(s);
  if (c !== 96 && c !== 126) return null;
  let p = s;
  while (p < e && t.charCodeAt(p) === c) p++;
  if (p - s < 3) return null;
  if (c === 96) for (let q = p; q < e; q++) if (t.charCodeAt(q) === 96) return null; // backtick info strings hold no backticks
  return [c, p - s];
}

function closesFence(ix: LineIndex, i: number, c: number, n: number): boolean {
  const t = ix.text;
  const s = ix.start[i]!;
  let e = ix.end[i]!;
  while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9 || t.charCodeAt(e - 1) === 13)) e--;
  if (e - s < n) return false;
  for (let p = s; p < e; p++) if (t.charCodeAt(p) !== c) return false;
  return true;
}

const EXT = /^[A-Za-z0-9][A-Za-z0-9_+-]{0,11}$/;
const KNOWN = new Set(['Makefile', 'Dockerfile', 'LICENSE', 'README', 'Gemfile', 'Rakefile', 'Procfile', 'Justfile', 'Vagrantfile', 'CODEOWNERS']);

/** True when s looks like a relative or absolute file path. */
export function looksLikePath(s: string): boolean {
  if (s.length === 0 || s.length > 4096 || s.includes('://')) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 96 || c === 42 || c === 34 || c === 60 || c === 62 || c === 124) return false;
  }
  const slash = s.lastIndexOf('/');
  const base = s.slice(slash + 1);
  if (base.length === 0) return false;
  if (KNOWN.has(base)) return true;
  const dot = base.lastIndexOf('.');
  if (dot < 0) return false;
  if (dot === 0) return base.length > 1; // dotfile like .gitignore
  if (!/[A-Za-z_]/.test(base.slice(0, dot))) return false; // "1.2" is not a file
  return EXT.test(base.slice(dot + 1));
}

/** The path named by a label line, or null. */
export function labelPath(line: string): string | null {
  let s = line.trim();
  if (s.length === 0 || s.length > 4200) return null;
  // heading marks
  let h = 0;
  while (h < s.length && h < 6 && s.charCodeAt(h) === 35) h++;
  if (h > 0) {
    if (s.charCodeAt(h) !== 32) return null;
    s = s.slice(h + 1).trim();
  }
  if (s.endsWith(':')) s = s.slice(0, -1).trimEnd();
  for (const pre of ['File: ', 'file: ', 'Path: ', 'path: ', 'FILE: ']) {
    if (s.startsWith(pre)) {
      s = s.slice(pre.length).trim();
      break;
    }
  }
  if (s.startsWith('**') && s.endsWith('**') && s.length > 4) s = s.slice(2, -2);
  if (s.endsWith(':')) s = s.slice(0, -1);
  if (s.startsWith('`') && s.endsWith('`') && s.length > 2) s = s.slice(1, -1);
  return looksLikePath(s) ? s : null;
}

export function recogniseMarkdownFiles(ix: LineIndex): Recognised | null {
  const t = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let fences = 0;
  let headerLine = -1;
  let prevNonBlank = -1; // last non-blank line outside fences
  for (let i = 0; i < ix.count; i++) {
    const c = t.charCodeAt(ix.start[i]!);
    const f = c === 96 || c === 126 ? openFence(ix, i) : null;
    if (!f) {
      if (!isBlank(ix, i)) {
        if (headerLine < 0 && (lineStartsWith(ix, i, 'Source Tree:') || lineStartsWith(ix, i, 'Project Path:'))) headerLine = i;
        prevNonBlank = i;
      }
      continue;
    }
    fences++;
    // label: the previous non-blank line, at most one blank line above the fence
    let label: string | null = null;
    let labelLine = -1;
    if (prevNonBlank >= 0 && i - prevNonBlank <= 2) {
      label = labelPath(lineText(ix, prevNonBlank));
      labelLine = prevNonBlank;
    }
    // find the close
    let j = i + 1;
    while (j < ix.count && !closesFence(ix, j, f[0], f[1])) j++;
    const start = Math.min(ix.end[i]! + 1, t.length);
    if (j >= ix.count) {
      if (label !== null) {
        unterminated(findings, labelLine, label, 'markdown-files');
        blocks.push(makeBlock(label, labelLine + 1, ix.count, t.slice(start), 1));
      }
      break;
    }
    if (label !== null) {
      const col = lineText(ix, labelLine).indexOf(label) + 1;
      blocks.push(makeBlock(label, labelLine + 1, j + 1, t.slice(start, ix.start[j]!), col > 0 ? col : 1));
    }
    prevNonBlank = -1;
    i = j;
  }
  if (blocks.length === 0) return null;
  if (blocks.length < 2 && headerLine < 0) return null;
  if (blocks.length * 2 < fences) return null;
  return { bundle: finish('markdown-files', blocks, findings), anchor: headerLine >= 0 ? headerLine : blocks[0]!.line - 1 };
}
