/**
 * The worker-thread pool of check() (issue 6, item 4). The worker script is
 * `dist/check/worker.js`, so these tests run the built library (run
 * `npm run build` first, as `npm test` does): the same report with and
 * without the pool, when the pool is used, and what happens when a worker
 * fails.
 */
import { describe, it, expect, beforeAll, beforeEach, afterAll, afterEach } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS helper without types
import { writeRepo, formatCanonical } from '../../scripts/bench/generate.js';
import { memoryFs } from '../../src/fs.js';
import { expectValidReport } from '../helpers/report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'check');
if (!existsSync(join(DIST, 'worker.js'))) throw new Error('dist/check/worker.js is missing: run `npm run build` first');

type RunModule = typeof import('../../src/check/run.js');
type PoolModule = typeof import('../../src/check/pool.js');
const run: RunModule = await import(join(DIST, 'run.js'));
const pool: PoolModule = await import(join(DIST, 'pool.js'));

const MAIN_LANE = pool.poolSettings.mainLane;
let dir = '';
let small = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seedcheck-pool-'));
  // 96 clean seeds of mixed kinds (prose, news, spec, card, code, data, csv, canonical bundles) with a matching INDEX.md…
  writeRepo(dir, { count: 96, seedBytes: 6000, seed: 21 });
  const seeds = join(dir, 'seeds');
  // …and seeds with problems (not in INDEX.md either): findings and sources from every path of the per-seed check.
  writeFileSync(join(seeds, '900_00000000000000a1.txt'), Buffer.from('Caf\xe9 cr\xe8me, na\xefve fa\xe7ade.\nSecond line.\n', 'latin1'));
  writeFileSync(join(seeds, '901_00000000000000a2.md'), '\ufeff# Title\r\n\r\nzero\u200bwidth and a\u202etrick\r\n');
  writeFileSync(join(seeds, '902_00000000000000a3.bin'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(seeds, '903_00000000000000a4.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello from PowerShell\r\nline two\r\n', 'utf16le')]));
  const bundle = formatCanonical([
    { path: 'src/a.ts', content: 'export const a = 1;\n' },
    { path: 'README.md', content: '# Readme\n\nSome text.\n' },
  ]) as string;
  writeFileSync(join(seeds, '904_00000000000000a5.txt'), bundle.replace('export const a = 1;', 'export const a = 12;'));
  writeFileSync(join(seeds, '905_00000000000000a6.md'), '# Notes\n\n' + 'A line of prose with trailing space. \n'.repeat(2000));
  small = mkdtempSync(join(tmpdir(), 'seedcheck-pool-small-'));
  writeRepo(small, { count: 12, seedBytes: 3000, seed: 22 });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
});

afterEach(() => {
  pool.poolHooks.faults = null;
  pool.poolHooks.onStart = null;
  pool.poolHooks.lastStats = null;
  pool.poolSettings.mainLane = MAIN_LANE;
  run.parallel.loadAware = true;
});

/** The report and sources of one run, as comparable JSON. */
async function runJson(options: Parameters<RunModule['checkWithSources']>[0]) {
  const starts: number[] = [];
  pool.poolHooks.onStart = (info) => starts.push(info.workers);
  pool.poolHooks.lastStats = null;
  const r = await run.checkWithSources({ root: dir, ...options });
  return { json: JSON.stringify(r.report), sources: JSON.stringify([...r.sources]), report: r.report, starts, stats: pool.poolHooks.lastStats };
}

describe('check() with a worker pool', () => {
  let baseline: Awaited<ReturnType<typeof runJson>>;
  beforeAll(async () => {
    baseline = await runJson({ workers: 0 });
  });

  it('gives the same report and sources as the single-thread run', async () => {
    expectValidReport(baseline.report);
    expect(baseline.starts).toEqual([]);
    expect(baseline.report.summary.seeds).toBe(102);
    // The folder exercises the content, encoding, bundle and index paths.
    const ids = new Set(baseline.report.diagnostics.map((d) => d.ruleId));
    for (const id of ['content/invalid-utf8', 'content/binary', 'content/bom', 'content/invisible-char', 'index/unlisted-seed']) {
      if (!ids.has(id)) throw new Error(`expected ${id} in ${[...ids].join(', ')}`);
    }
    pool.poolSettings.mainLane = false;
    const pooled = await runJson({ workers: 2 });
    expect(pooled.starts).toEqual([2]);
    expect(pooled.stats).toMatchObject({ workers: 2, byWorkers: 102, byMain: 0, fallback: 0, failedWorkers: 0 });
    expect(pooled.json).toBe(baseline.json);
    expect(pooled.sources).toBe(baseline.sources);
  });

  it('is the same with the main thread taking part, with 3 workers, and without classification', async () => {
    pool.poolSettings.mainLane = true;
    const withMain = await runJson({ workers: 2 });
    expect(withMain.starts).toEqual([1]);
    expect(withMain.stats!.byWorkers + withMain.stats!.byMain).toBe(102);
    expect(withMain.json).toBe(baseline.json);
    const three = await runJson({ workers: 3 });
    expect(three.starts).toEqual([2]);
    expect(three.json).toBe(baseline.json);
    const plain = await runJson({ workers: 0, classify: false });
    const plainPooled = await runJson({ workers: 2, classify: false });
    expect(plainPooled.starts).toEqual([1]);
    expect(plainPooled.json).toBe(plain.json);
    expect(plain.report.seeds.every((s) => s.kind === null)).toBe(true);
  });

  it('passes the config and the streaming threshold to the workers (too-large and streamed seeds)', async () => {
    writeFileSync(join(dir, 'seedcheck.config.json'), JSON.stringify({ maxSeedBytes: 60_000 }));
    const saved = run.limits.streamAbove;
    run.limits.streamAbove = 7000;
    try {
      const one = await runJson({ workers: 0 });
      const two = await runJson({ workers: 2 });
      expect(one.report.diagnostics.some((d) => d.ruleId === 'content/too-large')).toBe(true);
      expect(two.starts).toEqual([1]);
      expect(two.json).toBe(one.json);
      expect(two.json).not.toBe(baseline.json);
    } finally {
      run.limits.streamAbove = saved;
      rmSync(join(dir, 'seedcheck.config.json'));
    }
  });

  it('checks only the selected seeds in the pool', async () => {
    const paths = baseline.report.seeds.slice(0, 80).map((s) => join(dir, s.path));
    const one = await runJson({ workers: 0, paths });
    const two = await runJson({ workers: 2, paths });
    expect(two.stats!.byWorkers + two.stats!.byMain).toBe(80);
    expect(two.stats!.fallback).toBe(0);
    expect(two.json).toBe(one.json);
    // Unselected seeds: facts only, no kind.
    expect(one.report.seeds.filter((s) => s.kind === null).length).toBeGreaterThanOrEqual(22);
  });
});

describe('when the pool is used', () => {
  it('auto: only from parallel.minSeeds seeds to check, and with more than one CPU', async () => {
    expect(run.parallel.minSeeds).toBeGreaterThanOrEqual(32);
    // The load average of a shared test machine must not decide this test.
    run.parallel.loadAware = false;
    const few = await runJson({ workers: 'auto', root: small });
    expect(few.starts).toEqual([]);
    const many = await runJson({ workers: 'auto' });
    const threads = Math.min(availableParallelism(), run.parallel.maxThreads);
    expect(many.starts).toEqual(threads > 1 ? [MAIN_LANE ? threads - 1 : threads] : []);
    // A few paths of a large folder (the pre-commit case): no pool.
    const some = await runJson({ workers: 'auto', paths: many.report.seeds.slice(0, 5).map((s) => join(dir, s.path)) });
    expect(some.starts).toEqual([]);
    expect(some.report.seeds.filter((s) => s.kind !== null)).toHaveLength(5);
  });

  it('workers 0 and 1 are off; SEEDCHECK_WORKERS is the default', async () => {
    expect((await runJson({ workers: 1 })).starts).toEqual([]);
    const saved = process.env.SEEDCHECK_WORKERS;
    try {
      process.env.SEEDCHECK_WORKERS = '0';
      expect((await runJson({})).starts).toEqual([]);
      process.env.SEEDCHECK_WORKERS = '2';
      expect((await runJson({ root: small })).starts).toEqual([MAIN_LANE ? 1 : 2]);
      expect((await runJson({ root: small, workers: 0 })).starts).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SEEDCHECK_WORKERS;
      else process.env.SEEDCHECK_WORKERS = saved;
    }
  });

  it('never with an in-memory fs (it cannot cross threads): same report in-thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`seeds/${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`] = `Seed number ${i}.\n`;
    const starts: number[] = [];
    pool.poolHooks.onStart = (info) => starts.push(info.workers);
    const forced = await run.check({ fs: memoryFs(files), workers: 4 });
    const off = await run.check({ fs: memoryFs(files), workers: 0 });
    expect(starts).toEqual([]);
    expect(forced.summary.seeds).toBe(70);
    expect(JSON.stringify(forced)).toBe(JSON.stringify(off));
  });
});

describe('worker failures', () => {
  let baseline = '';
  beforeAll(async () => {
    baseline = (await runJson({ workers: 0 })).json;
  });
  beforeEach(() => {
    // Workers only: every seed goes through a worker first.
    pool.poolSettings.mainLane = false;
  });

  it('a seed whose check throws in a worker is checked again in-thread', async () => {
    pool.poolHooks.faults = { throwOn: '901_00000000000000a2.md' };
    const r = await runJson({ workers: 2 });
    expect(r.stats).toMatchObject({ fallback: 1, failedWorkers: 0, byWorkers: 101 });
    expect(r.json).toBe(baseline);
  });

  it('a worker that dies of an uncaught error loses no seed; the other one goes on', async () => {
    const names = JSON.parse(baseline).seeds.map((s: { path: string }) => s.path.slice('seeds/'.length)) as string[];
    pool.poolHooks.faults = { uncaughtOn: names[10]! };
    const r = await runJson({ workers: 2 });
    expect(r.stats!.failedWorkers).toBe(1);
    expect(r.stats!.fallback).toBeGreaterThanOrEqual(1);
    expect(r.stats!.byWorkers).toBeGreaterThan(50);
    expect(r.stats!.byWorkers + r.stats!.fallback).toBe(102);
    expect(r.json).toBe(baseline);
  });

  it('when every worker exits abruptly, the main thread checks the seeds they held and the rest', async () => {
    pool.poolHooks.faults = { exitAfter: 3 };
    const r = await runJson({ workers: 2 });
    expect(r.stats!.failedWorkers).toBe(2);
    expect(r.stats!.byWorkers).toBeLessThanOrEqual(6);
    expect(r.stats!.byWorkers + r.stats!.fallback).toBe(102);
    expect(r.json).toBe(baseline);
  });

  it('with the main thread taking part: a dead worker loses no seed either', async () => {
    pool.poolSettings.mainLane = true;
    pool.poolHooks.faults = { exitAfter: 2 };
    const r = await runJson({ workers: 3 });
    // Each worker dies at its third seed (unless the main thread has claimed every seed before it starts).
    expect(r.stats!.workers).toBe(2);
    expect(r.stats!.byWorkers).toBeLessThanOrEqual(4);
    expect(r.stats!.byWorkers + r.stats!.byMain + r.stats!.fallback).toBe(102);
    expect(r.json).toBe(baseline);
  });

  it('the built CLI with the pool forced on ends its workers and exits by itself, with the same JSON', () => {
    // End to end: the built bin with the pool forced on exits by itself with the same JSON as without it.
    const cli = (workers: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'seedcheck.js'), '--format', 'json'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, SEEDCHECK_WORKERS: workers, NO_COLOR: '1' },
      });
    const off = cli('0');
    const on = cli('2');
    expect(off.status).toBe(1);
    expect(on.status).toBe(1);
    expect(on.signal).toBeNull();
    expect(on.stdout.length).toBeGreaterThan(1000);
    expect(on.stdout).toBe(off.stdout);
  });
});
