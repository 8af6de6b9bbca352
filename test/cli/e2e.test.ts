/**
 * End-to-end: the built bin (dist/, built by `npm test`'s build step) run as
 * a subprocess in temporary folders. Asserts exit codes, streams and rule ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBin, cleanFiles, REPO } from './helpers.js';

let tmp: string;
const dirs: string[] = [];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmp, 'p-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function broken(): Record<string, string> {
  const f = cleanFiles();
  f['seeds/000_0123456789abcdef.txt'] = 'changed \u202E text\n\x1b[2J\x1b]0;title\x07 clear\r\n' + f['seeds/000_0123456789abcdef.txt'];
  f['seeds/stray.txt'] = 'not a seed name\n';
  return f;
}

function gapOnly(): Record<string, string> {
  const f = cleanFiles();
  const b = '001_fedcba9876543210.txt';
  const c = '003_fedcba9876543210.txt';
  f[`seeds/${c}`] = f[`seeds/${b}`]!;
  delete f[`seeds/${b}`];
  f['seeds/INDEX.md'] = f['seeds/INDEX.md']!.replaceAll(b, c).replace('| 001 |', '| 003 |');
  return f;
}

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  tmp = mkdtempSync(join(tmpdir(), 'seedcheck-e2e-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('seedcheck (built bin)', () => {
  it('exit 0 on a clean folder, one line on stdout, nothing on stderr', () => {
    const r = runBin([], project(cleanFiles()));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exit 1 with findings; rule ids on stdout', () => {
    const r = runBin([], project(broken()));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    for (const id of ['content/bidi-control', 'index/digest-mismatch', 'index/size-mismatch', 'layout/bad-seed-name']) expect(r.stdout).toContain(id);
    // The seed's bidi control and escape sequences are shown escaped, never raw.
    expect(r.stdout).not.toContain('\u202E');
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).not.toContain('\x07');
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('content/control-char');
  });

  it('exit 2 for an unknown flag: one line on stderr, no stack trace', () => {
    const r = runBin(['--frobnicate'], project(cleanFiles()));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--frobnicate');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exit 2 for a missing seeds folder', () => {
    const r = runBin([], project({ 'README.md': 'hello\n' }));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('seeds');
  });

  it('exit 2 for an invalid config, naming the key', () => {
    const dir = project({ ...cleanFiles(), 'seedcheck.config.json': '{ "maxSeedBytes": "big" }' });
    const r = runBin([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('maxSeedBytes');
    const pkg = project({ ...cleanFiles(), 'package.json': '{ "name": "x", "seedcheck": { "rules": { "nope/rule": "off" } } }' });
    const r2 = runBin([], pkg);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('seedcheck.rules["nope/rule"]');
    const bad = project({ ...cleanFiles(), 'seedcheck.config.json': '{\n  "seedsDir": "seeds",\n}\n' });
    const r3 = runBin([], bad);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('seedcheck.config.json:3:1');
  });

  it('--format json=out.json writes a report file', () => {
    const dir = project(broken());
    const r = runBin(['--format', 'json=out.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const rep = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(rep.version).toBe(1);
    expect(rep.summary.errors).toBeGreaterThan(0);
    expect(rep.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('content/bidi-control');
  });

  it('an output file in a missing folder is exit 2 with one line', () => {
    const r = runBin(['--format', 'json=no/such/dir/out.json'], project(cleanFiles()));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no/such/dir/out.json');
  });

  it('--format json to stdout is pure JSON', () => {
    const r = runBin(['--format', 'json'], project(cleanFiles()));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ seeds: 2, errors: 0, warnings: 0 });
  });

  it('--max-warnings turns warnings into exit 1', () => {
    const dir = project(gapOnly());
    const plain = runBin([], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('layout/ordinal-gap');
    expect(runBin(['--max-warnings', '0'], dir).code).toBe(1);
    expect(runBin(['--max-warnings', '1'], dir).code).toBe(0);
  });

  it('--rule ID=SEVERITY overrides the default', () => {
    const dir = project(gapOnly());
    expect(runBin(['--rule', 'layout/ordinal-gap=error'], dir).code).toBe(1);
    const off = runBin(['--rule', 'layout/ordinal-gap=off', '--max-warnings', '0'], dir);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('layout/ordinal-gap');
  });

  it('honours NO_COLOR and FORCE_COLOR', () => {
    const dir = project(broken());
    expect(runBin([], dir).stdout).not.toContain('\x1b[');
    expect(runBin([], dir, { FORCE_COLOR: '1' }).stdout).toContain('\x1b[');
    expect(runBin([], dir, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\x1b[');
    expect(runBin(['--color'], dir).stdout).toContain('\x1b[');
  });

  it('--root runs from anywhere', () => {
    const dir = project(broken());
    const r = runBin(['--root', dir, '-f', 'json'], tmp);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.length).toBeGreaterThan(0);
  });

  it('--version, --help and rules', () => {
    const dir = project(cleanFiles());
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(runBin(['--version'], dir).stdout.trim()).toBe(pkg.version);
    const help = runBin(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
    const rules = runBin(['rules'], dir);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toContain('layout/missing-index');
    const one = runBin(['rules', 'content/tag-char'], dir);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('#contenttag-char');
    const bad = runBin(['rules', 'content/tag-chars'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('content/tag-char');
  });
});

describe("the project's own seeds/", () => {
  it('npx seedcheck in the repository exits 0', () => {
    const r = runBin([], REPO);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('✔');
    expect(r.code).toBe(0);
  });
});
