/**
 * Dialect detection from content only (SPEC §4.2). The canonical syntax wins
 * when the first line that starts with `===` is a header or BEGIN line (its
 * preamble may hold anything else). Otherwise every recogniser runs (each is
 * linear) and the one whose structure starts earliest wins — so a bundle
 * that holds another bundle is read as the outer one — with ties broken by
 * the order below, most specific first.
 */
import { fenceOf, parseCanonical, parseMarker } from './canonical.js';
import { toEditorPositions, type Recognised } from './common.js';
import { checkPaths } from './paths.js';
import { indexLines, lineText, type LineIndex } from './lines.js';
import { recogniseFilesToPromptCxml, recogniseFilesToPromptDefault } from './files-to-prompt.js';
import { recogniseMarkdownFiles } from './markdown-files.js';
import { recogniseRepomixJson } from './repomix-json.js';
import { recogniseRepomixMarkdown } from './repomix-markdown.js';
import { recogniseRepomixXml } from './repomix-xml.js';
import { recogniseGitingest, recogniseRepomixPlain } from './triples.js';
import { recogniseTxtar } from './txtar.js';
import type { Bundle } from './types.js';

const RECOGNISERS: ReadonlyArray<(ix: LineIndex) => Recognised | null> = [
  recogniseRepomixJson,
  recogniseRepomixXml,
  recogniseRepomixMarkdown,
  recogniseRepomixPlain,
  recogniseGitingest,
  recogniseFilesToPromptCxml,
  recogniseTxtar,
  recogniseFilesToPromptDefault,
  recogniseMarkdownFiles,
];

/**
 * True when the first `===`-line of the text is a canonical header or BEGIN
 * line — and is not inside a Markdown code fence of the preamble (a document
 * that shows an example bundle is not a bundle).
 */
function looksCanonical(ix: LineIndex): boolean {
  const t = ix.text;
  let fenceChar = 0;
  let fenceLen = 0;
  for (let i = 0; i < ix.count; i++) {
    const s = ix.start[i]!;
    const c = t.charCodeAt(s);
    if (c === 96 || c === 126) {
      let p = s;
      const e = ix.end[i]!;
      while (p < e && t.charCodeAt(p) === c) p++;
      const n = p - s;
      if (n >= 3) {
        if (fenceChar === 0) {
          fenceChar = c;
          fenceLen = n;
        } else if (c === fenceChar && n >= fenceLen && isBlankFrom(t, p, e)) {
          fenceChar = 0;
        }
      }
      continue;
    }
    if (c !== 61 || t.charCodeAt(s + 1) !== 61 || t.charCodeAt(s + 2) !== 61) continue;
    if (fenceChar !== 0) return false;
    const k = fenceOf(ix, i);
    if (!k) return false;
    const m = parseMarker(lineText(ix, i), k);
    return m !== null && (m.type === 'begin' || m.type === 'header');
  }
  return false;
}

/** True when line `line` lies inside a Markdown code fence opened above it (an example in a document). */
function insideFence(ix: LineIndex, line: number): boolean {
  const t = ix.text;
  let fenceChar = 0;
  let fenceLen = 0;
  for (let i = 0; i < line && i < ix.count; i++) {
    const s = ix.start[i]!;
    const c = t.charCodeAt(s);
    if (c !== 96 && c !== 126) continue;
    let p = s;
    const e = ix.end[i]!;
    while (p < e && t.charCodeAt(p) === c) p++;
    const n = p - s;
    if (n < 3) continue;
    if (fenceChar === 0) {
      fenceChar = c;
      fenceLen = n;
    } else if (c === fenceChar && n >= fenceLen && isBlankFrom(t, p, e)) {
      fenceChar = 0;
    }
  }
  return fenceChar !== 0;
}

function isBlankFrom(t: string, p: number, e: number): boolean {
  for (; p < e; p++) {
    const c = t.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Detect any recognised dialect from the content; null when the text is not a bundle. */
export function detectBundle(text: string): Bundle | null {
  const ix = indexLines(text);
  if (looksCanonical(ix)) {
    const b = parseCanonical(ix);
    if (b.blocks.length > 0) return toEditorPositions(ix, b);
  }
  let best: Recognised | null = null;
  for (const r of RECOGNISERS) {
    const got = r(ix);
    if (got && (best === null || got.anchor < best.anchor) && !insideFence(ix, got.anchor)) best = got;
  }
  if (!best) return null;
  checkPaths(best.bundle.blocks, best.bundle.findings);
  best.bundle.findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return toEditorPositions(ix, best.bundle);
}
