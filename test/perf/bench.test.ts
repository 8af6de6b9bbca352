/** The benchmark runs from a fresh clone: `scripts/bench.js --dry --json` generates a repo and measures once. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run bench (dry)', () => {
  it('generates a repository, runs every command once and prints figures as JSON', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.js'), '--dry', '--json', '--no-mdl'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { repos: Array<{ seeds: number }>; results: Array<{ command: string; runs: number; medianMs: number; peakRssMB: number }> };
    expect(out.repos[0]?.seeds).toBe(10);
    const commands = out.results.map((x) => x.command);
    expect(commands).toEqual(expect.arrayContaining(['node -e 0', 'seedcheck', 'read-all']));
    for (const x of out.results) {
      expect(x.runs).toBe(1);
      expect(x.medianMs).toBeGreaterThan(0);
      expect(x.peakRssMB).toBeGreaterThan(5);
    }
  }, 60_000);
});
