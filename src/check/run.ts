/**
 * check(options) → Promise<Report>: the orchestrator behind `seedcheck
 * check` and the library API. It loads the config, scans the seeds folder,
 * checks each seed's content (streaming, bounded concurrency; in worker
 * threads too when there are many seeds, see `pool.ts`), classifies
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
import { VERSION } from '../version.js';
import type { CheckOptions } from './types.js';
import { INDEX_NAME, scanLayout, type SeedFile } from './layout.js';
import type { ParsedIndex, SeedFacts } from './manifest.js';
import { checkSeed, errorReason, factsOnly, isFsError, limits, loadEngines, SOURCE_MAX, type Engines, type SeedOutcome } from './seed.js';
import type { Pool, PoolInit } from './pool.js';

export { limits } from './seed.js';

/** Seeds processed at once on one thread. */
export const CONCURRENCY = 8;

/**
 * When check() uses worker threads in 'auto' mode (`poolThreads`): at least
 * `minSeeds` seeds to check, at most `maxThreads` threads, and — when
 * `loadAware` — only as many threads as there are idle CPUs by the 1-minute
 * load average plus this one (a worker on a busy machine only adds the cost
 * of loading the modules and warming up a second JIT). Mutable for tests.
 */
export const parallel = { minSeeds: 64, maxThreads: 8, loadAware: true };

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

async function runCheck(options: CheckOptions, wantSources: boolean): Promise<CheckResult> {
  const root = options.root ?? '.';
  const fs = options.fs ?? (await import('../node-fs.js')).nodeFs;
  const config = await resolveConfig(fs, root, options);
  const rules: RuleSettings = config.rules;
  const layout = await scanLayout(fs, root, config);
  const findings: Finding[] = [...layout.findings];
  const sources = new Map<string, string>();
  const indexPath = layout.seedsDir === '.' ? INDEX_NAME : `${layout.seedsDir}/${INDEX_NAME}`;

  const selected = selectPaths(options.paths, root, layout.seeds);
  const doClassify = options.classify !== false;
  // Many seeds on disk: start worker threads now, so they check seeds while this thread parses INDEX.md.
  const toCheck = selected === null ? layout.seeds : layout.seeds.filter((s) => selected.has(s.path));
  const threads = await poolThreads(options, fs, toCheck.length);
  const pool = threads > 1 ? await startPoolFor(toCheck, threads, { config, wantSources, classify: doClassify, streamAbove: limits.streamAbove }) : null;

  let outcomes: SeedOutcome[];
  let parsed: ParsedIndex | null = null;
  let manifest: typeof import('./manifest.js') | null = null;
  try {
    // INDEX.md first: whether it has a SHA-256 column decides if unchecked seeds are hashed.
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
  } catch (e) {
    await pool?.close();
    throw e;
  }

  const hashUnchecked = parsed?.table?.columns.sha256 !== undefined;
  let engines: Promise<Engines | null> | null = null;
  const inThread = async (seed: SeedFile) => checkSeed(fs, seed, config, await (engines ??= doClassify ? loadEngines() : Promise.resolve(null)), wantSources);

  if (pool) {
    const checked = await pool.finish(inThread);
    const bySeed = new Map<SeedFile, SeedOutcome>();
    for (let i = 0; i < toCheck.length; i++) bySeed.set(toCheck[i]!, checked[i]!);
    outcomes = await mapLimit(layout.seeds, CONCURRENCY, async (seed) => bySeed.get(seed) ?? factsOnly(fs, seed, hashUnchecked));
  } else {
    outcomes = await mapLimit(layout.seeds, CONCURRENCY, (seed) =>
      selected === null || selected.has(seed.path) ? inThread(seed) : factsOnly(fs, seed, hashUnchecked),
    );
  }

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

/**
 * Threads that check seeds: 0 = in this thread only. `options.workers`
 * (default: `SEEDCHECK_WORKERS`, else 'auto'): 0 or 1 = off; a number ≥ 2 =
 * that many threads whatever the folder; 'auto' = a pool when the seeds to
 * check are at least `parallel.minSeeds` and the machine has an idle CPU. Never for a SeedFs other than the disk (it cannot cross threads).
 */
async function poolThreads(options: CheckOptions, fs: SeedFs, seeds: number): Promise<number> {
  const want = options.workers ?? envWorkers();
  if (want !== 'auto' && want < 2) return 0;
  if (seeds < 2) return 0;
  if (want === 'auto' && seeds < parallel.minSeeds) return 0;
  if (options.fs !== undefined && options.fs !== (await import('../node-fs.js')).nodeFs) return 0;
  if (want !== 'auto') return Math.floor(want);
  const os = await import('node:os');
  const cpus = os.availableParallelism();
  const idle = parallel.loadAware ? Math.floor(cpus - os.loadavg()[0]!) : cpus;
  const threads = Math.min(cpus, parallel.maxThreads, 1 + Math.max(0, idle));
  return threads >= 2 ? threads : 0;
}

async function startPoolFor(seeds: SeedFile[], threads: number, init: PoolInit): Promise<Pool> {
  const { startPool, poolSettings } = await import('./pool.js');
  return startPool(seeds, poolSettings.mainLane ? threads - 1 : threads, init);
}

function envWorkers(): number | 'auto' {
  const v = process.env.SEEDCHECK_WORKERS;
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : 'auto';
}

