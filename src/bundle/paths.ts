/**
 * Path safety and the path checks shared by every dialect: unsafe paths,
 * duplicates, case-fold/NFC collisions and file-vs-folder conflicts
 * (SPEC §4.1 "Paths"). All linear in the total length of the paths.
 */
import { finding, type Finding } from '../report/types.js';
import type { Block } from './types.js';

export const MAX_PATH_BYTES = 4096;

/** Why a bundle path is unsafe to extract, or null when it is safe. */
export function unsafeReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (Buffer.byteLength(path, 'utf8') > MAX_PATH_BYTES) return `longer than ${MAX_PATH_BYTES} bytes`;
  const c0 = path.charCodeAt(0);
  if (c0 === 0x2f) return 'absolute path';
  if (c0 === 0x5c) return 'leading backslash';
  if (path.length >= 2 && path.charCodeAt(1) === 0x3a && isAsciiLetter(c0)) return 'drive letter';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0) return 'NUL character';
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'control character';
    if (c === 0x5c) return 'backslash';
    if (c >= 0xd800 && c <= 0xdfff) {
      // a lone surrogate cannot be written as UTF-8
      const pair = c <= 0xdbff && i + 1 < path.length && isLow(path.charCodeAt(i + 1));
      if (!pair) return 'not valid Unicode';
      i++;
    }
  }
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 0x2f) continue;
    const seg = path.slice(start, i);
    if (seg.length === 0) return 'empty segment';
    if (seg === '.') return '"." segment';
    if (seg === '..') return '".." segment';
    const last = seg.charCodeAt(seg.length - 1);
    if (last === 0x20 || last === 0x2e) return 'segment ends with a space or dot';
    start = i + 1;
  }
  return null;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Case-fold + NFC key used for collision checks. */
export function foldKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase();
}

interface TrieNode {
  file?: Block;
  children?: Map<string, TrieNode>;
  /** first file path that made this node a folder */
  dirOf?: Block;
}

/**
 * Report unsafe-path, duplicate-path, path-collision and file-dir-conflict
 * for a block list. Findings use `file: ''` and point at each block's path.
 */
export function checkPaths(blocks: readonly Block[], findings: Finding[]): void {
  const exact = new Map<string, Block>();
  const folded = new Map<string, Block>();
  const root: TrieNode = {};
  for (const b of blocks) {
    const pos = { line: b.line, column: b.pathColumn ?? 1 };
    const reason = unsafeReason(b.path);
    if (reason !== null) findings.push(finding('block/unsafe-path', '', pos, { path: b.path, reason }));
    const first = exact.get(b.path);
    if (first) {
      findings.push(finding('block/duplicate-path', '', pos, { path: b.path, firstLine: first.line }));
      continue;
    }
    exact.set(b.path, b);
    if (b.path.length > MAX_PATH_BYTES * 4) continue;
    const key = foldKey(b.path);
    const other = folded.get(key);
    if (other) {
      findings.push(finding('block/path-collision', '', pos, { path: b.path, other: other.path, otherLine: other.line }));
    } else {
      folded.set(key, b);
    }
    if (reason !== null) continue;
    // file-vs-folder, via a trie of segments
    let node = root;
    let start = 0;
    let conflict = false;
    for (let i = 0; i <= b.path.length && !conflict; i++) {
      if (i < b.path.length && b.path.charCodeAt(i) !== 0x2f) continue;
      const seg = b.path.slice(start, i);
      start = i + 1;
      const last = i === b.path.length;
      if (!node.children) node.children = new Map();
      let next = node.children.get(seg);
      if (!next) {
        next = {};
        node.children.set(seg, next);
      }
      if (!last) {
        if (next.file) {
          findings.push(finding('block/file-dir-conflict', '', pos, { path: next.file.path, dir: b.path }));
          conflict = true;
        } else if (!next.dirOf) {
          next.dirOf = b;
        }
      } else {
        if (next.dirOf) {
          findings.push(finding('block/file-dir-conflict', '', pos, { path: b.path, dir: next.dirOf.path }));
        } else {
          next.file = b;
        }
      }
      node = next;
    }
  }
}
