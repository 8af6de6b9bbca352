/**
 * A worker thread of the check pool (`pool.ts`): claims seed indices from
 * the shared counter, checks each seed from disk with the same function as
 * the main thread, and posts back its SeedOutcome. Loaded from
 * `dist/check/worker.js` only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeFs } from '../node-fs.js';
import { checkSeed, limits, loadEngines } from './seed.js';
import type { WorkerData, WorkerMessage } from './pool.js';

const data = workerData as WorkerData;
const port = parentPort!;
const post = (m: WorkerMessage) => {
  port.postMessage(m);
  if (m.type !== 'done') Atomics.add(counter, POSTED, 1);
};
limits.streamAbove = data.streamAbove;
const engines = data.classify ? await loadEngines() : null;
const counter = new Int32Array(data.shared);
const HELD = 1 + 2 * data.id;
const POSTED = 2 + 2 * data.id;
const faults = data.faults;
let claimed = 0;

async function lane(): Promise<void> {
  for (;;) {
    // Held before claimed: the main thread may end a worker that holds nothing once the queue is empty.
    Atomics.add(counter, HELD, 1);
    const i = Atomics.add(counter, 0, 1);
    if (i >= data.seeds.length) {
      Atomics.sub(counter, HELD, 1);
      return;
    }
    const seed = data.seeds[i]!;
    if (faults) {
      if (faults.exitAfter !== undefined && claimed >= faults.exitAfter) process.exit(3);
      if (faults.uncaughtOn === seed.name) setImmediate(() => {
        throw new Error(`injected uncaught failure on ${seed.name}`);
      });
    }
    claimed++;
    try {
      if (faults?.throwOn === seed.name) throw new Error(`injected failure on ${seed.name}`);
      post({ type: 'outcome', i, outcome: await checkSeed(nodeFs, seed, data.config, engines, data.wantSources) });
    } catch (e) {
      post({ type: 'error', i, message: e instanceof Error ? e.message : String(e) });
    }
    Atomics.sub(counter, HELD, 1);
  }
}

await Promise.all(Array.from({ length: Math.max(1, data.lanes) }, lane));
post({ type: 'done' });
