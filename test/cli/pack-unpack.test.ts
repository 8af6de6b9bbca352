/** `seedcheck pack` and `seedcheck unpack` on real temporary folders. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, readFileSync, symlinkSync, existsSync, lstatSync, readdirSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain, runBin } from './helpers.js';
import { formatBundle, parseBundle } from '../../src/bundle/index.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'seedcheck-pack-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function write(rel: string, data: string | Uint8Array) {
  const p = join(tmp, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
}

/** All regular files under dir, as path → bytes (hex for comparison). */
function tree(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) tree(p, base, out);
    else if (st.isFile()) out[p.slice(base.length + 1).split('\\').join('/')] = readFileSync(p).toString('hex');
  }
  return out;
}

function sampleTree(p = '') {
  write(p + 'src/crlf.txt', 'one\r\ntwo\r\n');
  write(p + 'src/noeol.txt', 'no final newline');
  write(p + 'src/empty', '');
  write(p + 'dir with space/ünïcödé ✓.md', '# Ü\n');
  write(p + 'nested/inner.bundle', formatBundle([{ path: 'x.txt', content: 'x\n' }]));
  write(p + 'markers.txt', '=== BEGIN a ===\n==== END b ====\n');
  write(p + 'run.sh', '#!/bin/sh\necho hi\n');
  chmodSync(join(tmp, p + 'run.sh'), 0o755);
}

describe('seedcheck pack', () => {
  it('packs a folder to stdout: canonical, sorted by path bytes, integrity on every block', async () => {
    sampleTree();
    const r = await runMain(['pack', '.'], { cwd: tmp });
    expect(r.code).toBe(0);
    const b = parseBundle(r.stdout);
    expect(b.findings).toEqual([]);
    const paths = b.blocks.map((x) => x.path);
    expect(paths).toEqual([...paths].sort((a, c) => Buffer.compare(Buffer.from(a), Buffer.from(c))));
    expect(paths).toContain('dir with space/ünïcödé ✓.md');
    for (const blk of b.blocks) {
      expect(blk.attrs?.size).toBe(blk.bytes);
      expect(blk.attrs?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(r.stdout.startsWith('=== BUNDLE v1 ===\n')).toBe(true);
    expect(r.stdout.endsWith(`=== BUNDLE-END count=${b.blocks.length} ===\n`)).toBe(true);
  });

  it('skips symbolic links with a warning and never follows them', async () => {
    write('a/real.txt', 'real\n');
    write('outside/secret.txt', 'secret\n');
    symlinkSync(join(tmp, 'outside'), join(tmp, 'a', 'linkdir'));
    symlinkSync(join(tmp, 'outside', 'secret.txt'), join(tmp, 'a', 'link.txt'));
    const r = await runMain(['pack', 'a'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(parseBundle(r.stdout).blocks.map((x) => x.path)).toEqual(['real.txt']);
    expect(r.stderr).toMatch(/link/);
    expect(r.stdout).not.toContain('secret');
  });

  it('-o writes the file atomically (no temporary file left), paths relative to the folder', async () => {
    write('p/a.txt', 'a\n');
    const r = await runMain(['pack', 'p', '-o', 'out.bundle'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parseBundle(readFileSync(join(tmp, 'out.bundle'), 'utf8')).blocks.map((x) => x.path)).toEqual(['a.txt']);
    expect(readdirSync(tmp).sort()).toEqual(['out.bundle', 'p']);
  });

  it('several files: paths relative to the current folder', async () => {
    write('x/1.txt', '1\n');
    write('y/2.txt', '2\n');
    const r = await runMain(['pack', 'y/2.txt', 'x/1.txt'], { cwd: tmp });
    expect(parseBundle(r.stdout).blocks.map((x) => x.path)).toEqual(['x/1.txt', 'y/2.txt']);
  });

  it('refuses files that are not UTF-8 (exit 1, nothing written); usage errors exit 2', async () => {
    write('d/bin.dat', new Uint8Array([0xff, 0x00, 0xfe]));
    write('d/ok.txt', 'ok\n');
    const r = await runMain(['pack', 'd', '-o', 'out.bundle'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bin.dat');
    expect(existsSync(join(tmp, 'out.bundle'))).toBe(false);
    expect((await runMain(['pack'], { cwd: tmp })).code).toBe(2);
    expect((await runMain(['pack', 'missing'], { cwd: tmp })).code).toBe(2);
    expect((await runMain(['pack', '--bogus', 'd'], { cwd: tmp })).code).toBe(2);
  });
});

describe('seedcheck unpack', () => {
  it('pack then unpack gives identical bytes (CRLF, no final newline, empty, unicode, nested bundle, mode)', async () => {
    sampleTree('src-tree/');
    const src = join(tmp, 'src-tree');
    expect((await runMain(['pack', 'src-tree', '-o', 'b.txt'], { cwd: tmp })).code).toBe(0);
    const r = await runMain(['unpack', 'b.txt', '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(tree(join(tmp, 'out'))).toEqual(tree(src));
    expect(statSync(join(tmp, 'out', 'run.sh')).mode & 0o111).not.toBe(0);
  });

  it('refuses unsafe paths with file:line:col rule on stderr, writes the safe ones, exit 1', async () => {
    write('b.txt', '=== BEGIN ok.txt ===\nok\n=== END ok.txt ===\n=== BEGIN ../evil.txt ===\nx\n=== END ../evil.txt ===\n=== BEGIN /abs.txt ===\ny\n=== END /abs.txt ===\n');
    const r = await runMain(['unpack', 'b.txt', '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^b\.txt:4:11 error block\/unsafe-path /m);
    expect(r.stderr).toMatch(/^b\.txt:7:11 error block\/unsafe-path /m);
    expect(tree(join(tmp, 'out'))).toEqual({ 'ok.txt': Buffer.from('ok\n').toString('hex') });
    expect(existsSync(join(tmp, 'evil.txt'))).toBe(false);
  });

  it('never overwrites without --force; --force replaces atomically', async () => {
    write('b.txt', '=== BEGIN a.txt ===\nnew\n=== END a.txt ===\n');
    write('out/a.txt', 'old\n');
    const r = await runMain(['unpack', 'b.txt', '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(readFileSync(join(tmp, 'out/a.txt'), 'utf8')).toBe('old\n');
    const f = await runMain(['unpack', 'b.txt', '-o', 'out', '--force'], { cwd: tmp });
    expect(f.code).toBe(0);
    expect(readFileSync(join(tmp, 'out/a.txt'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(tmp, 'out'))).toEqual(['a.txt']);
  });

  it('refuses to write through a symlinked folder or onto a symlink inside the target, even with --force', async () => {
    write('elsewhere/keep.txt', 'keep\n');
    mkdirSync(join(tmp, 'out'));
    symlinkSync(join(tmp, 'elsewhere'), join(tmp, 'out', 'sub'));
    symlinkSync(join(tmp, 'elsewhere', 'keep.txt'), join(tmp, 'out', 'f.txt'));
    write('b.txt', '=== BEGIN sub/keep.txt ===\npwned\n=== END sub/keep.txt ===\n=== BEGIN f.txt ===\npwned\n=== END f.txt ===\n');
    const r = await runMain(['unpack', 'b.txt', '-o', 'out', '--force'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(readFileSync(join(tmp, 'elsewhere/keep.txt'), 'utf8')).toBe('keep\n');
    expect(lstatSync(join(tmp, 'out', 'f.txt')).isSymbolicLink()).toBe(true);
  });

  it('extracts other dialects (txtar) and refuses damaged canonical blocks', async () => {
    write('a.txtar', '-- x/a.go --\npackage a\n-- b.txt --\nb\n');
    const r = await runMain(['unpack', 'a.txtar', '-o', 'out'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, 'out/x/a.go'), 'utf8')).toBe('package a\n');
    write('bad.txt', '=== BEGIN s.txt size=99 ===\nx\n=== END s.txt ===\n=== BEGIN cut.txt ===\npartial\n');
    const d = await runMain(['unpack', 'bad.txt', '-o', 'out2'], { cwd: tmp });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/bad\.txt:1:17 error block\/size-mismatch/);
    expect(d.stderr).toMatch(/bad\.txt:4:1 error block\/unterminated/);
    expect(existsSync(join(tmp, 'out2/s.txt'))).toBe(false);
    expect(existsSync(join(tmp, 'out2/cut.txt'))).toBe(false);
  });

  it('usage errors exit 2: missing -o, unreadable bundle, not a bundle', async () => {
    write('plain.txt', 'just some prose\n');
    expect((await runMain(['unpack', 'plain.txt'], { cwd: tmp })).code).toBe(2);
    expect((await runMain(['unpack', 'nope.txt', '-o', 'o'], { cwd: tmp })).code).toBe(2);
    const r = await runMain(['unpack', 'plain.txt', '-o', 'o'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a recognised bundle/);
  });

  it('works end to end through the built bin', () => {
    write('t/a.txt', 'a\r\nb');
    const p = runBin(['pack', 't', '-o', 'b.txt'], tmp);
    expect(p.code).toBe(0);
    const u = runBin(['unpack', 'b.txt', '-o', 'o'], tmp);
    expect(u.code).toBe(0);
    expect(readFileSync(join(tmp, 'o/a.txt'), 'utf8')).toBe('a\r\nb');
  });
});
