/**
 * parseMarkdownTables (src/check/markdown-bounded.ts) parses long tables in
 * slices to bound memory. It must give exactly the tree of the whole parse,
 * positions included, on any document — with tiny slices so every path runs.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseMarkdownTables, parseMarkdownWhole, sliceStats } from '../../src/check/markdown-bounded.js';
import { lineArb } from './arbitraries.js';

const cell = fc.oneof(
  fc.constantFrom('', 'a', '`x\\|y`', '\\|', '[t](u)', '[r][ref]', '**b**', '<b>', '---', '&amp;', '`', ' '),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
);
const row = fc.array(cell, { maxLength: 4 }).map((cs) => `| ${cs.join(' | ')} |`);
const pipeLine = fc.oneof(row, fc.constantFrom('|', '||', '| a', '|---|---|', '|:-:|', '| `a', '|```'));
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(pipeLine, { minLength: 0, maxLength: 14 }), fc.boolean())
  .map(([n, rows, leading]) => {
    const h = Array.from({ length: n }, (_, i) => `h${i}`).join(' | ');
    const d = Array.from({ length: n }, () => '---').join(' | ');
    return [leading ? `| ${h} |` : h, leading ? `| ${d} |` : d, ...rows].join('\n');
  });
const block = fc.oneof(
  { weight: 4, arbitrary: table },
  { weight: 2, arbitrary: fc.array(pipeLine, { minLength: 1, maxLength: 10 }).map((l) => l.join('\n')) },
  { weight: 2, arbitrary: lineArb },
  { weight: 1, arbitrary: fc.constantFrom('', '```', '~~~', '> | q |', '- item', '<div>', '[ref]: http://x', 'a | b', '# H', '    | code') },
);
const doc = fc
  .tuple(fc.array(block, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([bs, eol, final]) => bs.join('\n').replace(/\n/g, eol) + (final ? eol : ''));

describe('parseMarkdownTables (tables parsed in slices)', () => {
  it('equals the whole parse, positions included, with slices of 1 to 4 rows', () => {
    const before = sliceStats.sliced;
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 4 }), (text, rows) => {
        expect(parseMarkdownTables(text, rows)).toEqual(parseMarkdownWhole(text));
      }),
      { numRuns: 400 },
    );
    // The generator must exercise the sliced path, not only the fallbacks.
    expect(sliceStats.sliced - before).toBeGreaterThan(40);
  });

  it('really slices: a 1,000-row table in slices of 7 equals the whole parse', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `| ${i} | [f${i}.txt](f${i}.txt) | \`c\\|${i}\` |`);
    const text = `# Seeds\n\nintro\n\n| # | Seed | Code |\n|---|:---|--:|\n${rows.join('\n')}\nlast | row\n\nafter\n`;
    const whole = parseMarkdownWhole(text);
    const before = sliceStats.sliced;
    expect(parseMarkdownTables(text, 7)).toEqual(whole);
    expect(sliceStats.sliced).toBe(before + 1);
    expect((whole.children![2]!.children ?? []).length).toBe(1002);
  });
});
