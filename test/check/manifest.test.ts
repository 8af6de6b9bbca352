import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { memoryFs } from '../../src/fs.js';
import { check } from '../../src/check/run.js';
import { parseIndex, checkIndex, referenceProblem, type SeedFacts } from '../../src/check/manifest.js';
import { expectValidReport } from '../helpers/report.js';

const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.txt';
const TA = 'Seed A text.\n';
const TB = 'Seed B, a little longer.\n';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HEAD = '# Seeds\n\n| # | Seed | Kind |\n|---|---|---|\n'; // table header on line 3, rows from line 5
const row = (ord: string, name: string, kind = 'prose') => `| ${ord} | [${name}](${name}) | ${kind} |\n`;

async function run(indexText: string, seeds: Record<string, string> = { [A]: TA, [B]: TB }) {
  const files: Record<string, string> = { 'seeds/INDEX.md': indexText };
  for (const [k, v] of Object.entries(seeds)) files[`seeds/${k}`] = v;
  return expectValidReport(await check({ fs: memoryFs(files) }));
}
const at = (r: Awaited<ReturnType<typeof run>>, prefix = 'index/') =>
  r.diagnostics.filter((d) => d.ruleId.startsWith(prefix)).map((d) => [d.ruleId, d.line, d.column]);

describe('index rules through check()', () => {
  it('passes a complete table, with Bytes, SHA-256, Date and Language', async () => {
    const text =
      '# Seeds\n\nSome prose.\n\n| # | File | Kind | Title | Bytes | sha256 | Date | Language | Notes |\n|---|---|---|---|---|---|---|---|---|\n' +
      `| 0 | \`${A}\` | prose | A | ${TA.length} | ${sha(TA)} | 2024-02-29 | en | x |\n` +
      `| 001 | ${B} | prose:notes | B | ${TB.length} | ${sha(TB).toUpperCase()} | 2026-11-25 | eng | |\n`;
    const r = await run(text);
    expect(r.diagnostics).toEqual([]);
  });

  it('index/no-seed-table', async () => {
    expect(at(await run('# Seeds\n\nNo table here.\n'))).toEqual([['index/no-seed-table', 1, 1]]);
    const other = await run('| Name | Kind |\n|---|---|\n| a | b |\n');
    expect(other.diagnostics.find((d) => d.ruleId === 'index/no-seed-table')).toMatchObject({ line: 1, column: 1, data: { tables: 1 } });
  });

  it('index/duplicate-seed-table', async () => {
    const r = await run(HEAD + row('000', A) + row('001', B) + '\nMore:\n\n| Seed | Kind |\n|---|---|\n');
    expect(at(r)).toEqual([['index/duplicate-seed-table', 10, 1]]);
    expect(r.diagnostics[0]!.data).toEqual({ firstLine: 3 });
  });

  it('index/missing-column', async () => {
    const r = await run(`| Seed |\n|---|\n| ${A} |\n| ${B} |\n`);
    expect(at(r)).toEqual([['index/missing-column', 1, 1]]);
  });

  it('index/duplicate-column', async () => {
    const r = await run(`| Seed | Kind | kind |\n|---|---|---|\n| ${A} | prose | prose |\n| ${B} | prose | prose |\n`);
    expect(at(r)).toEqual([['index/duplicate-column', 1, 15]]);
  });

  it('index/row-cells (mdast keeps the real cell count)', async () => {
    const r = await run(HEAD + `| 000 | ${A} |\n` + row('001', B) + `| 002 | x | y | z |\n`);
    const rc = r.diagnostics.filter((d) => d.ruleId === 'index/row-cells');
    expect(rc.map((d) => [d.line, d.column, d.data])).toEqual([
      [5, 1, { expected: 3, found: 2 }],
      [7, 1, { expected: 3, found: 4 }],
    ]);
  });

  it('index/bad-reference', async () => {
    const r = await run(
      HEAD + row('000', A) + row('001', B) + '| 002 | [x](https://example.com/x.txt) | prose |\n| 003 |  | prose |\n| 004 | ../x.txt | prose |\n| 005 | /etc/x | prose |\n| 006 | sub/x.txt | prose |\n',
    );
    const br = r.diagnostics.filter((d) => d.ruleId === 'index/bad-reference');
    expect(br.map((d) => [d.line, d.column, (d.data as { reason: string }).reason])).toEqual([
      [7, 7, 'url'],
      [8, 7, 'empty'],
      [9, 7, 'parent'],
      [10, 7, 'absolute'],
      [11, 7, 'outside'],
    ]);
    expect(referenceProblem('C:\\x.txt')).toBe('absolute');
    expect(referenceProblem('000_0123456789abcdef.txt')).toBeNull();
  });

  it('index/missing-seed and index/unlisted-seed', async () => {
    const r = await run(HEAD + row('000', A) + row('001', '001_ffffffffffffffff.txt') + '\nAfter.\n');
    expect(at(r)).toEqual([
      ['index/missing-seed', 6, 7],
      ['index/unlisted-seed', 7, 1],
    ]);
    expect(r.diagnostics.find((d) => d.ruleId === 'index/unlisted-seed')!.data).toEqual({ name: B });
  });

  it('index/duplicate-entry', async () => {
    const r = await run(HEAD + row('000', A) + row('001', B) + row('000', A));
    expect(at(r)).toEqual([['index/duplicate-entry', 7, 7]]);
    expect(r.diagnostics[0]!.data).toEqual({ name: A, firstLine: 5 });
  });

  it('index/link-text-mismatch', async () => {
    const r = await run(HEAD + `| 000 | [intro](${A}) | prose |\n` + row('001', B));
    expect(at(r)).toEqual([['index/link-text-mismatch', 5, 7]]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', data: { text: 'intro', target: A } });
  });

  it('index/ordinal-mismatch and index/bad-cell for #', async () => {
    const r = await run(HEAD + row('007', A) + row('one', B));
    expect(at(r)).toEqual([
      ['index/ordinal-mismatch', 5, 1],
      ['index/bad-cell', 6, 1],
    ]);
    expect(r.diagnostics[0]!.data).toEqual({ declared: '007', actual: 0 });
  });

  it('index/unsorted', async () => {
    const r = await run(HEAD + row('001', B) + row('000', A));
    expect(at(r)).toEqual([['index/unsorted', 6, 1]]);
    expect(r.diagnostics[0]!.data).toEqual({ name: A, previous: B });
  });

  it('index/unknown-kind', async () => {
    const r = await run(HEAD + row('000', A, 'article') + row('001', B, 'code:python'));
    expect(at(r)).toEqual([['index/unknown-kind', 5, 62]]);
  });

  it('index/size-mismatch, index/digest-mismatch and index/bad-cell for Bytes, SHA-256, Date, Language', async () => {
    const head = '| Seed | Kind | Bytes | SHA-256 | Date | Language |\n|---|---|---|---|---|---|\n';
    const r = await run(
      head +
        `| ${A} | prose | 10 | ${'0'.repeat(64)} | 2024-02-30 | english |\n` +
        `| ${B} | prose | 1k | abc | 25/11/2026 | en |\n`,
    );
    expect(at(r)).toEqual([
      ['index/size-mismatch', 3, 36],
      ['index/digest-mismatch', 3, 41],
      ['index/bad-cell', 3, 108],
      ['index/bad-cell', 3, 121],
      ['index/bad-cell', 4, 36],
      ['index/bad-cell', 4, 41],
      ['index/bad-cell', 4, 47],
    ]);
    expect(r.diagnostics[0]!.data).toEqual({ declared: '10', actual: TA.length });
    expect(r.diagnostics[1]!.data).toEqual({ declared: '0'.repeat(64), actual: sha(TA) });
  });

  it('checks digests of seeds outside the given paths too', async () => {
    const files = {
      'seeds/INDEX.md': `| Seed | Kind | SHA-256 |\n|---|---|---|\n| ${A} | prose | ${sha(TA)} |\n| ${B} | prose | ${'1'.repeat(64)} |\n`,
      [`seeds/${A}`]: TA + '\u0007',
      [`seeds/${B}`]: TB,
    };
    const r = expectValidReport(await check({ fs: memoryFs(files), paths: [`seeds/${B}`, 'elsewhere/x.txt'] }));
    // A is not content-checked (its control char is not reported), but its changed digest is.
    expect(r.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['index/digest-mismatch', 3],
      ['index/digest-mismatch', 4],
    ]);
    expect(r.seeds.find((s) => s.path === `seeds/${A}`)!.kind).toBeNull();
  });

  it('positions are UTF-16 columns, with CRLF and a BOM', async () => {
    const text = '\ufeff# Séeds 😀\r\n\r\n| Seed | Kind |\r\n|---|---|\r\n| [😀x](' + A + ') | prose |\r\n| ' + B + ' | nope |\r\n';
    const r = await run(text);
    expect(at(r)).toEqual([
      ['index/link-text-mismatch', 5, 1],
      ['index/unknown-kind', 6, 28],
    ]);
  });
});

describe('index/kind-mismatch', () => {
  const facts = (kind: string, subtype: string | null, confidence: number): Map<string, SeedFacts> =>
    new Map([[A, { ordinal: 0, size: 1, sha256: null, detected: { kind, subtype, confidence } }]]);
  const run2 = (cell: string, kind: string, subtype: string | null, confidence: number) =>
    checkIndex(parseIndex(`| Seed | Kind |\n|---|---|\n| ${A} | ${cell} |\n`), { file: 'seeds/INDEX.md', entries: new Map([[A, 'file']]), seeds: facts(kind, subtype, confidence) }).map((f) => [
      f.ruleId,
      f.line,
      f.column,
    ]);
  it('warns only when detection is confident and the kind (or subtype) differs', () => {
    expect(run2('code', 'news', null, 0.9)).toEqual([['index/kind-mismatch', 3, 28]]);
    expect(run2('code', 'news', null, 0.5)).toEqual([]);
    expect(run2('news', 'news', 'wire', 0.9)).toEqual([]);
    expect(run2('code:python', 'code', 'go', 0.85)).toEqual([['index/kind-mismatch', 3, 28]]);
    expect(run2('code:python', 'code', 'python', 0.85)).toEqual([]);
  });
});

describe('parseIndex', () => {
  it('gives exact offsets of tables, rows and cells', () => {
    const text = '\ufeffIntro\n\n| # | Seed | Kind |\n| --- | --- | --- |\n| 000 | `' + A + '` |  prose  |\n| 001 | ' + B + ' |\n\nTail\n';
    const p = parseIndex(text);
    const t = p.table!;
    expect(p.bomLength).toBe(1);
    expect(t.line).toBe(3);
    expect(t.columns).toEqual({ ordinal: 0, seed: 1, kind: 2 });
    expect(text.slice(t.headerLineStart, t.delimiterLineStart)).toBe('| # | Seed | Kind |\n');
    expect(text.slice(t.delimiterLineStart, t.delimiterLineEnd)).toBe('| --- | --- | --- |\n');
    const [r0, r1] = t.rows;
    expect(text.slice(r0!.lineStart, r0!.lineEnd)).toBe('| 000 | `' + A + '` |  prose  |\n');
    expect(text.slice(r0!.start, r0!.end)).toBe('| 000 | `' + A + '` |  prose  |');
    const k = r0!.cell.kind!;
    expect(text.slice(k.contentStart, k.contentEnd)).toBe('prose');
    expect(text.slice(r0!.cell.seed!.contentStart, r0!.cell.seed!.contentEnd)).toBe('`' + A + '`');
    expect(r0!.seed).toMatchObject({ name: A, form: 'code', problem: null });
    expect(r0!.kind).toEqual({ raw: 'prose', kind: 'prose', subtype: null });
    expect(r1!.cells).toHaveLength(2);
    expect(r1!.seed).toMatchObject({ name: B, form: 'text' });
    expect(text.slice(t.end, t.end + 1)).toBe('\n');
    expect(p.eol).toBe('\n');
  });
});

describe('parseIndex and checkIndex on arbitrary input', () => {
  it('never throw, and keep every position inside the text', async () => {
    const fc = (await import('fast-check')).default;
    const { LineIndex } = await import('../../src/check/text.js');
    const piece = fc.constantFrom('|', ' | ', '---', ':--', '\n', '\r\n', '\r', 'Seed', 'Kind', '#', 'File', 'Bytes', 'SHA-256', '`', '[', ']', '(', ')', '\\|', A, 'prose', '> ', '- ', '```\n', '\ufeff', '😀', 'é', '0', '12');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const p = parseIndex(text);
        const body = text.slice(p.bomLength);
        const lines = new LineIndex(body);
        const findings = checkIndex(p, { file: 'seeds/INDEX.md', entries: new Map([[A, 'file']]), seeds: new Map([[A, { ordinal: 0, size: 1, sha256: null, detected: null }]]) });
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.lineCount);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines.lineText(f.line).length + 1);
        }
        for (const t of p.seedTables) {
          for (const r of t.rows) {
            expect(r.lineStart).toBeLessThanOrEqual(r.start);
            expect(r.end).toBeLessThanOrEqual(r.lineEnd);
            expect(r.lineEnd).toBeLessThanOrEqual(text.length);
            for (const c of r.cells) {
              expect(c.start).toBeLessThanOrEqual(c.contentStart);
              expect(c.contentStart).toBeLessThanOrEqual(c.contentEnd);
              expect(c.contentEnd).toBeLessThanOrEqual(c.end);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
