/**
 * A pool of worker threads for check() on many seeds (issue 6, item 4).
 *
 * Classification is CPU-bound (~4–7 ms per 20 KB seed), so on a folder of
 * thousands of seeds one core does all the work. The pool runs the same
 * per-seed function as the main thread (`checkSeed` in `seed.ts`) in worker
 * threads that read the seeds from disk themselves, and posts back each
 * SeedOutcome (plain data). The queue is a shared counter: every worker (and
 * the main thread, when it takes part) claims the next seed index with
 * `Atomics.add`, so each worker has only `lanes` seeds in flight and nothing
 * is posted ahead. Outcomes are stored by index, so the report is the same
 * as the in-thread one whatever the timing.
 *
 * Failures never lose a seed: a seed whose check throws in a worker, and the
 * seeds a worker had claimed when it died (crash, uncaught error, failed
 * start), are checked again on the main thread after the pool has finished —
 * so the result (or the error) is the in-thread one. Workers are terminated
 * at the end, also when the main thread fails.
 *
 * This module is imported (and `node:worker_threads` loaded) only when
 * check() decides to use a pool.
 */
import type { Worker as WorkerType } from 'node:worker_threads';
import type { Config } from '../config/types.js';
import type { SeedFile } from './layout.js';
import type { SeedOutcome } from './seed.js';

/** Tunables, measured on a 2-core machine (see the report of issue 6). Mutable for tests. */
export const poolSettings = {
  /** Fewest seeds to check before a pool pays for its start-up (~50–100 ms of worker start and module loading). */
  minSeeds: 64,
  /** Most worker threads in automatic mode. */
  maxWorkers: 8,
  /**
   * The main thread checks seeds too, beside CPUs − 1 workers (otherwise it
   * only waits, beside one worker per CPU). Measured: less CPU (one thread
   * fewer to load modules and warm up its JIT) and faster on 2 cores.
   */
  mainLane: true,
  /** Seeds a thread (worker or main) checks at once (overlaps its reads with its CPU work). */
  lanes: 2,
};

/** Fault injection for tests: makes workers fail in the ways the pool must survive. */
export interface Faults {
  /** A worker throws while checking the seed with this file name (reported back as an error). */
  throwOn?: string;
  /** Every worker exits abruptly when it claims its (n+1)-th seed, losing the seeds it holds. */
  exitAfter?: number;
  /** A worker throws an uncaught error when it claims the seed with this file name (the worker dies). */
  uncaughtOn?: string;
}

/** Test hooks (never set by the CLI). */
export const poolHooks: { faults: Faults | null; onStart: ((info: { workers: number; mainLane: boolean; seeds: number }) => void) | null; lastStats: PoolStats | null } = {
  faults: null,
  onStart: null,
  lastStats: null,
};

export interface PoolStats {
  workers: number;
  /** Seeds checked by workers, by the main thread while the pool ran, and again on the main thread after a worker failure. */
  byWorkers: number;
  byMain: number;
  fallback: number;
  /** Workers that ended with an error or a non-zero exit code. */
  failedWorkers: number;
}

/** What every worker gets once, in `workerData`. */
export interface WorkerData {
  id: number;
  seeds: SeedFile[];
  /**
   * Int32Array over this: [0] the index of the next seed to claim; then per
   * worker id, [1 + 2·id] seeds it holds (raised before it claims) and
   * [2 + 2·id] messages it has posted — so the main thread can tell a worker
   * that holds nothing and has nothing in the post.
   */
  shared: SharedArrayBuffer;
  config: Config;
  wantSources: boolean;
  classify: boolean;
  streamAbove: number;
  lanes: number;
  faults: Faults | null;
}

export type WorkerMessage = { type: 'outcome'; i: number; outcome: SeedOutcome } | { type: 'error'; i: number; message: string } | { type: 'done' };

export interface PoolInit {
  config: Config;
  wantSources: boolean;
  classify: boolean;
  streamAbove: number;
}

export interface Pool {
  /**
   * Waits for the pool (the main thread checking seeds too when
   * `poolSettings.mainLane`), checks again in-thread every seed the workers
   * did not deliver, terminates the workers, and returns the outcomes in
   * the order of the seeds.
   */
  finish(inThread: (seed: SeedFile) => Promise<SeedOutcome>): Promise<SeedOutcome[]>;
  /** Terminates the workers without waiting for results (on an error elsewhere). */
  close(): Promise<void>;
}

/**
 * Starts `workers` worker threads on `seeds` at once, so that they work
 * while the main thread does something else (INDEX.md); call finish() next.
 */
export async function startPool(seeds: readonly SeedFile[], workers: number, init: PoolInit, mainLane = poolSettings.mainLane): Promise<Pool> {
  const { Worker } = await import('node:worker_threads');
  const n = seeds.length;
  const shared = new SharedArrayBuffer(4 * (1 + 2 * workers));
  const counter = new Int32Array(shared);
  const results = new Array<SeedOutcome | undefined>(n);
  const stats: PoolStats = { workers, byWorkers: 0, byMain: 0, fallback: 0, failedWorkers: 0 };
  const url = new URL('./worker.js', import.meta.url);
  const list = [...seeds];
  const threads: WorkerType[] = [];
  const received: number[] = [];
  const ended: boolean[] = [];
  let running = 0;
  let allExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => (allExited = resolve));
  poolHooks.onStart?.({ workers, mainLane, seeds: n });

  for (let id = 0; id < workers; id++) {
    const data: WorkerData = { id, seeds: list, shared, ...init, lanes: poolSettings.lanes, faults: poolHooks.faults };
    const w = new Worker(url, { workerData: data, stdout: false, stderr: false });
    running++;
    let failed = false;
    let done = false;
    received.push(0);
    w.on('message', (m: WorkerMessage) => {
      if (m.type !== 'done') received[id]!++;
      if (m.type === 'outcome') {
        results[m.i] = m.outcome;
        stats.byWorkers++;
      } else if (m.type === 'done') {
        // Everything it posted before 'done' has been received: end it now.
        done = true;
        void w.terminate();
      }
      // type 'error': left undefined, checked again in-thread by finish().
    });
    w.on('error', () => {
      failed = true;
    });
    w.on('exit', () => {
      if (failed || !(done || ended[id])) stats.failedWorkers++;
      if (--running === 0) allExited();
    });
    threads.push(w);
  }
  if (workers === 0) allExited();

  let aborted = false;
  const close = async () => {
    aborted = true;
    await Promise.all(threads.map((w) => w.terminate()));
  };

  return {
    close,
    async finish(inThread) {
      try {
        const lane = async () => {
          while (!aborted) {
            const i = Atomics.add(counter, 0, 1);
            if (i >= n) return;
            results[i] = await inThread(list[i]!);
            stats.byMain++;
          }
        };
        if (mainLane) {
          await Promise.all(Array.from({ length: Math.max(1, poolSettings.lanes) }, lane));
          // No seed left to claim: a worker that holds none and whose posts have all arrived (one still
          // starting, typically, on a small folder) is ended now instead of waited for.
          for (let id = 0; id < workers; id++) {
            if (Atomics.load(counter, 1 + 2 * id) === 0 && Atomics.load(counter, 2 + 2 * id) === received[id]) {
              ended[id] = true;
              void threads[id]!.terminate();
            }
          }
        }
        await exited;
        // Seeds a worker threw on or held when it died: the in-thread result (or error).
        const missing: number[] = [];
        for (let i = 0; i < n; i++) if (results[i] === undefined) missing.push(i);
        let next = 0;
        const again = async () => {
          while (next < missing.length) {
            const i = missing[next++]!;
            results[i] = await inThread(list[i]!);
            stats.fallback++;
          }
        };
        await Promise.all(Array.from({ length: Math.min(8, missing.length) }, again));
        poolHooks.lastStats = stats;
        return results as SeedOutcome[];
      } finally {
        await close();
      }
    },
  };
}
