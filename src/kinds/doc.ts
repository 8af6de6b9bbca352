/**
 * The document model the signal functions share: lines, fenced regions,
 * front matter, word counts. Built once per classification, in linear time.
 */

export interface FrontMatter {
  /** 0-based index of the closing delimiter line. */
  endLine: number;
  keys: Map<string, string>;
  style: 'yaml' | 'toml';
}

export interface Doc {
  text: string;
  lines: string[];
  /** lines[i].trim(), computed once (read-only). */
  trimmed: string[];
  /** Lines before this index come from the head window (real line numbers). */
  headLines: number;
  truncated: boolean;
  name: string;
  ext: string;
  base: string;
  /** true for lines inside fenced code blocks (``` or ~~~), fence lines included. */
  inFence: boolean[];
  fenceCount: number;
  front: FrontMatter | null;
  /** First line of the body (after front matter). */
  bodyStart: number;
  /** Whitespace-separated tokens, plus one per CJK character. */
  words: number;
  /** Words on prose lines (not code fences, not markup-only lines). */
  proseWords: number;
  /** Non-empty lines. */
  nonEmpty: number;
  cjkChars: number;
}


/** ECMAScript white space and line terminators: what `\s` matches and `trim()` removes. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s.split(/\s+/).length`, without the array: one more than the number of
 * runs of white space. Counting stops once `stop` is reached.
 */
export function splitCount(s: string, stop = Infinity): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (!inSpace) {
        inSpace = true;
        if (++n >= stop) return n;
      }
    } else inSpace = false;
  }
  return n;
}

export function lineLabel(doc: Doc, i: number): string {
  return i < doc.headLines ? `line ${i + 1}` : 'near the end';
}

/** CJK characters seen by the last countWords call. */
let cjkSeen = 0;

/** Whitespace-separated words of a line; counts its CJK characters into cjkSeen on the way. */
function countWords(line: string): number {
  let n = 0;
  let inWord = false;
  let cjk = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const ws = c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
    if (ws) inWord = false;
    else {
      if (!inWord) {
        inWord = true;
        n++;
      }
      if (c >= 0x3040 && ((c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff))) cjk++;
    }
  }
  cjkSeen = cjk;
  return n;
}

function parseFront(lines: string[]): FrontMatter | null {
  const first = lines[0]?.trimEnd();
  if (first !== '---' && first !== '+++') return null;
  const style = first === '---' ? 'yaml' : 'toml';
  const keys = new Map<string, string>();
  const lim = Math.min(lines.length, 400);
  for (let i = 1; i < lim; i++) {
    const l = lines[i]!;
    const t = l.trimEnd();
    if (t === first || (style === 'yaml' && t === '...')) {
      if (i === 1) return null;
      return { endLine: i, keys, style };
    }
    const m = style === 'yaml' ? /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(l) : /^([A-Za-z_][\w-]*)\s*=(.*)$/.exec(l);
    if (m) keys.set(m[1]!.toLowerCase(), m[2]!.trim().replace(/^["']|["']$/g, ''));
  }
  return null;
}

export function buildDoc(text: string, headText: string, truncated: boolean, name: string): Doc {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const headLines = truncated ? headText.split('\n').length - (headText.endsWith('\n') ? 1 : 0) : lines.length;
  const base = (name.split(/[\\/]/).pop() ?? '').toLowerCase();
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const inFence = new Array<boolean>(lines.length).fill(false);
  const trimmed = new Array<string>(lines.length);
  let fenceCount = 0;
  let fence: string | null = null;
  let words = 0;
  let proseWords = 0;
  let nonEmpty = 0;
  // CJK characters ([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]), counted by the word pass
  let cjkAll = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.trim();
    trimmed[i] = t;
    if (fence !== null) {
      inFence[i] = true;
      if (t.startsWith(fence) && t.slice(fence.length).trim() === '') fence = null;
    } else if (t.startsWith('```') || t.startsWith('~~~')) {
      const m = /^(`{3,}|~{3,})/.exec(t);
      fence = m ? m[1]! : '```';
      inFence[i] = true;
      fenceCount++;
    }
    if (t.length === 0) continue;
    nonEmpty++;
    const w = countWords(l);
    cjkAll += cjkSeen;
    words += w;
    if (!inFence[i]) proseWords += w;
  }
  const cjk = text.length < 400_000 ? cjkAll : 0;
  words += cjk;
  proseWords += cjk;
  const front = parseFront(lines);
  return {
    text,
    lines,
    trimmed,
    headLines,
    truncated,
    name,
    ext,
    base,
    inFence,
    fenceCount,
    front,
    bodyStart: front ? front.endLine + 1 : 0,
    words,
    proseWords,
    nonEmpty,
    cjkChars: cjk,
  };
}
