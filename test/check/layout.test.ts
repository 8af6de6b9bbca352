import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryFs } from '../../src/fs.js';
import { check } from '../../src/check/run.js';
import { UsageError } from '../../src/config/types.js';
import { globToRegExp } from '../../src/check/glob.js';
import { expectValidReport } from '../helpers/report.js';

const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.txt';
const C = '002_00112233445566ff.txt';
const TEXT = 'Hello, seeds. This is a seed.\n';

function index(names: string[]): string {
  const rows = names.map((n) => `| ${n.slice(0, 3)} | [${n}](${n}) | prose |`).join('\n');
  return `# Seeds\n\n| # | Seed | Kind |\n|---|---|---|\n${rows}\n`;
}

async function run(files: Record<string, string | Uint8Array | { symlink: string } | { unreadable: true }>, extra: Parameters<typeof check>[0] = {}) {
  const report = expectValidReport(await check({ fs: memoryFs(files), ...extra }));
  return report;
}

const ids = (r: { diagnostics: { ruleId: string }[] }) => r.diagnostics.map((d) => d.ruleId);
const diag = (r: Awaited<ReturnType<typeof run>>, id: string) => r.diagnostics.filter((d) => d.ruleId === id);

describe('layout', () => {
  it('passes a clean folder', async () => {
    const r = await run({ [`seeds/${A}`]: TEXT, [`seeds/${B}`]: TEXT, 'seeds/INDEX.md': index([A, B]), 'seeds/README.md': '# x', 'seeds/.gitkeep': '' });
    expect(r.diagnostics).toEqual([]);
    expect(r.summary.seeds).toBe(2);
    expect(r.seeds.map((s) => [s.path, s.ordinal, s.id])).toEqual([
      [`seeds/${A}`, 0, '0123456789abcdef'],
      [`seeds/${B}`, 1, 'fedcba9876543210'],
    ]);
  });

  it('layout/missing-index', async () => {
    const r = await run({ [`seeds/${A}`]: TEXT });
    expect(ids(r)).toEqual(['layout/missing-index']);
    expect(diag(r, 'layout/missing-index')[0]).toMatchObject({ file: 'seeds/INDEX.md', line: 1, column: 1 });
    const ok = await run({ 'seeds/.gitkeep': '' });
    expect(ok.diagnostics).toEqual([]);
  });

  it('layout/bad-seed-name', async () => {
    const r = await run({ [`seeds/${A}`]: TEXT, 'seeds/notes.txt': 'x', 'seeds/000_0123456789ABCDEF.txt': 'x', 'seeds/INDEX.md': index([A]) });
    expect(diag(r, 'layout/bad-seed-name').map((d) => [d.file, d.line, d.column])).toEqual([
      ['seeds/000_0123456789ABCDEF.txt', 1, 1],
      ['seeds/notes.txt', 1, 1],
    ]);
    const ok = await run({ [`seeds/${A}`]: TEXT, 'seeds/notes.txt': 'x', 'seeds/INDEX.md': index([A]) }, { config: { ignore: ['*.txt.bak', 'notes.*'] } });
    expect(ok.diagnostics).toEqual([]);
  });

  it('honours a custom namePattern', async () => {
    const files = { 'seeds/a-1.md': TEXT, 'seeds/INDEX.md': '| # | Seed | Kind |\n|---|---|---|\n| 1 | a-1.md | prose |\n' };
    const r = await run(files, { config: { namePattern: '^(?<id>[a-z])-(?<ordinal>\\d+)\\.(?<ext>md)$' } });
    expect(ids(r)).toEqual(['layout/ordinal-gap']);
    expect(r.seeds[0]).toMatchObject({ ordinal: 1, id: 'a' });
  });

  it('layout/duplicate-ordinal and layout/duplicate-id', async () => {
    const dupOrd = '001_aaaaaaaaaaaaaaaa.md';
    const dupId = '002_0123456789abcdef.md';
    const r = await run({ [`seeds/${A}`]: TEXT, [`seeds/${B}`]: TEXT, [`seeds/${dupOrd}`]: TEXT, [`seeds/${dupId}`]: TEXT, 'seeds/INDEX.md': index([A, B, dupOrd, dupId]) });
    const o = diag(r, 'layout/duplicate-ordinal');
    expect(o).toHaveLength(1);
    // Sorted by name, the second of the two carries the finding.
    expect(o[0]).toMatchObject({ file: `seeds/${B}`, line: 1, column: 1, data: { ordinal: 1, other: `seeds/${dupOrd}` } });
    const i = diag(r, 'layout/duplicate-id');
    expect(i).toHaveLength(1);
    expect(i[0]).toMatchObject({ file: `seeds/${dupId}`, line: 1, column: 1, data: { id: '0123456789abcdef', other: `seeds/${A}` } });
  });

  it('layout/ordinal-gap', async () => {
    const r = await run({ [`seeds/${A}`]: TEXT, [`seeds/${C}`]: TEXT, 'seeds/INDEX.md': index([A, C]) });
    expect(ids(r)).toEqual(['layout/ordinal-gap']);
    expect(r.diagnostics[0]).toMatchObject({ file: `seeds/${C}`, line: 1, column: 1, severity: 'warning', data: { expected: 1, found: 2 } });
    const startsAt1 = await run({ [`seeds/${B}`]: TEXT, 'seeds/INDEX.md': index([B]) });
    expect(diag(startsAt1, 'layout/ordinal-gap')[0]).toMatchObject({ data: { expected: 0, found: 1 } });
  });

  it('layout/nested-dir', async () => {
    const r = await run({ [`seeds/${A}`]: TEXT, 'seeds/extra/x.txt': 'x', 'seeds/INDEX.md': index([A]) });
    expect(ids(r)).toEqual(['layout/nested-dir']);
    expect(r.diagnostics[0]).toMatchObject({ file: 'seeds/extra', line: 1, column: 1 });
    const ignored = await run({ [`seeds/${A}`]: TEXT, 'seeds/extra/x.txt': 'x', 'seeds/INDEX.md': index([A]) }, { config: { ignore: ['extra/**'] } });
    expect(ignored.diagnostics).toEqual([]);
  });

  it('layout/symlink and layout/unreadable (memory fs)', async () => {
    const r = await run({ [`seeds/${A}`]: { symlink: '../x' }, [`seeds/${B}`]: { unreadable: true }, 'seeds/INDEX.md': index([B]) });
    expect(diag(r, 'layout/symlink')[0]).toMatchObject({ file: `seeds/${A}`, line: 1, column: 1 });
    expect(diag(r, 'layout/unreadable')[0]).toMatchObject({ file: `seeds/${B}`, line: 1, column: 1 });
    const b = r.seeds.find((s) => s.path === `seeds/${B}`)!;
    expect(b.kind).toBeNull();
    expect(b.sha256).toBeNull();
  });

  it('a missing seeds folder is a UsageError', async () => {
    await expect(check({ fs: memoryFs({ 'README.md': 'x' }) })).rejects.toBeInstanceOf(UsageError);
    await expect(check({ fs: memoryFs({ 'seeds': 'not a folder' }) })).rejects.toThrow(/no seeds folder at seeds/);
    const r = await run({ 'corpus/.gitkeep': '' }, { seedsDir: 'corpus' });
    expect(r.seedsDir).toBe('corpus');
  });
});

describe('layout on a real disk', () => {
  it('reports symlinks without following them, and unreadable seeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-layout-'));
    try {
      const seeds = join(dir, 'seeds');
      mkdirSync(seeds);
      writeFileSync(join(dir, 'target.txt'), TEXT);
      writeFileSync(join(seeds, A), TEXT);
      symlinkSync('../target.txt', join(seeds, B));
      writeFileSync(join(seeds, C), TEXT);
      chmodSync(join(seeds, C), 0o000);
      writeFileSync(join(seeds, 'INDEX.md'), index([A, B, C]));
      const r = expectValidReport(await check({ root: dir }));
      expect(r.root).toBe(dir);
      expect(diag(r, 'layout/symlink').map((d) => [d.file, d.line, d.column])).toEqual([[`seeds/${B}`, 1, 1]]);
      // root can read anything: only assert unreadable when permissions are enforced.
      if (process.getuid?.() !== 0) expect(diag(r, 'layout/unreadable').map((d) => d.file)).toEqual([`seeds/${C}`]);
      // The symlink is not a seed: its row names an existing entry, so no missing-seed either.
      expect(r.seeds.map((s) => s.path)).toEqual([`seeds/${A}`, `seeds/${C}`]);
      expect(ids(r)).not.toContain('index/missing-seed');
    } finally {
      chmodSync(join(dir, 'seeds', C), 0o644);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('globToRegExp', () => {
  it('matches *, ** and ?', () => {
    expect(globToRegExp('*.bak').test('a.bak')).toBe(true);
    expect(globToRegExp('*.bak').test('x/a.bak')).toBe(true);
    expect(globToRegExp('drafts/*.md').test('drafts/a.md')).toBe(true);
    expect(globToRegExp('drafts/*.md').test('drafts/x/a.md')).toBe(false);
    expect(globToRegExp('drafts/**').test('drafts')).toBe(true);
    expect(globToRegExp('drafts/**/*.md').test('drafts/x/y/a.md')).toBe(true);
    expect(globToRegExp('a?.txt').test('ab.txt')).toBe(true);
    expect(globToRegExp('a?.txt').test('a/.txt')).toBe(false);
    expect(globToRegExp('a.txt').test('abtxt')).toBe(false);
  });
});

describe('absolute seeds folder', () => {
  it('reads an absolute --seeds-dir and reports paths relative to the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-abs-'));
    try {
      mkdirSync(join(dir, 'corpus'));
      writeFileSync(join(dir, 'corpus', A), TEXT);
      writeFileSync(join(dir, 'corpus', 'INDEX.md'), index([A]));
      const r = expectValidReport(await check({ root: dir, seedsDir: join(dir, 'corpus') }));
      expect(r.seedsDir).toBe('corpus');
      expect(r.seeds.map((s) => s.path)).toEqual([`corpus/${A}`]);
      expect(r.diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
