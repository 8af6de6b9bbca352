/**
 * src/check/gfm-table-mdast.ts is a port of mdast-util-gfm-table's
 * from-markdown half (to keep its to-markdown half out of start-up). It must
 * build exactly the same tree as the original on any document.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown as original } from 'mdast-util-gfm-table';
import { gfmTableFromMarkdown as ported } from '../../src/check/gfm-table-mdast.js';
import { lineArb } from './arbitraries.js';

const cell = fc.oneof(
  fc.constantFrom('', 'a', '`x\\|y`', '`a\\\\|b`', '\\|', '[t](u)', '**b**', ':--', '---', ' :-: ', '`', '``a|b``'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }), fc.constantFrom('---', ':--', '--:', ':-:'))
  .map(([n, rows, d]) => [Array.from({ length: n }, (_, i) => `h${i}`), Array.from({ length: n }, () => d), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
const doc = fc.array(fc.oneof(table, lineArb, fc.constantFrom('', '> | a |', '- | b |\n  |---|\n  | `c\\|d` |')), { maxLength: 8 }).map((p) => p.join('\n'));

const parse = (t: string, ext: () => unknown) => fromMarkdown(t, { extensions: [gfmTable()], mdastExtensions: [ext() as never] });

describe('ported gfmTableFromMarkdown', () => {
  it('builds the same mdast as mdast-util-gfm-table on any document', () => {
    fc.assert(
      fc.property(doc, (t) => {
        expect(parse(t, ported)).toEqual(parse(t, original));
      }),
      { numRuns: 300 },
    );
  });

  it('unescapes \\| in code inside a table cell only', () => {
    const t = '| a |\n|---|\n| `x\\|y` |\n\n`x\\|y`\n';
    const tree = parse(t, ported) as unknown as { children: Array<{ children: Array<{ children: Array<{ children: Array<{ value?: string }> }> }> }> };
    expect(tree.children[0]!.children[1]!.children[0]!.children[0]!.value).toBe('x|y');
    expect(parse(t, ported)).toEqual(parse(t, original));
  });
});
