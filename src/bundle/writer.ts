/**
 * The canonical writer (SPEC §4.1): byte-exact for any set of text files.
 * Every block carries size and sha256; the bundle has header and trailer.
 * The fence is 3 `=` unless a content line starts with exactly that many
 * `=` and a space; then it grows, per block, until no line does.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../report/types.js';
import { checkPaths, unsafeReason } from './paths.js';
import type { Block, BundleFile } from './types.js';

/** formatBundle refuses input it cannot write as a valid bundle. */
export class BundleFormatError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'BundleFormatError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when every char of the path is in the `bare` set of the grammar. */
export function isBare(path: string): boolean {
  if (path.length === 0) return false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 45 || c === 43 || c === 64 || c === 47;
    if (!ok) return false;
  }
  return true;
}

export function quotePath(path: string): string {
  return isBare(path) ? path : JSON.stringify(path);
}

/** Smallest k >= 3 such that no line of content starts with exactly k `=` and a space. */
export function fenceLength(content: string): number {
  const used = new Set<number>();
  let p = 0;
  const n = content.length;
  while (p < n) {
    let q = p;
    while (q < n && content.charCodeAt(q) === 61) q++;
    const k = q - p;
    if (k >= 3 && q < n && content.charCodeAt(q) === 32) used.add(k);
    const nl = content.indexOf('\n', q);
    if (nl === -1) break;
    p = nl + 1;
  }
  let k = 3;
  while (used.has(k)) k++;
  return k;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

function textOf(f: BundleFile): string {
  if (typeof f.content === 'string') {
    if (hasLoneSurrogate(f.content)) {
      throw new BundleFormatError(`"${f.path}" contains lone surrogates: it is not valid Unicode text`, f.path);
    }
    return f.content;
  }
  try {
    return decoder.decode(f.content);
  } catch {
    throw new BundleFormatError(`"${f.path}" is not valid UTF-8: the canonical bundle format holds text only`, f.path);
  }
}

/** Write files as a canonical bundle. Throws BundleFormatError on unsafe, duplicate or conflicting paths and on non-UTF-8 content. */
export function formatBundle(files: BundleFile[]): string {
  const pseudo: Block[] = [];
  for (const f of files) {
    const reason = unsafeReason(f.path);
    if (reason !== null) throw new BundleFormatError(`unsafe path "${f.path}": ${reason}`, f.path);
    pseudo.push({ path: f.path, line: pseudo.length + 1, endLine: pseudo.length + 1, content: '', bytes: 0 });
  }
  const problems: Finding[] = [];
  checkPaths(pseudo, problems);
  for (const p of problems) {
    if (p.ruleId === 'block/duplicate-path') throw new BundleFormatError(`duplicate path "${p.data.path}"`, p.data.path);
    if (p.ruleId === 'block/file-dir-conflict') throw new BundleFormatError(`"${p.data.path}" is both a file and a folder (${p.data.dir})`, p.data.path);
  }
  const out: string[] = ['=== BUNDLE v1 ===\n'];
  for (const f of files) {
    const content = textOf(f);
    const noeol = content.length > 0 && content.charCodeAt(content.length - 1) !== 10;
    const buf = Buffer.from(content, 'utf8');
    const sha = createHash('sha256').update(buf).digest('hex');
    const fence = '='.repeat(fenceLength(content));
    const p = quotePath(f.path);
    let attrs = `size=${buf.length} sha256=${sha}`;
    if (f.mode) attrs += ` mode=${f.mode}`;
    if (noeol) attrs += ' noeol';
    out.push(`${fence} BEGIN ${p} ${attrs} ${fence}\n`, content, noeol ? '\n' : '', `${fence} END ${p} ${fence}\n`);
  }
  out.push(`=== BUNDLE-END count=${files.length} ===\n`);
  return out.join('');
}
