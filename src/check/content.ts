/**
 * Content checks (SPEC §3, `content/*`) as a streaming scanner: bytes go in
 * with push(chunk) in any chunking, end() returns the findings, so a huge
 * seed is checked with bounded memory. One pass does UTF-8 validation
 * (WHATWG decoder state machine, so sequences split across chunks are
 * handled), line/column tracking in UTF-16 units, the character checks,
 * line endings, emptiness, line and word counts, and optionally SHA-256.
 *
 * Findings carry `file: ''`; the caller sets the seed's path.
 */
import { createHash, type Hash } from 'node:crypto';
import { finding, type Finding } from '../report/types.js';
import { sniffMagic } from '../kinds/magic.js';

export interface BinaryVerdict {
  format: string | null;
  reason: 'magic' | 'nul' | 'undecodable';
}

export interface InvalidUtf8 {
  line: number;
  column: number;
  /** The first byte of the first bad sequence. */
  byte: number;
  /** Number of bad sequences in all. */
  count: number;
}

export interface ContentScan {
  /** Bytes pushed (0 in text mode). */
  bytes: number;
  /** Hex SHA-256 of the pushed bytes, when hashing was asked for. */
  sha256: string | null;
  /** Set when the content is binary: then `findings` is empty. */
  binary: BinaryVerdict | null;
  /** Set when the bytes are not valid UTF-8 (no finding is made for it here). */
  invalidUtf8: InvalidUtf8 | null;
  bom: boolean;
  /** Character, line-ending and emptiness findings (file ''). */
  findings: Finding[];
  lines: number;
  words: number;
}

export interface ScannerOptions {
  /** Compute SHA-256 over the pushed bytes (default true). */
  hash?: boolean;
  /** Decide binary from magic numbers and NUL bytes (default true); when false, NUL is a control character. */
  detectBinary?: boolean;
}

type Pos = { line: number; column: number };

const HEAD_BYTES = 64;
const TAG_TEXT_MAX = 200;

/** Zero-width and other invisible characters (SPEC §6 `content/invisible-char`). */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x206a && cp <= 0x206f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    cp === 0x2800 ||
    cp === 0x3164 ||
    cp === 0xffa0 ||
    (cp >= 0x1d173 && cp <= 0x1d17a)
  );
}

export function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** C0/C1 controls other than TAB, LF, FF, CR (DEL included). */
export function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0c && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

class Counter {
  count = 0;
  cp = 0;
  pos: Pos | null = null;
  hit(cp: number, pos: Pos) {
    if (this.count++ === 0) {
      this.cp = cp;
      this.pos = pos;
    }
  }
}

export class ContentScanner {
  private hash: Hash | null;
  private total = 0;
  private head: number[] = [];
  private binary: BinaryVerdict | null = null;
  private textMode = false;
  private detectBinary: boolean;

  // UTF-8 decoder state (WHATWG).
  private needed = 0;
  private seen = 0;
  private cp = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private leadByte = 0;
  private invalid: InvalidUtf8 | null = null;

  // Position and character state.
  private line = 1;
  private col = 1;
  private first = true;
  private bom = false;
  private pendingCR: Pos | null = null;
  private nonSpace = false;
  private inWord = false;
  private words = 0;
  private lineBreaks = 0;

  private control = new Counter();
  private bidi = new Counter();
  private invisible = new Counter();
  private tag = new Counter();
  private tagText = '';
  /** After U+1F3F4 (black flag): an emoji tag sequence may follow and is not hidden text. */
  private flagCtx = false;
  private flagTags: Array<{ cp: number; pos: Pos }> = [];

  private lf = 0;
  private crlf = 0;
  private cr = 0;
  private lfPos: Pos | null = null;
  private crlfPos: Pos | null = null;
  private crPos: Pos | null = null;

  constructor(options: ScannerOptions = {}) {
    this.hash = options.hash === false ? null : createHash('sha256');
    this.detectBinary = options.detectBinary !== false;
  }

  /** Feed raw bytes (UTF-8 expected). */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.hash?.update(chunk);
    const startTotal = this.total;
    this.total += chunk.length;
    if (startTotal < HEAD_BYTES) {
      for (let i = 0; i < chunk.length && this.head.length < HEAD_BYTES; i++) this.head.push(chunk[i]!);
      if (this.head.length >= HEAD_BYTES) this.sniff();
    }
    if (this.binary) return;
    let i = 0;
    if (startTotal === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.bom = true;
      this.first = false;
      i = 3;
    }
    const n = chunk.length;
    for (; i < n; i++) {
      if (this.needed === 0 && this.pendingCR === null && !this.flagCtx) {
        // Fast path: a run of printable ASCII, spaces, tabs and LFs, with the state in locals.
        let col = this.col;
        let words = this.words;
        let inWord = this.inWord;
        let line = this.line;
        let lf = this.lf;
        let breaks = this.lineBreaks;
        let text = false;
        const start = i;
        for (; i < n; i++) {
          const c = chunk[i]!;
          if (c >= 0x21 && c <= 0x7e) {
            col++;
            text = true;
            if (!inWord) {
              inWord = true;
              words++;
            }
          } else if (c === 0x20 || c === 0x09) {
            col++;
            inWord = false;
          } else if (
            // Two-byte letters (U+00C0–U+07FF minus U+0340–U+037F and U+0600–U+063F, which hold
            // invisible characters) and three-byte CJK/Hangul (U+4000–U+CFFF): nothing to report.
            ((c >= 0xc3 && c <= 0xcc) || (c >= 0xce && c <= 0xd7) || c >= 0xd9) &&
            c <= 0xdf &&
            i + 1 < n &&
            (chunk[i + 1]! & 0xc0) === 0x80
          ) {
            i++;
            col++;
            text = true;
            if (!inWord) {
              inWord = true;
              words++;
            }
          } else if (c >= 0xe4 && c <= 0xec && i + 2 < n && (chunk[i + 1]! & 0xc0) === 0x80 && (chunk[i + 2]! & 0xc0) === 0x80) {
            i += 2;
            col++;
            text = true;
            if (!inWord) {
              inWord = true;
              words++;
            }
          } else if (c === 0x0a) {
            if (lf === 0) this.lfPos = { line, column: col };
            lf++;
            line++;
            col = 1;
            breaks++;
            inWord = false;
          } else break;
        }
        if (i > start) {
          this.col = col;
          this.words = words;
          this.inWord = inWord;
          this.line = line;
          this.lf = lf;
          this.lineBreaks = breaks;
          this.first = false;
          if (text) this.nonSpace = true;
        }
        if (i >= n) break;
      }
      const b = chunk[i]!;
      if (this.needed === 0) {
        if (b >= 0x21 && b <= 0x7e && this.pendingCR === null && !this.flagCtx) {
          // Fast path: printable ASCII.
          this.col++;
          this.nonSpace = true;
          this.first = false;
          if (!this.inWord) {
            this.inWord = true;
            this.words++;
          }
          continue;
        }
        if (b === 0 && this.detectBinary) {
          this.binary = { format: null, reason: 'nul' };
          return;
        }
        if (b < 0x80) this.char(b);
        else if (b >= 0xc2 && b <= 0xdf) {
          this.needed = 1;
          this.cp = b & 0x1f;
          this.leadByte = b;
        } else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
          this.needed = 2;
          this.cp = b & 0x0f;
          this.leadByte = b;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
          this.needed = 3;
          this.cp = b & 0x07;
          this.leadByte = b;
        } else this.error(b);
        continue;
      }
      if (b < this.lower || b > this.upper) {
        const lead = this.leadByte;
        this.resetSeq();
        this.error(lead);
        i--; // reprocess this byte as the start of a new sequence
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.cp = (this.cp << 6) | (b & 0x3f);
      if (++this.seen === this.needed) {
        const cp = this.cp;
        this.resetSeq();
        this.char(cp);
      }
    }
  }

  /** Feed already-decoded text (e.g. from a legacy encoding) instead of bytes. */
  pushText(text: string): void {
    this.textMode = true;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      this.char(cp);
    }
  }

  end(): ContentScan {
    if (!this.textMode && this.total < HEAD_BYTES && this.total > 0 && !this.binary) this.sniff();
    if (this.needed !== 0 && !this.binary) {
      const lead = this.leadByte;
      this.resetSeq();
      this.error(lead);
    }
    this.flushFlagTags();
    this.resolveCR(-1);
    const sha256 = this.hash ? this.hash.digest('hex') : null;
    const lines = this.lineBreaks + (this.col > 1 ? 1 : 0);
    if (this.binary) {
      return { bytes: this.total, sha256, binary: this.binary, invalidUtf8: null, bom: false, findings: [], lines: 0, words: 0 };
    }
    const findings: Finding[] = [];
    const at = (p: Pos | null) => p ?? { line: 1, column: 1 };
    if (this.bom) findings.push(finding('content/bom', '', { line: 1, column: 1 }, {}));
    if (!this.nonSpace && this.invalid === null) findings.push(finding('content/empty', '', { line: 1, column: 1 }, { bytes: this.total }));
    const c = this.control;
    if (c.count) findings.push(finding('content/control-char', '', at(c.pos), { codePoint: c.cp, count: c.count }));
    const b = this.bidi;
    if (b.count) findings.push(finding('content/bidi-control', '', at(b.pos), { codePoint: b.cp, count: b.count }));
    const v = this.invisible;
    if (v.count) findings.push(finding('content/invisible-char', '', at(v.pos), { codePoint: v.cp, count: v.count }));
    const t = this.tag;
    if (t.count) findings.push(finding('content/tag-char', '', at(t.pos), { decoded: this.tagText, count: t.count }));
    const styles = [
      { n: this.lf, pos: this.lfPos },
      { n: this.crlf, pos: this.crlfPos },
      { n: this.cr, pos: this.crPos },
    ].filter((s) => s.n > 0);
    if (styles.length > 1) {
      // Dominant style: most frequent, ties to the earliest; report the first other ending.
      const earlier = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.column < b.column);
      let dom = styles[0]!;
      for (const s of styles) if (s.n > dom.n || (s.n === dom.n && earlier(s.pos!, dom.pos!))) dom = s;
      let first: Pos | null = null;
      for (const s of styles) if (s !== dom && (first === null || earlier(s.pos!, first))) first = s.pos;
      findings.push(finding('content/mixed-line-endings', '', at(first), { lf: this.lf, crlf: this.crlf, cr: this.cr }));
    }
    return { bytes: this.total, sha256, binary: null, invalidUtf8: this.invalid, bom: this.bom, findings, lines, words: this.words };
  }

  private sniff() {
    if (this.binary || !this.detectBinary) return;
    const fmt = sniffMagic(Uint8Array.from(this.head));
    if (fmt) this.binary = { format: fmt, reason: 'magic' };
  }

  private resetSeq() {
    this.needed = 0;
    this.seen = 0;
    this.cp = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }

  private error(byte: number) {
    this.resolveCR(0xfffd);
    if (this.invalid === null) this.invalid = { line: this.line, column: this.col, byte, count: 1 };
    else this.invalid.count++;
    this.first = false;
    this.nonSpace = true;
    this.col++;
  }

  /** Settle a pending CR given the next code point (-1 at end). Returns true when cp was the LF of a CRLF. */
  private resolveCR(cp: number): boolean {
    const p = this.pendingCR;
    if (p === null) return false;
    this.pendingCR = null;
    this.line++;
    this.col = 1;
    this.lineBreaks++;
    if (cp === 0x0a) {
      if (this.crlf++ === 0) this.crlfPos = p;
      return true;
    }
    if (this.cr++ === 0) this.crPos = p;
    return false;
  }

  private char(cp: number) {
    if (this.resolveCR(cp)) return;
    if (cp === 0x0a) {
      if (this.lf++ === 0) this.lfPos = { line: this.line, column: this.col };
      this.line++;
      this.col = 1;
      this.lineBreaks++;
      this.inWord = false;
      this.first = false;
      this.flushFlagTags();
      return;
    }
    if (cp === 0x0d) {
      this.pendingCR = { line: this.line, column: this.col };
      this.inWord = false;
      this.first = false;
      this.flushFlagTags();
      return;
    }
    const pos = { line: this.line, column: this.col };
    const width = cp > 0xffff ? 2 : 1;
    if (this.first) {
      this.first = false;
      if (cp === 0xfeff) {
        // A BOM (decoded text): not counted in columns, not invisible-char.
        this.bom = true;
        return;
      }
    }
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      this.tagChar(cp, pos);
      this.col += width;
      return;
    }
    this.flushFlagTags();
    this.flagCtx = cp === 0x1f3f4;
    if (isSpace(cp) && cp !== 0xfeff) this.inWord = false;
    else {
      this.nonSpace = true;
      if (!this.inWord) {
        this.inWord = true;
        this.words++;
      }
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      if (isControl(cp)) this.control.hit(cp, pos);
    } else if (cp >= 0x200b) {
      if (isBidiControl(cp)) this.bidi.hit(cp, pos);
      else if (isInvisible(cp)) this.invisible.hit(cp, pos);
    } else if (isInvisible(cp)) this.invisible.hit(cp, pos);
    this.col += width;
  }

  private tagChar(cp: number, pos: Pos) {
    if (this.flagCtx) {
      const isFlagLetter = (cp >= 0xe0030 && cp <= 0xe0039) || (cp >= 0xe0061 && cp <= 0xe007a);
      if (isFlagLetter && this.flagTags.length < 7) {
        this.flagTags.push({ cp, pos });
        return;
      }
      if (cp === 0xe007f && this.flagTags.length > 0) {
        // A complete emoji tag sequence (e.g. the flag of England): not hidden text.
        this.flagTags = [];
        this.flagCtx = false;
        return;
      }
    }
    this.flushFlagTags();
    this.countTag(cp, pos);
  }

  private flushFlagTags() {
    this.flagCtx = false;
    if (this.flagTags.length === 0) return;
    const tags = this.flagTags;
    this.flagTags = [];
    for (const t of tags) this.countTag(t.cp, t.pos);
  }

  private countTag(cp: number, pos: Pos) {
    this.tag.hit(cp, pos);
    if (cp >= 0xe0020 && cp <= 0xe007e && this.tagText.length < TAG_TEXT_MAX) this.tagText += String.fromCharCode(cp - 0xe0000);
  }
}

/** Scan a whole buffer at once (convenience for tests and small inputs). */
export function scanBytes(bytes: Uint8Array, options?: ScannerOptions): ContentScan {
  const s = new ContentScanner(options);
  s.push(bytes);
  return s.end();
}

/** Scan decoded text. */
export function scanText(text: string): ContentScan {
  const s = new ContentScanner({ hash: false });
  s.pushText(text);
  return s.end();
}
