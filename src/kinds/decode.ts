/**
 * Turn the bytes of a document into text for the classifier, or decide that
 * it is binary. Only the first and last 64 KiB are looked at, so the cost
 * does not grow with the file's size.
 */
import { sniffMagic } from './magic.js';

export const WINDOW = 64 * 1024;

export interface Decoded {
  /** null when the content is binary. */
  text: string | null;
  /** Subtype of a binary file (from magic bytes), or null. */
  binary: string | null;
  /** True when only head and tail were read. */
  truncated: boolean;
  /** Full size of the document in bytes. */
  totalBytes: number;
  /** Number of lines in the head part (line numbers after it are unknown). */
  headText: string;
  encoding: string;
  evidence: string[];
}

/** Signatures that are plain printable ASCII, so a text file could start with them. */
const TEXTLIKE_MAGIC = new Set(['pdf', 'gif', 'bzip2', 'ogg', 'flac', 'mp3', 'woff', 'woff2', 'rar', '7z']);

function countNul(b: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) c++;
  return c;
}

/** Cut the bytes to head + tail windows at line boundaries. */
function window(bytes: Uint8Array): { head: Uint8Array; tail: Uint8Array | null } {
  if (bytes.length <= 2 * WINDOW) return { head: bytes, tail: null };
  let h = WINDOW;
  // back up to the last LF inside the head window (at most 4 KiB)
  for (let i = WINDOW - 1; i > WINDOW - 4096; i--) {
    if (bytes[i] === 0x0a) {
      h = i + 1;
      break;
    }
  }
  let t = bytes.length - WINDOW;
  for (let i = t; i < t + 4096 && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      t = i + 1;
      break;
    }
  }
  return { head: bytes.subarray(0, h), tail: bytes.subarray(t) };
}

function decodeUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return null;
  }
}

function decodeLegacy(b: Uint8Array): string {
  try {
    return new TextDecoder('windows-1252').decode(b);
  } catch {
    return new TextDecoder('latin1').decode(b);
  }
}

/** Share of bytes that are control characters other than TAB/LF/CR/FF/ESC. */
function controlShare(b: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i]!;
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 27) c++;
  }
  return n === 0 ? 0 : c / n;
}

/** Share of invalid UTF-8 sequences, counted cheaply. */
function invalidUtf8Share(b: Uint8Array, n: number): number {
  let bad = 0;
  let i = 0;
  let chars = 0;
  while (i < n) {
    const x = b[i]!;
    chars++;
    if (x < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) need = 2;
    else if (x >= 0xf0 && x <= 0xf4) need = 3;
    else {
      bad++;
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined) break; // cut at window edge: not counted
      if ((y & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (!ok) bad++;
    i += ok ? need + 1 : 1;
  }
  return chars === 0 ? 0 : bad / chars;
}

export function decodeDoc(bytes: Uint8Array, hintText: string | undefined, totalBytesHint: number | undefined): Decoded {
  const totalBytes = Math.max(totalBytesHint ?? 0, bytes.length);
  const evidence: string[] = [];
  // UTF-16 with BOM is text even though it holds NUL bytes.
  const bom16le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const bom16be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const { head, tail } = window(bytes);
  const truncated = tail !== null || totalBytes > bytes.length;
  if (hintText === undefined && !bom16le && !bom16be) {
    const n = Math.min(head.length, 8192);
    const magic = sniffMagic(head);
    const nul = countNul(head, n);
    const ctrl = controlShare(head, n);
    const inval = invalidUtf8Share(head, Math.min(head.length, 16384));
    const nonText = nul > 0 || ctrl > 0.1 || inval > 0.3;
    if (magic && (!TEXTLIKE_MAGIC.has(magic) || nonText || (magic === 'pdf' && /^%PDF-\d\.\d/.test(String.fromCharCode(...head.subarray(0, 8)))))) {
      return { text: null, binary: magic, truncated, totalBytes, headText: '', encoding: 'binary', evidence: [`magic bytes of ${magic}`] };
    }
    if (nonText) {
      const why = nul > 0 ? `${nul} NUL bytes in the first ${n} bytes` : ctrl > 0.1 ? `${Math.round(ctrl * 100)}% control bytes` : `${Math.round(inval * 100)}% invalid UTF-8 sequences`;
      return { text: null, binary: null, truncated, totalBytes, headText: '', encoding: 'binary', evidence: [why] };
    }
  }
  let encoding = 'utf-8';
  let headText: string;
  let tailText = '';
  if (hintText !== undefined) {
    encoding = 'given';
    if (hintText.length > 2 * WINDOW) {
      headText = hintText.slice(0, WINDOW);
      const cut = headText.lastIndexOf('\n');
      if (cut > WINDOW - 4096) headText = headText.slice(0, cut + 1);
      tailText = hintText.slice(hintText.length - WINDOW);
      const nl = tailText.indexOf('\n');
      if (nl >= 0 && nl < 4096) tailText = tailText.slice(nl + 1);
      return { text: headText + tailText, binary: null, truncated: true, totalBytes, headText, encoding, evidence };
    }
    return { text: hintText, binary: null, truncated, totalBytes, headText: hintText, encoding, evidence };
  }
  if (bom16le || bom16be) {
    encoding = bom16le ? 'utf-16le' : 'utf-16be';
    const d = new TextDecoder(encoding);
    headText = d.decode(head);
    if (tail) tailText = d.decode(tail.length % 2 ? tail.subarray(1) : tail);
    evidence.push(`${encoding.toUpperCase()} byte order mark`);
  } else {
    const h = decodeUtf8(head);
    const t = tail ? decodeUtf8(trimPartial(tail)) : '';
    if (h !== null && t !== null) {
      headText = h.replace(/^\ufeff/, '');
    } else {
      encoding = 'windows-1252';
      headText = decodeLegacy(head);
      evidence.push('not valid UTF-8: read as Windows-1252');
    }
    if (tail) tailText = t !== null && encoding === 'utf-8' ? t : decodeLegacy(tail);
  }
  const text = tailText ? headText + (headText.endsWith('\n') ? '' : '\n') + tailText : headText;
  return { text, binary: null, truncated, totalBytes, headText, encoding, evidence };
}

/** Drop a partial UTF-8 sequence at the start of a tail window. */
function trimPartial(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < 4 && i < b.length && (b[i]! & 0xc0) === 0x80) i++;
  return b.subarray(i);
}
