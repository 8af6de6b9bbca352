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

/** True when the first `===`-line of the text is a canonical header or BEGIN line. */
function looksCanonical(ix: LineIndex): boolean {
  const t = ix.text;
  for (let i = 0; i < ix.count; i++) {
    const s = ix.start[i]!;
    if (t.charCodeAt(s) !== 61 || t.charCodeAt(s + 1) !== 61 || t.charCodeAt(s + 2) !== 61) continue;
    const k = fenceOf(ix, i);
    if (!k) return false;
    const m = parseMarker(lineText(ix, i), k);
    return m !== null && (m.type === 'begin' || m.type === 'header');
  }
  return false;
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
    if (got && (best === null || got.anchor < best.anchor)) best = got;
  }
  if (!best) return null;
  checkPaths(best.bundle.blocks, best.bundle.findings);
  best.bundle.findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return toEditorPositions(ix, best.bundle);
}
