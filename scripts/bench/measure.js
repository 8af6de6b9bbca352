// Timing and peak-RSS measurement of child processes for the benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./rss-preload.js', import.meta.url));
let gnuTime = null;

/** True when /usr/bin/time is GNU time (supports -f %M and -o). */
export function hasGnuTime() {
  if (gnuTime === null) {
    gnuTime = false;
    if (existsSync('/usr/bin/time')) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
      gnuTime = r.status === 0 && /^\d+\s*$/m.test(r.stderr);
    }
  }
  return gnuTime;
}

const scratch = mkdtempSync(join(tmpdir(), 'seedcheck-bench-rss-'));
let seq = 0;
export function cleanupScratch() {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Runs `node <args>` once. Returns { ms, rssKB, code, stderr }; code is
 * 'timeout' when it was killed after `timeoutMs`.
 * Peak RSS comes from GNU time (%M) or from the preload's maxRSS.
 */
export function runNode(args, { cwd, env, timeoutMs } = {}) {
  const out = join(scratch, `rss-${seq++}`);
  let cmd, argv;
  const childEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS;
  if (hasGnuTime()) {
    cmd = '/usr/bin/time';
    argv = ['-f', '%M', '-o', out, process.execPath, ...args];
  } else {
    cmd = process.execPath;
    argv = ['--import', PRELOAD, ...args];
    childEnv.SEEDCHECK_BENCH_RSS = out;
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // Own process group, so a timeout kills the measured command and not only GNU time.
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, timeoutMs)
      : null;
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssKB = NaN;
      try {
        const txt = readFileSync(out, 'utf8').trim().split('\n');
        rssKB = Number(txt[txt.length - 1]);
        // GNU time prefixes "Command exited with non-zero status N" on failure.
      } catch {}
      rmSync(out, { force: true });
      resolve({ ms, rssKB, code: timedOut ? 'timeout' : code, stderr });
    });
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
