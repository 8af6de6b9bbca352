/**
 * One failing and one passing fixture for EVERY layout/*, content/* and
 * index/* rule, run through check(); asserts the rule id and its position.
 * A test also makes sure no rule of these families lacks a fixture.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { memoryFs, type SeedFs } from '../../src/fs.js';
import { check } from '../../src/check/run.js';
import { RULES } from '../../src/report/rules.js';
import type { CheckOptions } from '../../src/check/types.js';
import { expectValidReport } from '../helpers/report.js';

type Files = Record<string, string | Uint8Array | { symlink: string } | { unreadable: true }>;
const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.txt';
const TA = 'The first seed, in plain words.\n';
const TB = 'The second seed, also plain.\n';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HEAD = '# Seeds\n\n| # | Seed | Kind |\n|---|---|---|\n';
const row = (ord: string, name: string, kind = 'prose') => `| ${ord} | [${name}](${name}) | ${kind} |\n`;
const GOOD_INDEX = HEAD + row('000', A) + row('001', B);
const base = (over: Files = {}): Files => ({ [`seeds/${A}`]: TA, [`seeds/${B}`]: TB, 'seeds/INDEX.md': GOOD_INDEX, ...over });
const withA = (content: string | Uint8Array) => base({ [`seeds/${A}`]: content });
const withIndex = (text: string) => base({ 'seeds/INDEX.md': text });
const FULL = '| Seed | Kind | Bytes | SHA-256 | Date | Language |\n|---|---|---|---|---|---|\n';
const fullRow = (name: string, text: string, over: Partial<Record<'bytes' | 'sha' | 'date' | 'lang', string>> = {}) =>
  `| ${name} | prose | ${over.bytes ?? text.length} | ${over.sha ?? sha(text)} | ${over.date ?? '2026-11-25'} | ${over.lang ?? 'en'} |\n`;

interface Case {
  fail: Files;
  pass: Files;
  /** file, line, column of the first finding of the rule in `fail`. */
  at: [string, number, number];
  options?: CheckOptions;
}

const S = (n: string) => `seeds/${n}`;
const CASES: Record<string, Case> = {
  'layout/missing-index': { fail: { [S(A)]: TA }, pass: { [S(A)]: TA, 'seeds/INDEX.md': HEAD + row('000', A) }, at: ['seeds/INDEX.md', 1, 1] },
  'layout/bad-seed-name': { fail: base({ 'seeds/notes.txt': 'x' }), pass: base({ 'seeds/README.md': 'x' }), at: ['seeds/notes.txt', 1, 1] },
  'layout/duplicate-ordinal': {
    fail: base({ 'seeds/001_aaaaaaaaaaaaaaaa.txt': TB, 'seeds/INDEX.md': GOOD_INDEX + row('001', '001_aaaaaaaaaaaaaaaa.txt') }),
    pass: base(),
    at: [S(B), 1, 1],
  },
  'layout/duplicate-id': {
    fail: base({ 'seeds/002_0123456789abcdef.txt': TB, 'seeds/INDEX.md': GOOD_INDEX + row('002', '002_0123456789abcdef.txt') }),
    pass: base(),
    at: ['seeds/002_0123456789abcdef.txt', 1, 1],
  },
  'layout/ordinal-gap': {
    fail: base({ 'seeds/003_aaaaaaaaaaaaaaaa.txt': TB, 'seeds/INDEX.md': GOOD_INDEX + row('003', '003_aaaaaaaaaaaaaaaa.txt') }),
    pass: base({ 'seeds/002_aaaaaaaaaaaaaaaa.txt': TB, 'seeds/INDEX.md': GOOD_INDEX + row('002', '002_aaaaaaaaaaaaaaaa.txt') }),
    at: ['seeds/003_aaaaaaaaaaaaaaaa.txt', 1, 1],
  },
  'layout/nested-dir': { fail: base({ 'seeds/more/x.txt': 'x' }), pass: base({ 'more/x.txt': 'x' }), at: ['seeds/more', 1, 1] },
  'layout/symlink': { fail: base({ [S(B)]: { symlink: '../b.txt' } }), pass: base(), at: [S(B), 1, 1] },
  'layout/unreadable': { fail: base({ [S(B)]: { unreadable: true } }), pass: base(), at: [S(B), 1, 1] },

  'content/empty': { fail: withA('\n \n'), pass: withA('x\n'), at: [S(A), 1, 1] },
  'content/too-large': { fail: base(), pass: base(), at: [S(A), 1, 1], options: { config: { maxSeedBytes: 30 } } },
  'content/binary': { fail: withA(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), pass: withA('PNG is a format.\n'), at: [S(A), 1, 1] },
  'content/invalid-utf8': { fail: withA(new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28, 0x0a])), pass: withA('a\nbé\n'), at: [S(A), 2, 2] },
  'content/bom': { fail: withA('\ufeffTitle\n'), pass: withA('Title\n'), at: [S(A), 1, 1] },
  'content/control-char': { fail: withA('ab\ncd\u0008e\n'), pass: withA('ab\ncd\te\n'), at: [S(A), 2, 3] },
  'content/bidi-control': { fail: withA('if (a\u2067 && b)\n'), pass: withA('if (a && b)\n'), at: [S(A), 1, 6] },
  'content/invisible-char': { fail: withA('pass\u2060word\n'), pass: withA('password\n'), at: [S(A), 1, 5] },
  'content/tag-char': { fail: withA('x\n\u{e0041}\u{e0042}\n'), pass: withA('x\nAB\n'), at: [S(A), 2, 1] },
  'content/mixed-line-endings': { fail: withA('a\nb\r\nc\n'), pass: withA('a\r\nb\r\nc\r\n'), at: [S(A), 2, 2] },

  'index/no-seed-table': { fail: withIndex('# Seeds\n\n- a list\n'), pass: base(), at: ['seeds/INDEX.md', 1, 1] },
  'index/duplicate-seed-table': { fail: withIndex(GOOD_INDEX + '\n| File | Kind |\n|---|---|\n'), pass: withIndex(GOOD_INDEX + '\n| Name | Kind |\n|---|---|\n'), at: ['seeds/INDEX.md', 8, 1] },
  'index/missing-column': { fail: withIndex(`| Seed |\n|---|\n| ${A} |\n| ${B} |\n`), pass: withIndex(`| Seed | Kind |\n|---|---|\n| ${A} | prose |\n| ${B} | prose |\n`), at: ['seeds/INDEX.md', 1, 1] },
  'index/duplicate-column': {
    fail: withIndex(`| Seed | File | Kind |\n|---|---|---|\n| ${A} | ${A} | prose |\n| ${B} | ${B} | prose |\n`),
    pass: withIndex(`| Seed | Name | Kind |\n|---|---|---|\n| ${A} | a | prose |\n| ${B} | b | prose |\n`),
    at: ['seeds/INDEX.md', 1, 8],
  },
  'index/row-cells': { fail: withIndex(HEAD + row('000', A) + `| 001 | ${B} |\n`), pass: base(), at: ['seeds/INDEX.md', 6, 1] },
  'index/bad-reference': { fail: withIndex(HEAD + row('000', A) + `| 001 | [b](file:///seeds/${B}) | prose |\n`), pass: base(), at: ['seeds/INDEX.md', 6, 7] },
  'index/missing-seed': { fail: withIndex(GOOD_INDEX + row('002', '002_0000000000000000.txt')), pass: base(), at: ['seeds/INDEX.md', 7, 7] },
  'index/unlisted-seed': { fail: withIndex(HEAD + row('000', A) + '\nEnd.\n'), pass: base(), at: ['seeds/INDEX.md', 6, 1] },
  'index/duplicate-entry': { fail: withIndex(GOOD_INDEX + row('001', B)), pass: base(), at: ['seeds/INDEX.md', 7, 7] },
  'index/link-text-mismatch': { fail: withIndex(HEAD + `| 000 | [first](${A}) | prose |\n` + row('001', B)), pass: base(), at: ['seeds/INDEX.md', 5, 7] },
  'index/ordinal-mismatch': { fail: withIndex(HEAD + row('000', A) + row('01', B).replace('| 01 |', '| 2 |')), pass: withIndex(HEAD + row('0', A) + row('1', B)), at: ['seeds/INDEX.md', 6, 1] },
  'index/unsorted': { fail: withIndex(HEAD + row('001', B) + row('000', A)), pass: base(), at: ['seeds/INDEX.md', 6, 1] },
  'index/unknown-kind': { fail: withIndex(HEAD + row('000', A, 'Prose') + row('001', B)), pass: withIndex(HEAD + row('000', A, 'prose:notes') + row('001', B)), at: ['seeds/INDEX.md', 5, 62] },
  // Fixtures built from the classifier's verdict in the test below.
  'index/kind-mismatch': { fail: {}, pass: {}, at: ['seeds/INDEX.md', 5, 60] },
  'index/size-mismatch': { fail: withIndex(FULL + fullRow(A, TA, { bytes: '3' }) + fullRow(B, TB)), pass: withIndex(FULL + fullRow(A, TA) + fullRow(B, TB)), at: ['seeds/INDEX.md', 3, 36] },
  'index/digest-mismatch': { fail: withIndex(FULL + fullRow(A, TA) + fullRow(B, TB, { sha: sha('tampered') })), pass: withIndex(FULL + fullRow(A, TA) + fullRow(B, TB)), at: ['seeds/INDEX.md', 4, 41] },
  'index/bad-cell': { fail: withIndex(FULL + fullRow(A, TA, { date: '2026-13-01' }) + fullRow(B, TB)), pass: withIndex(FULL + fullRow(A, TA) + fullRow(B, TB)), at: ['seeds/INDEX.md', 3, 108] },
};

describe('every layout, content and index rule has a failing and a passing fixture', () => {
  it('covers all rules of these families', () => {
    const families = RULES.map((r) => r.id).filter((id) => /^(layout|content|index)\//.test(id));
    expect(Object.keys(CASES).sort()).toEqual([...families].sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    if (id === 'index/kind-mismatch') continue; // needs a confident classifier verdict: below
    it(id, async () => {
      const failing = expectValidReport(await check({ fs: memoryFs(c.fail), ...c.options }));
      const hit = failing.diagnostics.find((d) => d.ruleId === id);
      expect(hit, `${id} not reported`).toBeDefined();
      expect([hit!.file, hit!.line, hit!.column]).toEqual(c.at);
      const passOptions = id === 'content/too-large' ? {} : c.options;
      const passing = expectValidReport(await check({ fs: memoryFs(c.pass), ...passOptions }));
      expect(passing.diagnostics.map((d) => d.ruleId)).not.toContain(id);
    });
  }

  it('index/kind-mismatch (fixtures built from the real classifier verdict)', async () => {
    const PY = '000_0123456789abcdef.py';
    const code = '#!/usr/bin/env python3\nimport sys\n\ndef main():\n    print("hi")\n    return 0\n\nif __name__ == "__main__":\n    sys.exit(main())\n';
    const files = (kind: string): Files => ({ [S(PY)]: code, [S(B)]: TB, 'seeds/INDEX.md': HEAD + row('000', PY, kind) + row('001', B) });
    const probe = expectValidReport(await check({ fs: memoryFs(files('code')) }));
    const seed = probe.seeds[0]!;
    const mismatches = async (kind: string) =>
      expectValidReport(await check({ fs: memoryFs(files(kind)) }))
        .diagnostics.filter((d) => d.ruleId === 'index/kind-mismatch')
        .map((d) => [d.file, d.line, d.column]);
    expect(await mismatches(`${seed.kind}${seed.subtype ? ':' + seed.subtype : ''}`)).toEqual([]);
    if (seed.confidence >= 0.8) {
      expect(await mismatches('prose')).toEqual([['seeds/INDEX.md', 5, 60]]);
      if (seed.subtype) expect(await mismatches(`${seed.kind}:not-${seed.subtype}`)).toEqual([['seeds/INDEX.md', 5, 60]]);
    } else {
      expect(await mismatches('prose')).toEqual([]);
    }
  });
});

describe('content/too-large never reads past the limit', () => {
  it('reads at most maxSeedBytes of an oversized seed', async () => {
    const big = 'x'.repeat(5000) + '\n';
    const mem = memoryFs(base({ [S(A)]: big }));
    let maxRead = 0;
    const fs: SeedFs = {
      ...mem,
      async readFile(p, max) {
        const b = await mem.readFile(p, max);
        if (p.endsWith(A)) maxRead = Math.max(maxRead, b.length);
        return b;
      },
      async readRange(p, s, e) {
        if (p.endsWith(A)) maxRead = Math.max(maxRead, e);
        return mem.readRange(p, s, e);
      },
      async *readChunks(p, size) {
        if (p.endsWith(A)) maxRead = Infinity;
        yield* mem.readChunks(p, size);
      },
    };
    const r = expectValidReport(await check({ fs, config: { maxSeedBytes: 1000 } }));
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('content/too-large');
    expect(maxRead).toBeGreaterThan(0);
    expect(maxRead).toBeLessThanOrEqual(1000);
  });
});
