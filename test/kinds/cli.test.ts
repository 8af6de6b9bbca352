import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { main } from '../../src/cli/main.js';
import { memoryFs } from '../../src/fs.js';
import { KindsReportSchema } from '../../src/report/schema.js';
import * as F from './fixtures.js';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, stdoutIsTTY: false, stderrIsTTY: false },
    out: () => out,
    err: () => err,
  };
}

const files = {
  '/p/news.txt': F.NEWS,
  '/p/LICENSE': F.LEGAL_MIT,
  '/p/evil.md': '# Title \u001b[31mred\u001b[0m \u202e\n\n' + F.PROSE,
};

describe('seedcheck kinds', () => {
  it('prints a table of path, kind, subtype, confidence and title', async () => {
    const c = capture();
    const code = await main(['kinds', 'news.txt', 'LICENSE'], { ...c.io, cwd: '/p', fs: memoryFs(files) });
    expect(code).toBe(0);
    const lines = c.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PATH\s+KIND\s+SUBTYPE\s+CONF\s+TITLE$/);
    expect(lines[1]).toMatch(/^news\.txt\s+news\s+\S+\s+0\.\d\d\s+Harbour town votes/);
    expect(lines[2]).toMatch(/^LICENSE\s+legal\s+mit\s+0\.\d\d\s+MIT License$/);
  });

  it('--explain prints the evidence and the runner-up', async () => {
    const c = capture();
    await main(['kinds', '--explain', 'news.txt'], { ...c.io, cwd: '/p', fs: memoryFs(files) });
    expect(c.out()).toMatch(/- dateline "PORTWELL \(Coastal Press\) —" \(line 3\)/);
    expect(c.out()).toMatch(/runner-up: \w+ \(0\.\d\d\)/);
  });

  it('--format json follows KindsReportSchema, with the path as given and the sha256', async () => {
    const c = capture();
    const code = await main(['kinds', '--format', 'json', 'news.txt'], { ...c.io, cwd: '/p', fs: memoryFs(files) });
    expect(code).toBe(0);
    const report = KindsReportSchema.parse(JSON.parse(c.out()));
    expect(report.version).toBe(1);
    const f = report.files[0]!;
    expect(f.path).toBe('news.txt');
    expect(f.kind).toBe('news');
    expect(f.sha256).toBe(createHash('sha256').update(F.NEWS).digest('hex'));
    expect(f.bytes).toBe(Buffer.byteLength(F.NEWS));
  });

  it('sanitises text from the file', async () => {
    const c = capture();
    await main(['kinds', '--explain', 'evil.md'], { ...c.io, cwd: '/p', fs: memoryFs(files) });
    expect(c.out()).not.toMatch(/[\u001b\u202e]/);
    expect(c.out()).toContain('\\x1b');
  });

  it('exits 2 with one line on stderr for a missing file, no files, or a bad format', async () => {
    for (const args of [['kinds', 'nope.txt'], ['kinds'], ['kinds', '--format', 'sarif', 'news.txt'], ['kinds', '--bogus', 'news.txt']]) {
      const c = capture();
      const code = await main(args, { ...c.io, cwd: '/p', fs: memoryFs(files) });
      expect(code).toBe(2);
      expect(c.out()).toBe('');
      expect(c.err().trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('hashes all of a large file but classifies only its head and tail (real disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-kinds-'));
    const big = F.NEWS + 'filler words for the middle part of the file\n'.repeat(80_000) + F.NEWS;
    writeFileSync(join(dir, 'big.txt'), big);
    const c = capture();
    const code = await main(['kinds', '--format', 'json', 'big.txt'], { ...c.io, cwd: dir });
    expect(code).toBe(0);
    const f = JSON.parse(c.out()).files[0];
    expect(f.bytes).toBe(Buffer.byteLength(big));
    expect(f.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(f.evidence.some((e: string) => e.includes('first and last 64 KiB'))).toBe(true);
  });
});

describe('seedcheck kinds, end to end (built bin)', () => {
  it('classifies files on disk and exits 0; exits 2 with one stderr line for a missing file', async () => {
    const { runBin } = await import('../cli/helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-kinds-bin-'));
    writeFileSync(join(dir, 'story.txt'), F.NEWS);
    writeFileSync(join(dir, 'LICENSE'), F.LEGAL_MIT);
    const ok = runBin(['kinds', '--format', 'json', 'story.txt', 'LICENSE'], dir);
    expect(ok.code).toBe(0);
    const report = KindsReportSchema.parse(JSON.parse(ok.stdout));
    expect(report.files.map((f) => [f.path, f.kind, f.subtype])).toEqual([
      ['story.txt', 'news', null],
      ['LICENSE', 'legal', 'mit'],
    ]);
    const bad = runBin(['kinds', 'missing.txt'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
