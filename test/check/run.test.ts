import { describe, expect, it } from 'vitest';
import { memoryFs, type SeedFs } from '../../src/fs.js';
import { check, checkWithSources } from '../../src/check/run.js';
import { UsageError } from '../../src/config/types.js';
import { expectValidReport } from '../helpers/report.js';

const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.txt';
const row = (name: string, kind = 'prose') => `| ${name.slice(0, 3)} | [${name}](${name}) | ${kind} |\n`;
const INDEX = (names: string[], kinds: string[] = []) => '| # | Seed | Kind |\n|---|---|---|\n' + names.map((n, i) => row(n, kinds[i])).join('');

describe('check() orchestration', () => {
  it('applies rule overrides from config and options, and counts errors and warnings', async () => {
    const files = { [`seeds/${A}`]: 'zero\u200bwidth\n', 'seeds/002_00112233445566ff.txt': 'hello\n', 'seeds/INDEX.md': INDEX([A, '002_00112233445566ff.txt']) };
    const base = expectValidReport(await check({ fs: memoryFs(files) }));
    expect(base.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['content/invisible-char', 'warning'],
      ['layout/ordinal-gap', 'warning'],
    ]);
    expect(base.summary).toMatchObject({ errors: 0, warnings: 2 });
    const fromFile = expectValidReport(
      await check({ fs: memoryFs({ ...files, 'seedcheck.config.json': JSON.stringify({ rules: { 'layout/ordinal-gap': 'off', 'content/invisible-char': 'error' } }) }) }),
    );
    expect(fromFile.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['content/invisible-char', 'error']]);
    expect(fromFile.summary).toMatchObject({ errors: 1, warnings: 0 });
    // options.rules beats the config file.
    const flags = expectValidReport(
      await check({
        fs: memoryFs({ ...files, 'seedcheck.config.json': JSON.stringify({ rules: { 'content/invisible-char': 'error' } }) }),
        rules: { 'content/invisible-char': 'off' },
      }),
    );
    expect(flags.diagnostics.map((d) => d.ruleId)).toEqual(['layout/ordinal-gap']);
  });

  it('reads seedsDir and maxSeedBytes from the config file; options.seedsDir overrides', async () => {
    const files = { 'corpus/000_0123456789abcdef.txt': 'x'.repeat(50), 'corpus/INDEX.md': INDEX([A]), 'seedcheck.config.json': '{"seedsDir":"corpus","maxSeedBytes":10}' };
    const r = expectValidReport(await check({ fs: memoryFs(files) }));
    expect(r.seedsDir).toBe('corpus');
    expect(r.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([['content/too-large', `corpus/${A}`]]);
    await expect(check({ fs: memoryFs(files), seedsDir: 'nope' })).rejects.toBeInstanceOf(UsageError);
  });

  it('a bad config is a UsageError', async () => {
    await expect(check({ fs: memoryFs({ 'seeds/.gitkeep': '', 'seedcheck.config.json': '{"maxSeedBytes":"big"}' }) })).rejects.toBeInstanceOf(UsageError);
  });

  it('fills kind fields and summary.kinds from the classifier', async () => {
    const news =
      'WASHINGTON (AP) — The city council voted on Tuesday to approve the new budget, officials said.\n\n' +
      '"This is a good day for the city," said Mayor Jane Smith, according to a statement.\n\n' +
      'The budget includes funds for schools and roads, the council said in a report released Monday.\n';
    const r = expectValidReport(await check({ fs: memoryFs({ [`seeds/${A}`]: news, [`seeds/${B}`]: '', 'seeds/INDEX.md': INDEX([A, B], ['news', 'empty']) }) }));
    const total = Object.values(r.summary.kinds).reduce((a, b) => a + b, 0);
    expect(total).toBe(2);
    for (const s of r.seeds) {
      expect(s.kind).not.toBeNull();
      expect(r.summary.kinds[s.kind!]).toBeGreaterThan(0);
    }
    expect(r.seeds[1]!.kind).toBe('empty');
    const off = expectValidReport(await check({ fs: memoryFs({ [`seeds/${A}`]: news, 'seeds/INDEX.md': INDEX([A]) }), classify: false }));
    expect(off.seeds[0]!.kind).toBeNull();
    expect(off.summary.kinds).toEqual({});
  });

  it('detects a bundle: fills seed.bundle and reports block findings on the seed', async () => {
    const bundle = '=== BEGIN src/app.ts size=99 ===\nexport const x = 1;\n=== END src/app.ts ===\n=== BEGIN docs/a.md ===\nhello\n=== END docs/a.md ===\n';
    const r = expectValidReport(await check({ fs: memoryFs({ [`seeds/${A}`]: bundle, 'seeds/INDEX.md': INDEX([A], ['bundle']) }) }));
    const seed = r.seeds[0]!;
    expect(seed.bundle).not.toBeNull();
    expect(seed.bundle!.dialect).toBe('seedcheck');
    expect(seed.bundle!.files.map((f) => [f.path, f.line, f.endLine])).toEqual([
      ['src/app.ts', 1, 3],
      ['docs/a.md', 4, 6],
    ]);
    const sm = r.diagnostics.filter((d) => d.ruleId === 'block/size-mismatch');
    expect(sm.map((d) => [d.file, d.line])).toEqual([[`seeds/${A}`, 1]]);
  });

  it('checks at most a bounded number of seeds at once', async () => {
    const files: Record<string, string> = { 'seeds/INDEX.md': '' };
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const n = `${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
      names.push(n);
      files[`seeds/${n}`] = `seed ${i}\n`;
    }
    files['seeds/INDEX.md'] = INDEX(names);
    const mem = memoryFs(files);
    let open = 0;
    let peak = 0;
    const fs: SeedFs = {
      ...mem,
      async *readChunks(p, size) {
        open++;
        peak = Math.max(peak, open);
        try {
          await new Promise((r) => setTimeout(r, 2));
          yield* mem.readChunks(p, size);
        } finally {
          open--;
        }
      },
      async readFile(p, max) {
        open++;
        peak = Math.max(peak, open);
        try {
          await new Promise((r) => setTimeout(r, 2));
          return await mem.readFile(p, max);
        } finally {
          open--;
        }
      },
    };
    const r = expectValidReport(await check({ fs, classify: false }));
    expect(r.diagnostics).toEqual([]);
    expect(r.summary.seeds).toBe(40);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(8);
  });

  it('restricts content checks to the given paths (relative to root or cwd); others are skipped silently', async () => {
    const files = { [`seeds/${A}`]: 'a\u0007\n', [`seeds/${B}`]: 'b\u0007\n', 'seeds/INDEX.md': INDEX([A]) };
    const r = expectValidReport(await check({ fs: memoryFs(files), paths: [`./seeds/${B}`, 'README.md', '../elsewhere'] }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([
      ['content/control-char', `seeds/${B}`],
      ['index/unlisted-seed', 'seeds/INDEX.md'],
    ]);
  });

  it('checkWithSources keeps text only for files with diagnostics, up to past the first one', async () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const files = { [`seeds/${A}`]: 'clean\n', [`seeds/${B}`]: long.replace('line 5\n', 'line\u00075\n'), 'seeds/INDEX.md': INDEX([A, B]) };
    const { report, sources } = await checkWithSources({ fs: memoryFs(files) });
    expectValidReport(report);
    expect(report.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['content/control-char', 5, 5]]);
    expect([...sources.keys()]).toEqual([`seeds/${B}`]);
    const src = sources.get(`seeds/${B}`)!;
    expect(src.startsWith('line 1\nline 2\n')).toBe(true);
    expect(src.split('\n').length).toBeLessThan(12);
    // The INDEX.md source is kept when it has diagnostics.
    const r2 = await checkWithSources({ fs: memoryFs({ ...files, 'seeds/INDEX.md': INDEX([A]) }) });
    expect(r2.sources.get('seeds/INDEX.md')).toBe(INDEX([A]));
  });

  it('sources of legacy-encoded seeds are the decoded text', async () => {
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const { sources } = await checkWithSources({ fs: memoryFs({ [`seeds/${A}`]: bytes, 'seeds/INDEX.md': INDEX([A]) }) });
    expect(sources.get(`seeds/${A}`)).toBe('café\n');
  });
});

describe('streaming very large seeds', () => {
  it('checks a seed above the streaming threshold without holding it, with the same findings', async () => {
    const { limits } = await import('../../src/check/run.js');
    const text = 'A line of prose.\n'.repeat(50) + 'hidden\u202e here\r\n' + 'more prose\n'.repeat(50);
    const files = { [`seeds/${A}`]: text, 'seeds/INDEX.md': INDEX([A]) };
    const held = expectValidReport(await check({ fs: memoryFs(files) }));
    const saved = limits.streamAbove;
    limits.streamAbove = 100;
    try {
      const streamed = expectValidReport(await check({ fs: memoryFs(files) }));
      expect(streamed.diagnostics).toEqual(held.diagnostics);
      expect(streamed.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
        ['content/bidi-control', 51, 7],
        ['content/mixed-line-endings', 51, 13],
      ]);
      expect(streamed.seeds[0]).toMatchObject({ sha256: held.seeds[0]!.sha256, lines: held.seeds[0]!.lines, words: held.seeds[0]!.words });
      // A legacy-encoded streamed seed is decoded in a second streaming pass.
      const latin = new Uint8Array([...new TextEncoder().encode('caf'), 0xe9, 0x0a, 0x07, 0x0a, ...new TextEncoder().encode('plain text line\n'.repeat(20))]);
      const r = expectValidReport(await check({ fs: memoryFs({ [`seeds/${A}`]: latin, 'seeds/INDEX.md': INDEX([A]) }) }));
      expect(r.diagnostics.map((d) => [d.ruleId, d.line, d.column, (d.data as { encoding?: string } | undefined)?.encoding])).toEqual([
        ['content/invalid-utf8', 1, 4, 'windows-1252'],
        ['content/control-char', 2, 1, undefined],
      ]);
    } finally {
      limits.streamAbove = saved;
    }
  });
});
