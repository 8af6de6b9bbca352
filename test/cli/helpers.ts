/** In-process runs of main() with injected io, and subprocess runs of the built bin. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { SeedFs } from '../../src/fs.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/seedcheck.js', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], opts: { fs?: SeedFs; cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    cwd: opts.cwd ?? 'p',
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.tty ?? false,
    ...(opts.fs ? { fs: opts.fs } : {}),
  });
  return { code, stdout, stderr };
}

/** Run the built bin (dist/) as a subprocess. */
export function runBin(args: string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  const baseEnv: Record<string, string | undefined> = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'CI', 'SEEDCHECK_DEBUG', 'GITHUB_STEP_SUMMARY']) delete baseEnv[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

export const ESSAY =
  'Every project starts as a handful of documents that explain what it should do and why. '.repeat(12) + '\n';

/** A clean seeds folder: two prose seeds, INDEX.md with sizes and digests. */
export function cleanFiles(prefix = ''): Record<string, string> {
  const a = '000_0123456789abcdef.txt';
  const b = '001_fedcba9876543210.txt';
  const row = (o: string, n: string, text: string) => `| ${o} | [${n}](${n}) | prose | ${Buffer.byteLength(text)} | ${sha256(text)} |`;
  return {
    [`${prefix}seeds/${a}`]: ESSAY,
    [`${prefix}seeds/${b}`]: ESSAY.toUpperCase(),
    [`${prefix}seeds/INDEX.md`]: `# Seeds\n\n| # | Seed | Kind | Bytes | SHA-256 |\n|---|---|---|---|---|\n${row('000', a, ESSAY)}\n${row('001', b, ESSAY.toUpperCase())}\n`,
  };
}
