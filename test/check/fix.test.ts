import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { memoryFs, type SeedFs } from '../../src/fs.js';
import { fixIndex, initIndex, cellText, seedLink } from '../../src/check/fix.js';
import { check } from '../../src/check/run.js';
import { parseIndex } from '../../src/check/manifest.js';
import { UsageError } from '../../src/config/types.js';

const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.md';
const C = '002_aaaaaaaaaaaaaaaa.txt';
const D = '003_bbbbbbbbbbbbbbbb.txt';
const GONE = '004_cccccccccccccccc.txt';

const TEXT: Record<string, string> = {
  [A]: 'The first seed.\nIt has two lines.\n',
  [B]: '# Second\n\nA markdown seed with a heading.\n',
  [C]: 'Third seed text, plain.\n',
  [D]: 'Fourth seed | with a pipe.\n',
};

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const size = (s: string) => Buffer.byteLength(s);
const link = (n: string) => `[${n}](${n})`;
const row = (n: string, over: Partial<{ ord: string; kind: string; title: string; bytes: string; digest: string }> = {}) =>
  `| ${over.ord ?? n.slice(0, 3)} | ${link(n)} | ${over.kind ?? 'prose'} | ${over.title ?? 'T'} | ${over.bytes ?? size(TEXT[n]!)} | ${over.digest ?? sha(TEXT[n]!)} |`;

const HEAD = '| # | Seed | Kind | Title | Bytes | SHA-256 |\n|---|------|------|-------|------:|---------|\n';
const BEFORE = '# Seeds\n\nSome prose *before* the table, with a | pipe\nand trailing spaces   \n\n| Other | Table |\n|---|---|\n| x | y |\n\n';
const AFTER = '\n## Notes\n\n- a list item\n- | not a table |\n\n```\n| Seed | Kind |\n```\n';

/** Index-rule ids a fix is meant to remove (SPEC §6, --fix). */
const FIXABLE = new Set([
  'layout/missing-index',
  'index/no-seed-table',
  'index/unlisted-seed',
  'index/missing-seed',
  'index/duplicate-entry',
  'index/ordinal-mismatch',
  'index/unsorted',
  'index/size-mismatch',
  'index/digest-mismatch',
]);

function project(index: string | null, seeds: string[] = [A, B, C, D], extra: Record<string, string | Uint8Array> = {}): SeedFs {
  const files: Record<string, string | Uint8Array> = { ...extra };
  for (const s of seeds) files[`seeds/${s}`] = TEXT[s]!;
  if (index !== null) files['seeds/INDEX.md'] = index;
  return memoryFs(files);
}

async function readIndex(fs: SeedFs): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await fs.readFile('seeds/INDEX.md'));
}

async function fixableLeft(fs: SeedFs): Promise<string[]> {
  const report = await check({ fs, root: '.' });
  return report.diagnostics
    .filter((d) => FIXABLE.has(d.ruleId) || (d.ruleId === 'index/bad-cell' && /^(#|Bytes|SHA-256)$/.test(String(d.data?.column))))
    .map((d) => `${d.ruleId}@${d.line}:${d.column}`);
}

/** Run --fix twice: returns the first result and the text; asserts the second run is a no-op. */
async function fixTwice(fs: SeedFs) {
  const first = await fixIndex({ fs, root: '.' });
  const text = await readIndex(fs);
  const second = await fixIndex({ fs, root: '.' });
  expect(second.changes).toEqual([]);
  expect(await readIndex(fs)).toBe(text);
  expect(await fixableLeft(fs)).toEqual([]);
  return { changes: first.changes, text, file: first.file };
}

function tableLines(text: string): string[] {
  const t = parseIndex(text).table!;
  return t.rows.map((r) => text.slice(r.lineStart, r.lineEnd).replace(/\r?\n$/, ''));
}

describe('fixIndex', () => {
  it('adds rows for unlisted seeds and keeps every byte outside the table', async () => {
    const original = BEFORE + HEAD + row(A) + '\n' + row(B) + '\n' + AFTER;
    const fs = project(original);
    const before = await fixableLeft(fs);
    expect(before.filter((x) => x.startsWith('index/unlisted-seed'))).toHaveLength(2);
    const { changes, text, file } = await fixTwice(fs);
    expect(file).toBe('seeds/INDEX.md');
    expect(changes.filter((c) => c.startsWith('added row for'))).toHaveLength(2);
    expect(changes.some((c) => c.includes(C))).toBe(true);
    expect(text.startsWith(BEFORE + HEAD + row(A) + '\n' + row(B) + '\n')).toBe(true);
    expect(text.endsWith('\n' + AFTER)).toBe(true);
    const rows = tableLines(text);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toContain(`| 002 | ${link(C)} |`);
    expect(rows[2]).toContain(`| ${size(TEXT[C]!)} | ${sha(TEXT[C]!)} |`);
    // The pipe in D's text does not break its row (the title, if any, is escaped).
    expect(parseIndex(text).table!.rows[3]!.cells).toHaveLength(6);
  });

  it('drops rows whose files are gone, and later rows that repeat a seed', async () => {
    const gone = `| 004 | ${link(GONE)} | prose | gone | 5 | ${'0'.repeat(64)} |`;
    const original = BEFORE + HEAD + row(A) + '\n' + gone + '\n' + row(B) + '\n' + row(C) + '\n' + row(D) + '\n' + row(A, { title: 'again' }) + '\n' + AFTER;
    const fs = project(original);
    const { changes, text } = await fixTwice(fs);
    expect(changes.some((c) => c.includes(GONE) && c.startsWith('removed row'))).toBe(true);
    expect(changes.some((c) => c.includes(A) && c.startsWith('removed row'))).toBe(true);
    expect(text).toBe(BEFORE + HEAD + [row(A), row(B), row(C), row(D)].join('\n') + '\n' + AFTER);
  });

  it('corrects ordinals, Bytes and SHA-256 cells (wrong, malformed or empty) in place', async () => {
    const rows = [
      row(A, { ord: '007' }),
      row(B, { bytes: '9999' }),
      row(C, { digest: 'f'.repeat(64) }),
      row(D, { bytes: 'abc', digest: '' }),
    ];
    const original = BEFORE + HEAD + rows.join('\n') + '\n' + AFTER;
    const fs = project(original);
    const ids = (await fixableLeft(fs)).map((x) => x.split('@')[0]);
    expect(ids).toEqual(expect.arrayContaining(['index/ordinal-mismatch', 'index/size-mismatch', 'index/digest-mismatch', 'index/bad-cell']));
    const { changes, text } = await fixTwice(fs);
    expect(changes).toEqual(
      expect.arrayContaining([
        `corrected # of ${A}: 007 → 000`,
        `corrected Bytes of ${B}: 9999 → ${size(TEXT[B]!)}`,
        `corrected SHA-256 of ${C}`,
        `corrected Bytes of ${D}: abc → ${size(TEXT[D]!)}`,
        `filled SHA-256 of ${D}`,
      ]),
    );
    expect(text).toBe(BEFORE + HEAD + [row(A), row(B), row(C), row(D)].join('\n') + '\n' + AFTER);
  });

  it('accepts 0 for 000 and upper-case digests (no change where check finds none)', async () => {
    const original = HEAD + row(A, { ord: '0', digest: sha(TEXT[A]!).toUpperCase() }) + '\n';
    const fs = project(original, [A]);
    const res = await fixIndex({ fs, root: '.' });
    expect(res.changes).toEqual([]);
    expect(await readIndex(fs)).toBe(original);
  });

  it('sorts rows by ordinal, keeping rows that name no seed after the row they followed', async () => {
    const note = '|  | [see also](https://example.com/x) | docs | not a seed | | |';
    const original = BEFORE + HEAD + [row(C), row(A), note, row(D), row(B)].join('\n') + '\n' + AFTER;
    const fs = project(original);
    const { changes, text } = await fixTwice(fs);
    expect(changes).toContain('sorted rows by ordinal');
    expect(text).toBe(BEFORE + HEAD + [row(A), note, row(B), row(C), row(D)].join('\n') + '\n' + AFTER);
  });

  it('keeps CRLF line endings and writes new rows with CRLF', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const original = crlf(BEFORE + HEAD + row(B) + '\n' + row(A, { bytes: '1' }) + '\n' + AFTER);
    const fs = project(original);
    const { text } = await fixTwice(fs);
    expect(text).toBe(crlf(BEFORE + HEAD + [row(A), row(B)].join('\n') + '\n') + tableLines(text).slice(2).map((l) => l + '\r\n').join('') + crlf(AFTER));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(tableLines(text)).toHaveLength(4);
  });

  it('fills only the columns the table has, copying its padding style', async () => {
    const head = '|#|Seed|Kind|\n|-|-|-|\n';
    const original = 'Intro\n\n' + head + `|000|${link(A)}|prose|\n` + '\nOutro\n';
    const fs = project(original, [A, B]);
    const { changes, text } = await fixTwice(fs);
    expect(changes).toEqual([expect.stringMatching(/^added row for 001_fedcba9876543210\.md/)]);
    const added = tableLines(text)[1]!;
    expect(added).toMatch(new RegExp(`^\\|001\\|\\[${B.replace(/\./g, '\\.')}\\]\\(${B.replace(/\./g, '\\.')}\\)\\|[a-z:]+\\|$`));
    expect(text.startsWith('Intro\n\n' + head + `|000|${link(A)}|prose|\n`)).toBe(true);
    expect(text.endsWith('\nOutro\n')).toBe(true);
  });

  it('pads new and corrected cells to the column widths of an aligned table', async () => {
    const w = [5, 54, 7, 5];
    const line = (cells: string[]) => '|' + cells.map((c, i) => ` ${c.padEnd(w[i]!)} `).join('|') + '|';
    const head = line(['#', 'Seed', 'Kind', 'Bytes']) + '\n' + '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|\n';
    const original = head + line(['000', link(A), 'prose', '1']) + '\n';
    const fs = project(original, [A, B]);
    const { text } = await fixTwice(fs);
    const rows = tableLines(text);
    const widths = new Set([head.split('\n')[0]!.length, ...rows.map((r) => r.length)]);
    expect(widths.size).toBe(1);
    expect(rows[0]).toBe(line(['000', link(A), 'prose', String(size(TEXT[A]!))]));
  });

  it('handles a table at the very end of the file without a final newline', async () => {
    const original = BEFORE + HEAD + row(B);
    const fs = project(original, [A, B]);
    const { text } = await fixTwice(fs);
    expect(text.startsWith(BEFORE + HEAD)).toBe(true);
    expect(text.endsWith('\n' + row(B))).toBe(true);
    expect(tableLines(text)).toHaveLength(2);
  });

  it('adds rows to a table that has none, keeping a byte-order mark', async () => {
    const original = '\ufeff# Seeds\n\n' + HEAD + '\nAfter.\n';
    const fs = project(original, [A]);
    const { text } = await fixTwice(fs);
    expect(text.startsWith('\ufeff# Seeds\n\n' + HEAD)).toBe(true);
    expect(text.endsWith('\n\nAfter.\n')).toBe(true);
    expect(tableLines(text)[0]).toContain(link(A));
  });

  it('keeps rows inside a blockquote in the blockquote', async () => {
    const original = 'Intro\n\n> | Seed | Kind |\n> |---|---|\n> | ' + link(A) + ' | prose |\n\nEnd\n';
    const fs = project(original, [A, B]);
    const { text } = await fixTwice(fs);
    expect(text).toBe('Intro\n\n> | Seed | Kind |\n> |---|---|\n> | ' + link(A) + ' | prose |\n' + tableLines(text).slice(1).join('') + '\n\nEnd\n');
    expect(text.split('\n')[5]).toMatch(/^> \| \[001_/);
  });

  it('creates INDEX.md when it is missing and seeds exist (as init does)', async () => {
    const fs = project(null, [A, B]);
    expect(await fixableLeft(fs)).toEqual(['layout/missing-index@1:1']);
    const { changes, text } = await fixTwice(fs);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^created seeds\/INDEX\.md with 2 rows/);
    expect(tableLines(text)).toHaveLength(2);
  });

  it('does nothing without seeds and without INDEX.md', async () => {
    const fs = memoryFs({ 'seeds/.gitkeep': '' });
    expect((await fixIndex({ fs, root: '.' })).changes).toEqual([]);
    expect(await fs.lstat('seeds/INDEX.md')).toBeNull();
  });

  it('appends a seed table when INDEX.md has none', async () => {
    const original = '# Seeds\n\nNo table yet.\n';
    const fs = project(original, [A]);
    const { changes, text } = await fixTwice(fs);
    expect(changes[0]).toMatch(/^added a seed table with 1 row/);
    expect(text.startsWith(original + '\n| # | Seed |')).toBe(true);
  });

  it('never rewrites an INDEX.md that is not valid UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(HEAD), 0xff, 0xfe, 0x0a]);
    const fs = project(null, [A], { 'seeds/INDEX.md': bytes });
    await expect(fixIndex({ fs, root: '.' })).rejects.toBeInstanceOf(UsageError);
    expect(Array.from(await fs.readFile('seeds/INDEX.md'))).toEqual(Array.from(bytes));
  });

  it('writes through writeFileAtomic only when something changed', async () => {
    const base = project(BEFORE + HEAD + [row(A), row(B), row(C), row(D)].join('\n') + '\n');
    let writes = 0;
    const fs: SeedFs = { ...base, writeFileAtomic: async (p, d) => { writes++; return base.writeFileAtomic(p, d); } };
    expect((await fixIndex({ fs, root: '.' })).changes).toEqual([]);
    expect(writes).toBe(0);
  });

  it('honours --seeds-dir', async () => {
    const fs = memoryFs({ [`docs/seeds/${A}`]: TEXT[A]!, 'docs/seeds/INDEX.md': HEAD });
    const res = await fixIndex({ fs, root: '.', seedsDir: 'docs/seeds' });
    expect(res.file).toBe('docs/seeds/INDEX.md');
    expect(res.changes).toHaveLength(1);
  });
});

describe('initIndex', () => {
  it('writes INDEX.md with # | Seed | Kind | Title | Bytes | SHA-256 that check accepts', async () => {
    const fs = project(null);
    const res = await initIndex({ fs, root: '.' });
    expect(res.file).toBe('seeds/INDEX.md');
    expect(res.rows.map((r) => r.name)).toEqual([A, B, C, D]);
    const text = await readIndex(fs);
    const t = parseIndex(text).table!;
    expect(t.header.map((h) => h.text)).toEqual(['#', 'Seed', 'Kind', 'Title', 'Bytes', 'SHA-256']);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[3]!.cell.sha256!.text).toBe(sha(TEXT[D]!));
    const report = await check({ fs, root: '.' });
    expect(report.diagnostics.filter((d) => d.ruleId.startsWith('index/') && d.ruleId !== 'index/kind-mismatch')).toEqual([]);
    // --fix right after init changes nothing.
    expect((await fixIndex({ fs, root: '.' })).changes).toEqual([]);
  });

  it('refuses to overwrite an existing INDEX.md', async () => {
    const fs = project(HEAD);
    await expect(initIndex({ fs, root: '.' })).rejects.toThrow(UsageError);
    expect(await readIndex(fs)).toBe(HEAD);
  });
});

describe('cell helpers', () => {
  it('escapes pipes and strips control and bidi characters from titles', () => {
    expect(cellText('a | b\n\u202ec\u0007')).toBe('a \\| b c');
    expect(cellText('x'.repeat(300)).length).toBeLessThanOrEqual(120);
  });
  it('writes links parseIndex reads back to the same name', () => {
    for (const name of [A, 'weird name (1).txt', 'a|b_[c].md']) {
      const text = `| Seed | Kind |\n|---|---|\n| ${seedLink(name)} | prose |\n`;
      const ref = parseIndex(text).table!.rows[0]!.seed!;
      expect(ref.name).toBe(name);
      expect(ref.linkText).toBe(name);
    }
  });
});

describe('fixIndex properties', () => {
  it('for any drift: text outside the table is kept, the result is clean, and a second run is a no-op', async () => {
    const fc = await import('fast-check');
    const names = [A, B, C, D];
    const prose = fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/), { minLength: 0, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        prose,
        prose,
        fc.shuffledSubarray([...names, GONE]),
        fc.array(fc.constantFrom('ord', 'bytes', 'digest', 'none'), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        async (before, after, listed, drift, crlf) => {
          const rows = listed.map((n, i) => {
            const d = drift[i];
            const known = n in TEXT;
            return row(known ? n : A, {
              ...(known ? {} : { ord: '004', bytes: '1', digest: '0'.repeat(64) }),
              ...(d === 'ord' ? { ord: '099' } : d === 'bytes' ? { bytes: '12345' } : d === 'digest' ? { digest: 'e'.repeat(64) } : {}),
            }).replace(link(A), known ? link(n) : link(GONE));
          });
          const eol = crlf ? '\r\n' : '\n';
          const pre = (before.length ? before.join(eol) + eol + eol : '') + '# Seeds' + eol + eol;
          const post = eol + (after.length ? after.join(eol) + eol : '');
          const table = HEAD.replace(/\n/g, eol) + rows.map((r) => r + eol).join('');
          const fs = project(pre + table + post);
          const { text } = await fixTwice(fs);
          expect(text.startsWith(pre + HEAD.replace(/\n/g, eol))).toBe(true);
          expect(text.endsWith(post)).toBe(true);
          expect(tableLines(text).map((l) => /\[(\d{3}_[0-9a-f]{16}\.\w+)\]/.exec(l)?.[1])).toEqual(names);
          if (!crlf) expect(text).not.toContain('\r');
          else expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: 25 },
    );
  });
});
