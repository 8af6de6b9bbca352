/**
 * repomix JSON output: a top-level object whose `files` member maps paths
 * to contents. JSON.parse decides validity; one linear scan of the text
 * finds the line and column of each key of `files` (and sees duplicate keys,
 * which JSON.parse would silently merge).
 */
import type { Finding } from '../report/types.js';
import { finish, makeBlock, type Recognised } from './common.js';
import type { LineIndex } from './lines.js';
import type { Block } from './types.js';

interface KeyPos {
  key: string;
  line: number;
  column: number;
  endLine: number;
  value: string | null;
}

/** Scan a JSON text (already known valid) for the keys of the top-level "files" object. */
function scanFilesKeys(text: string): KeyPos[] {
  const out: KeyPos[] = [];
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  // per depth: whether the next string is a key
  const expectKey: boolean[] = [];
  const isObj: boolean[] = [];
  let topKey: string | null = null; // current key at depth 1
  let inFiles = false; // inside the object value of top-level "files" (depth 2)
  let pendingKey: KeyPos | null = null; // key at depth 2 in files, waiting for its value
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === 34) {
      // string
      const s = i;
      const sLine = line;
      const sCol = i - lineStart + 1;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          i += 2;
          continue;
        }
        if (d === 34) break;
        i++;
      }
      i++; // past closing quote
      const isKey = expectKey[depth] === true;
      if (isKey) {
        expectKey[depth] = false;
        if (depth === 1) topKey = JSON.parse(text.slice(s, i)) as string;
        else if (depth === 2 && inFiles) {
          pendingKey = { key: JSON.parse(text.slice(s, i)) as string, line: sLine, column: sCol, endLine: sLine, value: null };
          out.push(pendingKey);
        }
      } else if (depth === 2 && inFiles && pendingKey) {
        pendingKey.endLine = line;
        pendingKey.value = JSON.parse(text.slice(s, i)) as string;
        pendingKey = null;
      }
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      expectKey[depth] = c === 123;
      isObj[depth] = c === 123;
      if (c === 123 && depth === 2 && topKey === 'files') inFiles = true;
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      if (depth === 2 && inFiles) {
        inFiles = false;
        topKey = null;
      }
      depth--;
      i++;
      continue;
    }
    if (c === 44 /* , */) {
      // in an object, the next string is a key; arrays never expect keys
      if (isObj[depth]) expectKey[depth] = true;
      i++;
      continue;
    }
    i++;
  }
  return out;
}

export function recogniseRepomixJson(ix: LineIndex): Recognised | null {
  const text = ix.text;
  let p = 0;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13 || text.charCodeAt(p) === 0xfeff)) p++;
  if (text.charCodeAt(p) !== 123) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(p === 0 ? text : text.slice(p));
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const rec = doc as Record<string, unknown>;
  const files = rec.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  const values = Object.values(files as Record<string, unknown>);
  if (values.length === 0 || !values.every((v) => typeof v === 'string')) return null;
  const cue = 'fileSummary' in rec || 'directoryStructure' in rec;
  if (!cue && values.length < 2) return null;
  const keys = scanFilesKeys(text);
  const blocks: Block[] = keys.map((k) => makeBlock(k.key, k.line, k.endLine, k.value ?? '', k.column));
  const findings: Finding[] = [];
  return { bundle: finish('repomix-json', blocks, findings), anchor: 0 };
}
