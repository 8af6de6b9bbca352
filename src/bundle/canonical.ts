/**
 * The canonical seedcheck bundle syntax (SPEC §4.1): a strict, single-pass,
 * linear parser. Only lines starting with `=` are ever sliced.
 */
import { createHash } from 'node:crypto';
import { finding, type Finding } from '../report/types.js';
import { checkPaths } from './paths.js';
import { MAX_DELIMITER_FINDINGS, toEditorPositions } from './common.js';
import { indexLines, lineText, isBlank, snippet, utf8Length, type LineIndex } from './lines.js';
import type { Block, Bundle } from './types.js';

const EQ = 61;

export type Marker =
  | { type: 'begin'; path: string; pathColumn: number; pathError: string | null; attrs: RawAttr[] }
  | { type: 'end'; path: string; pathColumn: number }
  | { type: 'header'; version: string; column: number }
  | { type: 'trailer'; count: string; column: number };

export interface RawAttr {
  text: string;
  column: number;
}

/** Number of `=` at the start of s (from offset). */
function eqRun(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && s.charCodeAt(i) === EQ) i++;
  return i - from;
}

/**
 * If line i opens with exactly k>=3 `=` and a space, return k; else 0.
 */
export function fenceOf(ix: LineIndex, i: number): number {
  const s = ix.start[i]!;
  const e = ix.end[i]!;
  const k = eqRun(ix.text, s, e);
  if (k >= 3 && s + k < e && ix.text.charCodeAt(s + k) === 32) return k;
  return 0;
}

/** Parse a JSON-quoted path at line[p] === '"'; returns [path|null, endIndexExclusive]. */
function quoted(line: string, p: number): [string | null, number] {
  let j = p + 1;
  while (j < line.length) {
    const c = line.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 34) break;
    j++;
  }
  if (j >= line.length) return [null, line.length];
  const raw = line.slice(p, j + 1);
  try {
    const v: unknown = JSON.parse(raw);
    return [typeof v === 'string' ? v : null, j + 1];
  } catch {
    return [null, j + 1];
  }
}

/** Parse a marker line with fence k (line without LF/CR). Null when malformed. */
export function parseMarker(line: string, k: number): Marker | null {
  const len = line.length;
  if (len < 2 * k + 2) return null;
  // suffix: " " + exactly k "="
  for (let i = len - k; i < len; i++) if (line.charCodeAt(i) !== EQ) return null;
  if (line.charCodeAt(len - k - 1) !== 32) return null;
  const innerStart = k + 1;
  const innerEnd = len - k - 1; // exclusive; points at the space before the closing fence
  if (innerEnd < innerStart) return null;
  const inner = line.slice(innerStart, innerEnd);
  if (inner.startsWith('BEGIN ')) {
    const p0 = innerStart + 6;
    let path: string;
    let pathError: string | null = null;
    let p: number;
    if (line.charCodeAt(p0) === 34) {
      const [v, after] = quoted(line.slice(0, innerEnd), p0);
      p = after;
      if (v === null) {
        path = line.slice(p0, after);
        pathError = 'malformed quoted path';
      } else path = v;
      if (p < innerEnd && line.charCodeAt(p) !== 32) {
        // junk glued to the closing quote
        let q = p;
        while (q < innerEnd && line.charCodeAt(q) !== 32) q++;
        path = line.slice(p0, q);
        pathError = 'malformed quoted path';
        p = q;
      }
    } else {
      p = p0;
      while (p < innerEnd && line.charCodeAt(p) !== 32) p++;
      path = line.slice(p0, p);
    }
    const attrs: RawAttr[] = [];
    while (p < innerEnd) {
      while (p < innerEnd && line.charCodeAt(p) === 32) p++;
      if (p >= innerEnd) break;
      const a0 = p;
      while (p < innerEnd && line.charCodeAt(p) !== 32) p++;
      attrs.push({ text: line.slice(a0, p), column: a0 + 1 });
    }
    return { type: 'begin', path, pathColumn: p0 + 1, pathError, attrs };
  }
  if (inner.startsWith('END ')) {
    const p0 = innerStart + 4;
    let path = line.slice(p0, innerEnd);
    if (line.charCodeAt(p0) === 34) {
      const [v, after] = quoted(line.slice(0, innerEnd), p0);
      if (v !== null && after === innerEnd) path = v;
    }
    return { type: 'end', path, pathColumn: p0 + 1 };
  }
  if (inner.startsWith('BUNDLE-END ')) {
    return { type: 'trailer', count: inner.slice(11), column: innerStart + 12 };
  }
  if (inner.startsWith('BUNDLE ')) {
    return { type: 'header', version: inner.slice(7), column: innerStart + 8 };
  }
  return null;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isHex64(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

interface OpenBlock {
  k: number;
  path: string;
  line: number;
  pathColumn: number;
  contentStart: number;
  attrs: NonNullable<Block['attrs']>;
  sizeColumn: number;
  shaColumn: number;
  noeolColumn: number;
}

/** Parse canonical seedcheck bundle syntax (SPEC §4.1), strictly. */
export function parseBundle(text: string): Bundle {
  const ix = indexLines(text);
  return toEditorPositions(ix, parseCanonical(ix));
}

export function parseCanonical(ix: LineIndex): Bundle {
  const text = ix.text;
  const findings: Finding[] = [];
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;
  let started = false; // a header or a block has been seen: no more preamble
  let header: { line: number } | null = null;
  let trailer: { line: number; column: number; count: number | null } | null = null;
  let inStray = false;
  let delimiterFindings = 0;

  const stray = (i: number) => {
    if (!inStray) findings.push(finding('block/stray-text', '', { line: i + 1, column: 1 }, { text: snippet(lineText(ix, i)) }));
    inStray = true;
  };

  for (let i = 0; i < ix.count; i++) {
    const s = ix.start[i]!;
    const first = text.charCodeAt(s);
    if (open) {
      if (first !== EQ) continue;
      const k = fenceOf(ix, i);
      if (k !== open.k) continue;
      const line = lineText(ix, i);
      const m = parseMarker(line, k);
      if (m && m.type === 'end') {
        if (m.path !== open.path) {
          findings.push(
            finding('block/mismatched-end', '', { line: i + 1, column: m.pathColumn }, { begin: open.path, end: m.path, beginLine: open.line }),
          );
        }
        closeBlock(open, s, i + 1);
        open = null;
        inStray = false;
      } else if (delimiterFindings++ < MAX_DELIMITER_FINDINGS) {
        findings.push(finding('block/delimiter-in-content', '', { line: i + 1, column: 1 }, { path: open.path, text: snippet(line) }));
      }
      continue;
    }
    // outside any block
    if (isBlank(ix, i)) {
      inStray = false;
      continue;
    }
    if (first !== EQ) {
      if (started) stray(i);
      continue; // preamble
    }
    const k = fenceOf(ix, i);
    const m = k ? parseMarker(lineText(ix, i), k) : null;
    if (!m) {
      stray(i); // a line starting with "=" that is no marker; the preamble may not hold "===" lines either
      continue;
    }
    inStray = false;
    switch (m.type) {
      case 'begin': {
        started = true;
        open = openBlock(m, k, i, ix.end[i]! + 1);
        break;
      }
      case 'end':
        findings.push(finding('block/end-without-begin', '', { line: i + 1, column: 1 }, { path: m.path }));
        started = true;
        break;
      case 'header':
        if (started || header) {
          stray(i);
          break;
        }
        started = true;
        header = { line: i + 1 };
        if (m.version !== 'v1') {
          findings.push(finding('block/bad-attribute', '', { line: i + 1, column: m.column }, { path: '', attribute: m.version, reason: 'unsupported bundle version (expected v1)' }));
        }
        break;
      case 'trailer': {
        started = true;
        if (trailer) {
          stray(i);
          break;
        }
        const ok = m.count.startsWith('count=') && isDigits(m.count.slice(6)) && m.count.length <= 21;
        if (!ok) {
          findings.push(finding('block/bad-attribute', '', { line: i + 1, column: m.column }, { path: '', attribute: m.count, reason: 'expected count=N' }));
        }
        trailer = { line: i + 1, column: m.column, count: ok ? Number(m.count.slice(6)) : null };
        break;
      }
    }
  }

  if (open) {
    findings.push(finding('block/unterminated', '', { line: open.line, column: 1 }, { path: open.path, dialect: 'seedcheck' }));
    const content = text.slice(open.contentStart);
    blocks.push({
      path: open.path,
      line: open.line,
      endLine: Math.max(open.line, ix.count),
      content,
      bytes: utf8Length(content),
      pathColumn: open.pathColumn,
      attrs: open.attrs,
    });
  }
  if (trailer) {
    if (trailer.count !== null && trailer.count !== blocks.length) {
      findings.push(finding('block/count-mismatch', '', { line: trailer.line, column: trailer.column }, { declared: trailer.count, actual: blocks.length }));
    }
  } else if (header) {
    findings.push(finding('block/count-mismatch', '', { line: header.line, column: 1 }, { declared: null, actual: blocks.length }));
  }
  checkPaths(blocks, findings);
  return { dialect: 'seedcheck', blocks, findings };

  function openBlock(m: Extract<Marker, { type: 'begin' }>, k: number, i: number, contentStart: number): OpenBlock {
    const ob: OpenBlock = {
      k,
      path: m.path,
      line: i + 1,
      pathColumn: m.pathColumn,
      contentStart: Math.min(contentStart, text.length),
      attrs: {},
      sizeColumn: 0,
      shaColumn: 0,
      noeolColumn: 0,
    };
    if (m.pathError) {
      findings.push(finding('block/bad-attribute', '', { line: i + 1, column: m.pathColumn }, { path: m.path, attribute: m.path, reason: m.pathError }));
    }
    const seen = new Set<string>();
    for (const a of m.attrs) {
      const eq = a.text.indexOf('=');
      const name = eq === -1 ? a.text : a.text.slice(0, eq);
      const value = eq === -1 ? null : a.text.slice(eq + 1);
      const pos = { line: i + 1, column: a.column };
      const bad = (reason: string) => findings.push(finding('block/bad-attribute', '', pos, { path: m.path, attribute: a.text, reason }));
      if (name !== 'noeol' && name !== 'size' && name !== 'sha256' && name !== 'mode') {
        findings.push(finding('block/unknown-attribute', '', pos, { path: m.path, attribute: a.text }));
        continue;
      }
      if (seen.has(name)) {
        bad('given twice');
        continue;
      }
      seen.add(name);
      if (name === 'noeol') {
        if (value !== null) bad('noeol takes no value');
        else {
          ob.attrs.noeol = true;
          ob.noeolColumn = a.column;
        }
      } else if (name === 'size') {
        if (value === null || !isDigits(value) || value.length > 15) bad('expected size=<decimal bytes>');
        else {
          ob.attrs.size = Number(value);
          ob.sizeColumn = a.column;
        }
      } else if (name === 'sha256') {
        if (value === null || !isHex64(value)) bad('expected sha256=<64 hex digits>');
        else {
          ob.attrs.sha256 = value.toLowerCase();
          ob.shaColumn = a.column;
        }
      } else {
        if (value !== '0644' && value !== '0755') bad('expected mode=0644 or mode=0755');
        else ob.attrs.mode = value;
      }
    }
    return ob;
  }

  function closeBlock(ob: OpenBlock, endStart: number, endLine: number): void {
    let content = text.slice(ob.contentStart, endStart);
    if (ob.attrs.noeol) {
      if (content.length === 0) {
        findings.push(finding('block/bad-attribute', '', { line: ob.line, column: ob.noeolColumn }, { path: ob.path, attribute: 'noeol', reason: 'noeol on an empty block' }));
      } else {
        content = content.slice(0, -1); // content always ends in LF here
      }
    }
    const bytes = utf8Length(content);
    if (ob.attrs.size !== undefined && ob.attrs.size !== bytes) {
      findings.push(finding('block/size-mismatch', '', { line: ob.line, column: ob.sizeColumn }, { path: ob.path, declared: ob.attrs.size, actual: bytes }));
    }
    if (ob.attrs.sha256 !== undefined) {
      const actual = createHash('sha256').update(content, 'utf8').digest('hex');
      if (actual !== ob.attrs.sha256) {
        findings.push(finding('block/digest-mismatch', '', { line: ob.line, column: ob.shaColumn }, { path: ob.path, declared: ob.attrs.sha256, actual }));
      }
    }
    blocks.push({ path: ob.path, line: ob.line, endLine, content, bytes, pathColumn: ob.pathColumn, attrs: ob.attrs });
  }
}
