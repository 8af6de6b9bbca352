// Both-cores experiment: run seedcheck as N processes, each checking the
// content of 1/N of the seeds (positional paths, SPEC §8), in parallel.
// Usage (cwd = repository): node split.js <bin/seedcheck.js> <N>
// Exit code: the worst of the children. The manifest is checked by every
// child, so this measures an upper bound of what a pool could save.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const [bin, nArg] = process.argv.slice(2);
const n = Number(nArg) || 2;
const seeds = readdirSync('seeds').filter((f) => /^\d{3,}_[0-9a-f]{16}\./.test(f));
const parts = Array.from({ length: n }, (_, i) => seeds.filter((_, j) => j % n === i).map((f) => `seeds/${f}`));
const codes = await Promise.all(
  parts.map(
    (paths) =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [bin, ...paths], { stdio: ['ignore', 'ignore', 'inherit'] });
        c.on('close', (code) => resolve(code ?? 2));
      }),
  ),
);
process.exitCode = Math.max(...codes);
