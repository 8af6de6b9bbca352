/**
 * files-to-prompt (simonw). Default format, per file:
 *   P\n---\n<content>\n\n---\n
 * (no escaping: a `---` content line is ambiguous; the blank line before the
 * closing `---` is the tool's and is dropped). `--cxml` format:
 *   <documents>\n<document index="N">\n<source>P</source>\n<document_content>\n
 *   <content>\n</document_content>\n</document>\n ... </documents>
 * and its pre-2024-09 form `<document path="P">` … `</document>`.
 */
import type { Finding } from '../report/types.js';
import { ambiguous, finish, makeBlock, unterminated, type Recognised } from './common.js';
import { isBlank, lineEquals, lineLen, lineStartsWith, lineText, type LineIndex } from './lines.js';
import type { Block } from './types.js';

const SEP = '---';

/** A line that can be a path label: non-blank, no surrounding space, not a separator or heading. */
function pathLine(ix: LineIndex, i: number): boolean {
  const len = lineLen(ix, i);
  if (len === 0 || len > 4096) return false;
  const t = ix.text;
  const s = ix.start[i]!;
  const c0 = t.charCodeAt(s);
  const cl = t.charCodeAt(s + len - 1);
  if (c0 === 32 || c0 === 9 || cl === 32 || cl === 9 || c0 === 35 /* # */) return false;
  return !lineEquals(ix, i, SEP);
}

function strictPath(p: string): boolean {
  if (/\s/.test(p) || p.includes('://')) return false;
  return p.includes('/') || /\.[A-Za-z0-9]{1,12}$/.test(p);
}

function startsAt(ix: LineIndex, i: number): boolean {
  return i + 1 < ix.count && pathLine(ix, i) && lineEquals(ix, i + 1, SEP);
}

/** True when lines i.. are all blank (stops at the first non-blank line, so each run is scanned once). */
function onlyBlankFrom(ix: LineIndex, i: number): boolean {
  for (let j = i; j < ix.count; j++) if (!isBlank(ix, j)) return false;
  return true;
}

export function recogniseFilesToPromptDefault(ix: LineIndex): Recognised | null {
  const t = ix.text;
  let i = 0;
  while (i < ix.count && isBlank(ix, i)) i++;
  if (!startsAt(ix, i)) return null; // the tool writes nothing before the first path
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  while (i < ix.count && startsAt(ix, i)) {
    const path = lineText(ix, i);
    const start = Math.min(ix.end[i + 1]! + 1, t.length);
    let j = i + 2;
    let closed = -1;
    let next = -1;
    for (; j < ix.count; j++) {
      if (!lineEquals(ix, j, SEP)) continue;
      const blankBefore = j > i + 2 && isBlank(ix, j - 1);
      if (blankBefore) {
        if (j + 1 >= ix.count || startsAt(ix, j + 1)) {
          closed = j;
          next = j + 1;
          break;
        }
        if (onlyBlankFrom(ix, j + 1)) {
          closed = j;
          next = ix.count;
          break;
        }
      }
      ambiguous(findings, j, path, SEP, 'files-to-prompt');
    }
    if (closed < 0) {
      unterminated(findings, i, path, 'files-to-prompt');
      blocks.push(makeBlock(path, i + 1, ix.count, t.slice(start), 1));
      i = ix.count;
      break;
    }
    // drop the blank line the tool writes before the closing ---
    const end = ix.start[closed - 1]!;
    const content = end > start ? t.slice(start, end) : '';
    blocks.push(makeBlock(path, i + 1, closed + 1, content, 1));
    i = next;
  }
  let trailing = i;
  while (trailing < ix.count && isBlank(ix, trailing)) trailing++;
  if (blocks.length === 0) return null;
  // Safe detection: the whole text is blocks, all labels look like paths.
  if (trailing < ix.count) return null;
  if (!blocks.some((b) => strictPath(b.path))) return null;
  if (blocks.length < 2 && !strictPath(blocks[0]!.path)) return null;
  return { bundle: finish('files-to-prompt', blocks, findings), anchor: blocks[0]!.line - 1 };
}

const DOC_OPEN = '<document index="';
const DOC_OLD = '<document path="';

export function recogniseFilesToPromptCxml(ix: LineIndex): Recognised | null {
  const t = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let rootLine = -1;
  for (let i = 0; i < ix.count; i++) {
    if (t.charCodeAt(ix.start[i]!) !== 60) continue;
    if (rootLine < 0 && blocks.length === 0 && lineEquals(ix, i, '<documents>')) {
      rootLine = i;
      continue;
    }
    let path: string | null = null;
    let contentLine = -1;
    let closeTags: string[] = [];
    if (lineStartsWith(ix, i, DOC_OPEN) && lineText(ix, i).endsWith('">') && i + 2 < ix.count) {
      const src = lineText(ix, i + 1);
      if (src.startsWith('<source>') && src.endsWith('</source>') && lineEquals(ix, i + 2, '<document_content>')) {
        path = src.slice(8, src.length - 9);
        contentLine = i + 3;
        closeTags = ['</document_content>', '</document>'];
      }
    } else if (lineStartsWith(ix, i, DOC_OLD) && lineText(ix, i).endsWith('">')) {
      const l = lineText(ix, i);
      path = l.slice(DOC_OLD.length, l.length - 2);
      contentLine = i + 1;
      closeTags = ['</document>'];
    }
    if (path === null) continue;
    const start = contentLine < ix.count ? ix.start[contentLine]! : t.length;
    let j = contentLine;
    let closed = -1;
    for (; j < ix.count; j++) {
      if (t.charCodeAt(ix.start[j]!) !== 60) continue;
      if (!lineEquals(ix, j, closeTags[0]!)) {
        if (lineStartsWith(ix, j, DOC_OPEN) || lineStartsWith(ix, j, DOC_OLD)) ambiguous(findings, j, path, lineText(ix, j), 'files-to-prompt');
        continue;
      }
      if (closeTags.length === 1 || (j + 1 < ix.count && lineEquals(ix, j + 1, closeTags[1]!))) {
        closed = j;
        break;
      }
      ambiguous(findings, j, path, lineText(ix, j), 'files-to-prompt');
    }
    if (closed < 0) {
      unterminated(findings, i, path, 'files-to-prompt');
      blocks.push(makeBlock(path, i + 1, ix.count, t.slice(start), 1));
      break;
    }
    const col = closeTags.length === 2 ? 1 : DOC_OLD.length + 1;
    blocks.push(makeBlock(path, i + 1, closed + closeTags.length, t.slice(start, ix.start[closed]!), col));
    i = closed + closeTags.length - 1;
  }
  if (blocks.length === 0) return null;
  if (rootLine < 0 && blocks.length < 2) return null;
  return { bundle: finish('files-to-prompt', blocks, findings), anchor: rootLine >= 0 ? rootLine : blocks[0]!.line - 1 };
}
