import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { memoryFs, type SeedFs } from '../../src/fs.js';
import { parseIndex } from '../../src/check/manifest.js';

const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin/seedcheck.js');
const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.md';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

async function runInit(args: string[], fs: SeedFs) {
  const c = capture();
  const code = await main(['init', ...args], { ...c.io, fs, cwd: process.cwd(), env: {}, stdoutIsTTY: false, stderrIsTTY: false });
  return { code, out: c.out, err: c.err };
}

const read = async (fs: SeedFs, p: string) => new TextDecoder().decode(await fs.readFile(p));

describe('seedcheck init', () => {
  it('writes seeds/INDEX.md from the seeds present and says what it wrote', async () => {
    const fs = memoryFs({ [`seeds/${A}`]: 'First seed.\n', [`seeds/${B}`]: '# Title B\n\nText.\n', 'seeds/README.md': 'not a seed' });
    const r = await runInit([], fs);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/seeds\/INDEX\.md/);
    expect(r.out).toContain(A);
    expect(r.out).toContain(B);
    const t = parseIndex(await read(fs, 'seeds/INDEX.md')).table!;
    expect(t.header.map((h) => h.text)).toEqual(['#', 'Seed', 'Kind', 'Title', 'Bytes', 'SHA-256']);
    expect(t.rows.map((row) => row.seed!.name)).toEqual([A, B]);
    expect(t.rows[0]!.cell.bytes!.text).toBe('12');
  });

  it('refuses to overwrite an existing INDEX.md: one sentence, exit 2, file untouched', async () => {
    const fs = memoryFs({ [`seeds/${A}`]: 'x\n', 'seeds/INDEX.md': 'mine\n' });
    const r = await runInit([], fs);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/already exists/);
    expect(r.err).toMatch(/--fix/);
    expect(await read(fs, 'seeds/INDEX.md')).toBe('mine\n');
  });

  it('honours --seeds-dir and --config', async () => {
    const fs = memoryFs({ [`docs/s/${A}`]: 'x\n', [`other/${A}`]: 'y\n', 'cfg.json': '{ "seedsDir": "other" }' });
    const r1 = await runInit(['--seeds-dir', 'docs/s'], fs);
    expect(r1.code).toBe(0);
    expect(await fs.lstat('docs/s/INDEX.md')).not.toBeNull();
    const r2 = await runInit(['--config', 'cfg.json'], fs);
    expect(r2.code).toBe(0);
    expect(await fs.lstat('other/INDEX.md')).not.toBeNull();
    expect(await fs.lstat('seeds/INDEX.md')).toBeNull();
  });

  it('writes an empty table when there are no seeds yet', async () => {
    const fs = memoryFs({ 'seeds/.gitkeep': '' });
    const r = await runInit([], fs);
    expect(r.code).toBe(0);
    const parsed = parseIndex(await read(fs, 'seeds/INDEX.md'));
    expect(parsed.table!.rows).toHaveLength(0);
  });

  it('is a usage error (exit 2) without a seeds folder, with an unknown option or with file arguments', async () => {
    expect((await runInit([], memoryFs({ 'x.txt': '' }))).code).toBe(2);
    const bad = await runInit(['--frobnicate'], memoryFs({ 'seeds/.gitkeep': '' }));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--frobnicate/);
    expect((await runInit(['seeds/x.txt'], memoryFs({ 'seeds/.gitkeep': '' }))).code).toBe(2);
    expect((await runInit(['--help'], memoryFs({}))).out).toMatch(/Usage: seedcheck init/);
  });

  it.skipIf(!existsSync(join(REPO, 'dist/cli/main.js')))('end to end: init --root DIR, then check passes and a second init refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-init-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', A), 'A seed written for the init test.\n');
    const first = spawnSync(process.execPath, [BIN, 'init', '--root', dir], { encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, 'seeds/INDEX.md'), 'utf8')).toContain(`[${A}](${A})`);
    const check = spawnSync(process.execPath, [BIN, '--root', dir, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(check.stdout);
    expect(report.diagnostics.filter((d: { ruleId: string }) => d.ruleId.startsWith('index/') && d.ruleId !== 'index/kind-mismatch')).toEqual([]);
    const again = spawnSync(process.execPath, [BIN, 'init', '--root', dir], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
