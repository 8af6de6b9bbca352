/**
 * The per-seed check: read one seed (whole or streamed), run the content
 * scanner and SHA-256, decode it, detect a bundle and classify it, and return
 * its SeedOutcome — plain, structured-cloneable data, so the same function
 * runs on the main thread (`run.ts`) and in a worker thread (`worker.ts`).
 */
import type { SeedFs } from '../fs.js';
import type { Config } from '../config/types.js';
import { finding, type Finding } from '../report/types.js';
import type { SeedEntry } from '../report/model.js';
import type { KindResult, BundleSummary } from '../kinds/types.js';
import type { Bundle } from '../bundle/types.js';
import type { SeedFile } from './layout.js';
import { ContentScanner, scanText, type ContentScan } from './content.js';
import { decodeLegacy, decodeUtf16 } from './encoding.js';
import { headLines } from './text.js';
import type { SeedFacts } from './manifest.js';

/** Bytes of head (and tail) handed to the classifier for a seed over maxSeedBytes. */
const LARGE_SAMPLE = 64 * 1024;
/**
 * Seeds larger than this are checked in one streaming pass without holding
 * their bytes (bundle detection needs the whole text, so it is skipped, and
 * the classifier gets the head and tail).
 */
export const limits = { streamAbove: 64 * 1024 * 1024 };
/** Head used to pick a legacy encoding for a streamed seed. */
const LEGACY_SAMPLE = 1024 * 1024;
/** Seeds up to this size are read with one readFile instead of a stream. */
const SMALL_SEED = 1024 * 1024;
/** Largest prefix of a file kept for code frames. */
export const SOURCE_MAX = 1 << 20;

/** What checking one seed yields: plain data (it crosses worker threads). */
export interface SeedOutcome {
  entry: SeedEntry;
  findings: Finding[];
  facts: SeedFacts;
  source: string | null;
}

export interface Engines {
  classify: typeof import('../kinds/classify.js').classify;
  detectBundle: typeof import('../bundle/index.js').detectBundle;
}

export async function loadEngines(): Promise<Engines> {
  const [k, b] = await Promise.all([import('../kinds/classify.js'), import('../bundle/index.js')]);
  return { classify: k.classify, detectBundle: b.detectBundle };
}

export function isFsError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string';
}

export function errorReason(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

/**
 * The report entry of a scanned seed, and its scan findings. `scan` is the
 * scan of the text the checks ran on (the decoded legacy text, or `scan1`);
 * the BOM is only known from the raw bytes' scan.
 */
function scannedEntry(seed: SeedFile, size: number, scan1: ContentScan, scan: ContentScan, findings: Finding[]): SeedEntry {
  if (scan !== scan1 && scan1.bom) findings.push(finding('content/bom', seed.path, { line: 1, column: 1 }, {}));
  for (const f of scan.findings) findings.push({ ...f, file: seed.path });
  const entry = baseEntry(seed, size, scan1.sha256);
  entry.lines = scan.lines;
  entry.words = scan.words;
  return entry;
}

function baseEntry(seed: SeedFile, bytes: number, sha256: string | null): SeedEntry {
  return {
    path: seed.path,
    ordinal: seed.ordinal,
    id: seed.id,
    bytes,
    sha256,
    lines: 0,
    words: 0,
    kind: null,
    subtype: null,
    confidence: 0,
    runnerUp: null,
    evidence: [],
    title: null,
    date: null,
    language: null,
    bundle: null,
  };
}

/** Size and (when the manifest has a SHA-256 column) digest of a seed outside the checked paths. */
export async function factsOnly(fs: SeedFs, seed: SeedFile, hash: boolean): Promise<SeedOutcome> {
  const st = await fs.lstat(seed.fsPath);
  const size = st?.size ?? 0;
  let sha256: string | null = null;
  if (hash) {
    try {
      const s = new ContentScanner();
      for await (const chunk of fs.readChunks(seed.fsPath)) s.push(chunk);
      sha256 = s.end().sha256;
    } catch {
      sha256 = null;
    }
  }
  return { entry: baseEntry(seed, size, sha256), findings: [], facts: { ordinal: seed.ordinal, size, sha256, detected: null }, source: null };
}

async function* once(p: Promise<Uint8Array>): AsyncIterable<Uint8Array> {
  yield await p;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export async function checkSeed(fs: SeedFs, seed: SeedFile, config: Config, engines: Engines | null, wantSource: boolean): Promise<SeedOutcome> {
  const at1 = { line: 1, column: 1 };
  const st = await fs.lstat(seed.fsPath);
  const size = st?.size ?? 0;
  const limit = config.maxSeedBytes;
  const findings: Finding[] = [];

  if (size > limit) {
    // Over the limit: never read past it (SPEC §3); the classifier gets the head only.
    findings.push(finding('content/too-large', seed.path, at1, { bytes: size, limit }));
    let sample: Uint8Array;
    try {
      sample = await fs.readFile(seed.fsPath, Math.min(2 * LARGE_SAMPLE, limit));
    } catch (e) {
      return unreadable(seed, size, e);
    }
    const entry = baseEntry(seed, size, null);
    const detected = engines ? classifyInto(engines, entry, sample, seed.name, { totalBytes: size }, null) : null;
    return { entry, findings, facts: { ordinal: seed.ordinal, size, sha256: null, detected }, source: null };
  }
  if (size > limits.streamAbove) return streamSeed(fs, seed, size, limit, engines);

  const scanner = new ContentScanner();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Small seeds in one read (cheaper than a stream); never more than the limit.
    const source = size <= SMALL_SEED ? once(fs.readFile(seed.fsPath, Math.min(limit, size + 1))) : fs.readChunks(seed.fsPath);
    for await (const chunk of source) {
      // The file may grow after lstat: still never hold more than the limit.
      const room = limit - total;
      const c = chunk.length > room ? chunk.subarray(0, room) : chunk;
      scanner.push(c);
      chunks.push(c);
      total += c.length;
      if (chunk.length > room) break;
    }
  } catch (e) {
    return unreadable(seed, size, e);
  }
  const bytes = concat(chunks, total);
  chunks.length = 0;
  const scan1 = scanner.end();
  let scan: ContentScan = scan1;
  let text: string | null = null;

  const utf16 = scan1.binary?.reason === 'nul' ? decodeUtf16(bytes) : null;
  if (utf16) {
    // UTF-16 with a BOM (e.g. from PowerShell's `>`): text in the wrong encoding, not binary.
    text = utf16.text;
    scan = scanText(text);
    const count = new ContentScanner({ hash: false, detectBinary: false });
    count.push(bytes);
    const bad = count.end().invalidUtf8;
    findings.push(finding('content/invalid-utf8', seed.path, { line: bad?.line ?? 1, column: bad?.column ?? 1 }, { count: bad?.count ?? 1, byte: bad?.byte ?? bytes[0]!, encoding: utf16.encoding }));
  } else if (scan1.binary) {
    findings.push(finding('content/binary', seed.path, at1, { format: scan1.binary.format, reason: scan1.binary.reason }));
  } else if (scan1.invalidUtf8) {
    const bad = scan1.invalidUtf8;
    const legacy = decodeLegacy(bytes);
    if (legacy) {
      text = legacy.text;
      scan = scanText(text);
      findings.push(finding('content/invalid-utf8', seed.path, { line: bad.line, column: bad.column }, { count: bad.count, byte: bad.byte, encoding: legacy.encoding }));
    } else if (bad.count >= 8 && bad.count * 20 > total) {
      // Invalid throughout and no legacy encoding fits: not text.
      findings.push(finding('content/binary', seed.path, at1, { format: null, reason: 'undecodable' }));
      scan = { ...scan1, findings: [] };
    } else {
      text = new TextDecoder('utf-8').decode(bytes);
      findings.push(finding('content/invalid-utf8', seed.path, { line: bad.line, column: bad.column }, { count: bad.count, byte: bad.byte, encoding: null }));
    }
  } else {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const entry = scannedEntry(seed, size, scan1, scan, findings);

  let detected: SeedFacts['detected'] = null;
  if (engines) {
    const bundle = text !== null ? engines.detectBundle(text) : null;
    if (bundle) for (const f of bundle.findings) findings.push({ ...f, file: seed.path });
    detected = classifyInto(engines, entry, bytes, seed.name, text !== null ? { text, bundle, totalBytes: size } : { bundle: null, totalBytes: size }, bundle);
  }

  let source: string | null = null;
  if (wantSource && text !== null && findings.length > 0) {
    // Up to a few lines past the last finding: code frames and SARIF fingerprints read the lines of every finding.
    let last = 0;
    for (const f of findings) if ((f.endLine ?? f.line) > last) last = f.endLine ?? f.line;
    source = headLines(text, last + 3, SOURCE_MAX);
  }
  return { entry, findings, facts: { ordinal: seed.ordinal, size, sha256: scan1.sha256, detected }, source };
}

/** The first and last `n` bytes of a file (the whole file when it is short). */
async function headAndTail(fs: SeedFs, path: string, size: number, n: number): Promise<Uint8Array> {
  const head = await fs.readFile(path, n);
  const tail = size - n > n ? await fs.readRange(path, size - n, size) : new Uint8Array(0);
  return concat([head, tail], head.length + tail.length);
}

function classifyInto(
  engines: Engines,
  entry: SeedEntry,
  bytes: Uint8Array,
  name: string,
  hints: Parameters<Engines['classify']>[2],
  bundle: Bundle | null,
): SeedFacts['detected'] {
  const r = engines.classify(bytes, name, hints);
  applyKind(entry, r, bundle);
  return { kind: r.kind, subtype: r.subtype, confidence: r.confidence };
}

/**
 * A seed too big to hold: one streaming pass for the UTF-8 and character
 * checks and the digest; a second streaming pass with a legacy decoder when
 * the bytes are not UTF-8; kinds from the head and tail.
 */
async function streamSeed(fs: SeedFs, seed: SeedFile, size: number, limit: number, engines: Engines | null): Promise<SeedOutcome> {
  const at1 = { line: 1, column: 1 };
  const findings: Finding[] = [];
  const scanner = new ContentScanner();
  let total = 0;
  let head: Uint8Array | null = null;
  try {
    for await (const chunk of fs.readChunks(seed.fsPath)) {
      const room = limit - total;
      const c = chunk.length > room ? chunk.subarray(0, room) : chunk;
      scanner.push(c);
      if (head === null) head = c.slice(0, LEGACY_SAMPLE);
      else if (head.length < LEGACY_SAMPLE) head = concat([head, c.subarray(0, LEGACY_SAMPLE - head.length)], Math.min(LEGACY_SAMPLE, head.length + c.length));
      total += c.length;
      if (chunk.length > room) break;
    }
  } catch (e) {
    return unreadable(seed, size, e);
  }
  const scan1 = scanner.end();
  let scan: ContentScan = scan1;
  if (scan1.binary) {
    findings.push(finding('content/binary', seed.path, at1, { format: scan1.binary.format, reason: scan1.binary.reason }));
  } else if (scan1.invalidUtf8) {
    const bad = scan1.invalidUtf8;
    const guess = head ? decodeLegacy(head, true) : null;
    let encoding: string | null = null;
    if (guess) {
      try {
        const dec = new TextDecoder(guess.encoding, { fatal: true });
        const s2 = new ContentScanner({ hash: false });
        let seen = 0;
        for await (const chunk of fs.readChunks(seed.fsPath)) {
          const c = chunk.length > limit - seen ? chunk.subarray(0, limit - seen) : chunk;
          s2.pushText(dec.decode(c, { stream: true }));
          seen += c.length;
          if (seen >= limit) break;
        }
        s2.pushText(dec.decode());
        scan = s2.end();
        encoding = guess.encoding;
      } catch {
        scan = scan1;
      }
    }
    findings.push(finding('content/invalid-utf8', seed.path, { line: bad.line, column: bad.column }, { count: bad.count, byte: bad.byte, encoding }));
  }
  const entry = scannedEntry(seed, size, scan1, scan, findings);
  let detected: SeedFacts['detected'] = null;
  if (engines) {
    let sample: Uint8Array;
    try {
      sample = await headAndTail(fs, seed.fsPath, size, LARGE_SAMPLE);
    } catch (e) {
      return unreadable(seed, size, e);
    }
    detected = classifyInto(engines, entry, sample, seed.name, { totalBytes: size }, null);
  }
  return { entry, findings, facts: { ordinal: seed.ordinal, size, sha256: scan1.sha256, detected }, source: null };
}

/**
 * A copy of `s` that does not keep a larger string alive. Titles, evidence and
 * paths are often slices of the seed's text, and a V8 sliced string retains
 * its whole parent: without this, the report of 10,000 seeds held every
 * seed's text (~150 MB).
 */
function own<T extends string | null>(s: T): T {
  return (s === null ? s : (' ' + s).slice(1)) as T;
}

function applyKind(entry: SeedEntry, r: KindResult, bundle: Bundle | null): void {
  entry.kind = r.kind;
  entry.subtype = own(r.subtype);
  entry.confidence = r.confidence;
  entry.runnerUp = r.runnerUp;
  entry.evidence = r.evidence.map(own);
  entry.title = own(r.title);
  entry.date = own(r.date);
  entry.language = own(r.language);
  entry.bundle = bundleSummary(r.bundle, bundle);
}

function bundleSummary(fromClassify: BundleSummary | null, bundle: Bundle | null): BundleSummary | null {
  if (fromClassify) return { dialect: fromClassify.dialect, files: fromClassify.files.map((f) => ({ ...f, path: own(f.path), subtype: own(f.subtype) })) };
  if (!bundle) return null;
  return {
    dialect: bundle.dialect,
    files: bundle.blocks.map((b) => ({ path: own(b.path), line: b.line, endLine: b.endLine, bytes: b.bytes, kind: null, subtype: null })),
  };
}

function unreadable(seed: SeedFile, size: number, e: unknown): SeedOutcome {
  return {
    entry: baseEntry(seed, size, null),
    findings: [finding('layout/unreadable', seed.path, { line: 1, column: 1 }, { name: seed.name, reason: errorReason(e) })],
    facts: { ordinal: seed.ordinal, size, sha256: null, detected: null },
    source: null,
  };
}
