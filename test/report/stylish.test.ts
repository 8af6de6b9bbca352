import { describe, expect, it } from 'vitest';
import { format, codeFrame, kindsSummary } from '../../src/report/formats/stylish.js';
import { finding } from '../../src/report/types.js';
import { ctx, report, seed } from './report-fixture.js';
import pc from 'picocolors';

const A = 'seeds/000_0123456789abcdef.txt';
const B = 'seeds/001_fedcba9876543210.md';
const plain = pc.createColors(false);
// Anything that could move the cursor, clear the screen or reorder text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('stylish: clean runs', () => {
  it('prints one summary line with the kinds', () => {
    const r = report([seed(A, { kind: 'spec' }), seed(B, { kind: 'news' })]);
    const out = format(r, ctx());
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('2 seeds checked');
    expect(out).toContain('1 describes software (spec)');
    expect(out).toContain('1 background (news)');
  });

  it('under --quiet says "no errors", not "no problems"', () => {
    const r = report([seed(A)]);
    expect(format(r, ctx({ quiet: true }))).toContain('no errors');
    expect(format(r, ctx({ quiet: true }))).not.toContain('no problems');
  });

  it('has no colour unless asked, and colour when asked', () => {
    const r = report([seed(A)]);
    expect(format(r, ctx())).not.toContain('\x1b[');
    expect(format(r, ctx({ color: true }))).toContain('\x1b[');
  });
});

describe('stylish: findings', () => {
  const findings = [
    finding('content/bom', A, { line: 1, column: 1 }, {}),
    finding('content/control-char', A, { line: 3, column: 5 }, { codePoint: 7, count: 1 }),
    finding('index/unlisted-seed', 'seeds/INDEX.md', { line: 12, column: 1 }, { name: '002_x.txt' }),
  ];
  const r = report([seed(A), seed(B)], findings);

  it('groups by file and aligns line:col, severity, message and rule id', () => {
    const out = format(r, ctx({ exitCode: 1 }));
    const lines = out.split('\n');
    const headA = lines.indexOf(A);
    const headI = lines.indexOf('seeds/INDEX.md');
    expect(headA).toBeGreaterThanOrEqual(0);
    expect(headI).toBeGreaterThanOrEqual(0);
    const rows = lines.filter((l) => /\b(content|index)\/[a-z-]+$/.test(l));
    expect(rows).toHaveLength(3);
    // The rule ids start in the same column on every row.
    const cols = rows.map((l) => l.search(/(content|index)\/[a-z-]+$/));
    expect(new Set(cols).size).toBe(1);
    // Severity column aligned too.
    const sevCols = rows.map((l) => l.search(/error|warning/));
    expect(new Set(sevCols).size).toBe(1);
    expect(rows[0]).toMatch(/^\s+1:1\s+warning\s/);
    expect(rows[2]).toMatch(/^\s+12:1\s+error\s/);
  });

  it('ends with a summary naming the exit reason and the kinds line', () => {
    const out = format(r, ctx({ exitCode: 1 }));
    const tail = out.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toMatch(/1 error, 2 warnings/);
    expect(tail[1]).toMatch(/^2 seeds: 2 background \(prose\)$/);
  });

  it('names too many warnings as the exit reason', () => {
    const w = report([seed(A)], [findings[0]!, findings[1]!]);
    const out = format(w, ctx({ exitCode: 1, maxWarnings: 1 }));
    expect(out).toContain('too many warnings (2, max 1)');
    const ok = format(w, ctx({ exitCode: 0, maxWarnings: 5 }));
    expect(ok).not.toContain('too many');
    expect(ok).toContain('2 warnings');
  });

  it('shows a code frame for the first finding of each file that points into text', () => {
    const src = 'first line\nsecond\nthird\x07 bell\nfourth\nfifth\nsixth\n';
    const out = format(r, ctx({ exitCode: 1, sourceOf: (f) => (f === A ? src : undefined) }));
    // Frame for A's first finding (content/bom at 1:1): lines 1..3, caret under column 1.
    expect(out).toMatch(/> 1 \| first line\n\s+\| \^/);
    expect(out).toContain('  3 | third\\x07 bell');
    // Only one frame per file.
    expect(out.match(/\| \^/g)).toHaveLength(1);
  });

  it('does not frame layout findings', () => {
    const l = report([seed(A)], [finding('layout/ordinal-gap', A, { line: 1, column: 1 }, { expected: 0, found: 1 })]);
    const out = format(l, ctx({ sourceOf: () => 'text\n' }));
    expect(out).not.toContain('^');
  });

  it('lists every seed with kind, confidence and title under --verbose', () => {
    const v = report([seed(A, { kind: 'code', subtype: 'python', confidence: 0.93, title: 'A script' }), seed(B, { kind: null, confidence: 0 })]);
    const out = format(v, ctx({ verbose: true }));
    expect(out).toMatch(new RegExp(`${A}\\s+code:python\\s+0\\.93\\s+A script`));
    expect(out).toContain(B);
  });
});

describe('stylish: code frames', () => {
  it('puts the caret under the column, with 2 lines of context', () => {
    const src = 'a\nb\nc\nhello world\nd\ne\nf\n';
    const f = codeFrame(src, 4, 7, plain)!;
    const lines = f.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('  2 | b');
    expect(lines[2]).toBe('> 4 | hello world');
    expect(lines[3]!.indexOf('^')).toBe(lines[2]!.indexOf('w'));
    expect(lines[5]).toBe('  6 | e');
  });

  it('follows escapes and tabs when placing the caret', () => {
    const f = codeFrame('\tx\u202Ey target\n', 1, 6, plain)!;
    const [text, caret] = f.split('\n');
    expect(text).toContain('\\u202e');
    expect(caret!.indexOf('^')).toBe(text!.indexOf('t', text!.indexOf('y')));
    expect(caret).toContain('\t');
  });

  it('counts lines the way the checks do: LF, CRLF or a lone CR', () => {
    const f = codeFrame('one\rtwo\r\nthree\nfour\n', 3, 1, plain)!;
    expect(f).toContain('> 3 | three');
    expect(f).toContain('  1 | one');
    expect(f).not.toContain('\\r');
  });

  it('puts the caret under the right column after wide (CJK) characters', () => {
    const [text, caret] = codeFrame('日本語のX\n', 1, 5, plain)!.split('\n');
    // 4 wide characters take 8 terminal columns before X.
    expect(caret!.indexOf('^') - caret!.indexOf('|')).toBe(text!.indexOf('日') - text!.indexOf('|') + 8);
  });

  it('returns null past the end of the file', () => {
    expect(codeFrame('one\n', 2, 1, plain)).toBeNull();
  });

  it('cuts very long lines around the column', () => {
    const line = 'x'.repeat(5000) + 'TARGET' + 'y'.repeat(5000);
    const [text, caret] = codeFrame(line, 1, 5001, plain)!.split('\n');
    expect(text!.length).toBeLessThan(200);
    expect(text!.slice(caret!.indexOf('^'), caret!.indexOf('^') + 6)).toBe('TARGET');
  });
});

describe('stylish: sanitising', () => {
  const evil = 'A\x1b[2J\x1b]0;pwned\x07B\rC\u202Ed\u2066e\u200Bf';
  it('no control character or escape from a seed reaches the output', () => {
    const file = `seeds/bad\x1b[2J.txt`;
    const r = report(
      [seed(A, { title: evil, kind: 'prose' })],
      [
        finding('layout/bad-seed-name', file, { line: 1, column: 1 }, { name: `bad\x1b[2J.txt`, pattern: 'x' }),
        finding('content/tag-char', A, { line: 2, column: 3 }, { decoded: evil, count: 3 }),
        finding('content/control-char', A, { line: 2, column: 2 }, { codePoint: 0x1b, count: 1 }),
      ],
    );
    const out = format(r, ctx({ verbose: true, exitCode: 1, sourceOf: (f) => (f === A ? `ok\n${evil}\nmore\n` : undefined) }));
    const withoutNewlines = out.replace(/\n/g, '');
    expect(withoutNewlines).not.toMatch(UNSAFE);
    expect(out).toContain('\\x1b[2J');
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\r');
    // The frame showed the escaped line.
    expect(out).toMatch(/> 2 \| A\\x1b\[2J/);
  });

  it('is also safe with colour on (only our own SGR sequences)', () => {
    const r = report([seed(A)], [finding('content/tag-char', A, { line: 1, column: 1 }, { decoded: evil, count: 1 })]);
    const out = format(r, ctx({ color: true, sourceOf: () => evil }));
    // Remove our SGR colour codes; nothing unsafe may remain.
    // eslint-disable-next-line no-control-regex
    const stripped = out.replace(/\x1b\[[0-9;]*m/g, '').replace(/\n/g, '');
    expect(stripped).not.toMatch(UNSAFE);
  });
});

describe('kinds summary', () => {
  it('groups software, background and other kinds', () => {
    const r = report([
      seed(A, { kind: 'spec' }),
      seed(B, { kind: 'bundle' }),
      seed('seeds/002_1111111111111111.txt', { kind: 'news' }),
      seed('seeds/003_2222222222222222.txt', { kind: 'prose' }),
    ]);
    expect(kindsSummary(r)).toBe('4 seeds: 2 describe software (spec, bundle), 2 background (news, prose)');
  });
  it('mentions unclassifiable seeds as other', () => {
    const r = report([seed(A, { kind: 'unknown' }), seed(B, { kind: 'card' })]);
    expect(kindsSummary(r)).toBe('2 seeds: 1 describes software (card), 1 other (unknown)');
  });
  it('says only the count when nothing was classified', () => {
    expect(kindsSummary(report([seed(A, { kind: null })]))).toBe('1 seed');
  });
});
