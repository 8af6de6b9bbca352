/**
 * check(options) → Promise<Report>: the orchestrator behind `seedcheck
 * check` and the library API. It loads the config, scans the seeds folder,
 * checks each seed's content (streaming, bounded concurrency), classifies
 * it, detects bundles, checks INDEX.md against the folder, and builds the
 * Report of SPEC §7 through finalize().
 */
import { relative, resolve, sep } from 'node:path';
import { joinPath, type SeedFs } from '../fs.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { finalize, type RuleSettings } from '../report/finalize.js';
import { finding, type Finding } from '../report/types.js';
import type { Report, SeedEntry } from '../report/model.js';
import type { KindResult, BundleSummary } from '../kinds/types.js';
import type { Bundle } from '../bundle/types.js';
import { VERSION } from '../version.js';
import type { CheckOptions } from './types.js';
import { INDEX_NAME, scanLayout, type SeedFile } from './layout.js';
import { ContentScanner, scanText, type ContentScan } from './content.js';
import { decodeLegacy, decodeUtf16 } from './encoding.js';
import { headLines } from './text.js';
import type { ParsedIndex, SeedFacts } from './manifest.js';

/** Seeds processed at once. */
export const CONCURRENCY = 8;
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
const SOURCE_MAX = 1 << 20;

export interface CheckResult {
  report: Report;
  /**
   * Text of files that have diagnostics, by report path — only up to a few
   * lines past their first diagnostic (enough for a code frame).
   */
  sources: Map<string, string>;
}

export async function check(options: CheckOptions = {}): Promise<Report> {
  return (await runCheck(options, false)).report;
}

/** Like check(), plus the source text the stylish formatter shows in code frames. */
export async function checkWithSources(options: CheckOptions = {}, wantSources = true): Promise<CheckResult> {
  return runCheck(options, wantSources);
}

/** The effective config of a run: file config, then `options.config`, `options.seedsDir`, `options.rules`. */
export async function resolveConfig(fs: SeedFs, root: string, options: CheckOptions): Promise<Config> {
  const base = await loadConfig(fs, root, options.configFile);
  const over = options.config ?? {};
  const config: Config = {
    ...base,
    ...over,
    ignore: [...(over.ignore ?? base.ignore)],
    rules: { ...base.rules, ...(over.rules ?? {}), ...(options.rules ?? {}) },
  };
  if (options.seedsDir !== undefined) config.seedsDir = options.seedsDir;
  return config;
}

interface SeedOutcome {
  entry: SeedEntry;
  findings: Finding[];
  facts: SeedFacts;
  source: string | null;
}

async function runCheck(options: CheckOptions, wantSources: boolean): Promise<CheckResult> {
  const root = options.root ?? '.';
  const fs = options.fs ?? (await import('../node-fs.js')).nodeFs;
  const config = await resolveConfig(fs, root, options);
  const rules: RuleSettings = config.rules;
  const layout = await scanLayout(fs, root, config);
  const findings: Finding[] = [...layout.findings];
  const sources = new Map<string, string>();
  const indexPath = layout.seedsDir === '.' ? INDEX_NAME : `${layout.seedsDir}/${INDEX_NAME}`;

  // INDEX.md first: whether it has a SHA-256 column decides if unchecked seeds are hashed.
  let parsed: ParsedIndex | null = null;
  let manifest: typeof import('./manifest.js') | null = null;
  if (layout.hasIndex) {
    try {
      const bytes = await fs.readFile(joinPath(layout.seedsFsPath, INDEX_NAME));
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      manifest = await import('./manifest.js');
      parsed = manifest.parseIndex(text);
      if (wantSources) sources.set(indexPath, text.slice(parsed.bomLength, parsed.bomLength + SOURCE_MAX));
    } catch (e) {
      if (!isFsError(e)) throw e;
      findings.push(finding('layout/unreadable', indexPath, { line: 1, column: 1 }, { name: INDEX_NAME, reason: errorReason(e) }));
    }
  } else if (layout.seeds.length > 0 && !layout.entries.has(INDEX_NAME)) {
    findings.push(finding('layout/missing-index', indexPath, { line: 1, column: 1 }, { seeds: layout.seeds.length }));
  }

  const selected = selectPaths(options.paths, root, layout.seeds);
  const hashUnchecked = parsed?.table?.columns.sha256 !== undefined;
  const doClassify = options.classify !== false;
  const engines = doClassify ? await loadEngines() : null;

  const outcomes = await mapLimit(layout.seeds, CONCURRENCY, (seed) =>
    selected === null || selected.has(seed.path)
      ? checkSeed(fs, seed, config, engines, wantSources)
      : factsOnly(fs, seed, hashUnchecked),
  );

  const facts = new Map<string, SeedFacts>();
  const seeds: SeedEntry[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    const seed = layout.seeds[i]!;
    seeds.push(o.entry);
    facts.set(seed.name, o.facts);
    for (const f of o.findings) findings.push(f);
    if (o.source !== null) sources.set(seed.path, o.source);
  }

  if (parsed && manifest) {
    for (const f of manifest.checkIndex(parsed, { file: indexPath, entries: layout.entries, seeds: facts })) findings.push(f);
  }

  const diagnostics = finalize(findings, rules);
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) d.severity === 'error' ? errors++ : warnings++;
  const kinds: Record<string, number> = {};
  for (const s of seeds) if (s.kind !== null) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;

  const report: Report = {
    version: 1,
    tool: { name: 'seedcheck', version: VERSION },
    root,
    seedsDir: layout.seedsDir,
    summary: { seeds: seeds.length, errors, warnings, kinds },
    seeds,
    diagnostics,
  };
  if (wantSources) {
    const withDiag = new Set(diagnostics.map((d) => d.file));
    for (const k of [...sources.keys()]) if (!withDiag.has(k)) sources.delete(k);
  }
  return { report, sources };
}

interface Engines {
  classify: typeof import('../kinds/classify.js').classify;
  detectBundle: typeof import('../bundle/index.js').detectBundle;
}

async function loadEngines(): Promise<Engines> {
  const [k, b] = await Promise.all([import('../kinds/classify.js'), import('../bundle/index.js')]);
  return { classify: k.classify, detectBundle: b.detectBundle };
}

function isFsError(e: unknown): boolean {
  return typeof (e as { code?: unknown })?.code === 'string';
}

function errorReason(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

/** Which seeds the content checks are restricted to (null: all). */
function selectPaths(paths: string[] | undefined, root: string, seeds: SeedFile[]): Set<string> | null {
  if (!paths || paths.length === 0) return null;
  const norm = (s: string) => s.split(sep).join('/').replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const absRoot = resolve(root);
  const wanted = new Set<string>();
  for (const p of paths) {
    wanted.add(norm(p));
    wanted.add(norm(relative(absRoot, resolve(p))));
  }
  return new Set(seeds.filter((s) => wanted.has(s.path)).map((s) => s.path));
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
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
async function factsOnly(fs: SeedFs, seed: SeedFile, hash: boolean): Promise<SeedOutcome> {
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

async function checkSeed(fs: SeedFs, seed: SeedFile, config: Config, engines: Engines | null, wantSource: boolean): Promise<SeedOutcome> {
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
  if (scan !== scan1 && scan1.bom) findings.push(finding('content/bom', seed.path, at1, {}));
  for (const f of scan.findings) findings.push({ ...f, file: seed.path });

  const entry = baseEntry(seed, size, scan1.sha256);
  entry.lines = scan.lines;
  entry.words = scan.words;
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
  if (scan !== scan1 && scan1.bom) findings.push(finding('content/bom', seed.path, at1, {}));
  for (const f of scan.findings) findings.push({ ...f, file: seed.path });
  const entry = baseEntry(seed, size, scan1.sha256);
  entry.lines = scan.lines;
  entry.words = scan.words;
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
