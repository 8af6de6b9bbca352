/**
 * Fuzzing INDEX.md parsing and checking (SPEC §2): parseIndex and checkIndex
 * never throw on any text, every index/* finding points inside INDEX.md, and
 * the output is the same twice.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIndex, checkIndex, type SeedFacts } from '../../src/check/manifest.js';
import type { EntryKind } from '../../src/fs.js';
import { lineArb } from './arbitraries.js';
import { expectPositionsInside } from './helpers.js';

const NAMES = ['000_0123456789abcdef.txt', '001_0123456789abcdef.md', '002_fedcba9876543210.json', 'README.md'];
const cell = fc.oneof(
  fc.constantFrom('', ' ', '000', '0', '1', '01', 'x', 'prose', 'news:wire', 'code:python', 'bogus', '12', '-3', 'ab'.repeat(32), 'AB'.repeat(32), '2024-02-30', '2024-01-01', 'en', 'eng', 'zz'),
  fc.constantFrom(...NAMES).map((n) => `[${n}](${n})`),
  fc.constantFrom(...NAMES).map((n) => `\`${n}\``),
  fc.constantFrom('[a](b.txt)', '[000_0123456789abcdef.txt](../x)', '<http://x.y>', '\\|', '`a|b`', '**b**', '[x]', '/abs', 'C:\\x'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const header = fc.shuffledSubarray(['#', 'Seed', 'File', 'Kind', 'Title', 'Bytes', 'SHA-256', 'sha256', 'Date', 'Language', 'Other', 'kind '], { minLength: 1, maxLength: 7 });
const tableArb = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), fc.boolean()).map(([h, rows, pipes]) => {
  const line = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  return [line(h), line(h.map(() => '---')), ...rows.map(line)].join('\n');
});
const docArb = fc
  .tuple(fc.array(fc.oneof(tableArb, lineArb, fc.constant('')), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([parts, eol, bom]) => (bom ? '\ufeff' : '') + parts.join(eol + eol).replace(/\n/g, eol === '\n' ? '\n' : '\r\n'));

const entries = new Map<string, EntryKind>(NAMES.map((n) => [n, 'file']));
const seeds = new Map<string, SeedFacts>([
  ['000_0123456789abcdef.txt', { ordinal: 0, size: 12, sha256: 'ab'.repeat(32), detected: { kind: 'prose', subtype: null, confidence: 0.9 } }],
  ['001_0123456789abcdef.md', { ordinal: 1, size: 3, sha256: null, detected: null }],
  ['002_fedcba9876543210.json', { ordinal: 2, size: null, sha256: 'cd'.repeat(32), detected: { kind: 'data', subtype: 'json', confidence: 1 } }],
]);

function run(text: string) {
  const parsed = parseIndex(text);
  return { tables: parsed.tables, rows: parsed.table?.rows.length ?? null, findings: checkIndex(parsed, { file: 'seeds/INDEX.md', entries, seeds }) };
}

describe('INDEX.md parse + check under fuzzing', () => {
  it('never throws, every finding inside the file, same output twice', () => {
    fc.assert(
      fc.property(docArb, (text) => {
        const a = run(text);
        for (const f of a.findings) expect(f.file).toBe('seeds/INDEX.md');
        // Positions are computed on the text without its BOM.
        expectPositionsInside(text.replace(/^\ufeff/, ''), a.findings, 'checkIndex');
        expect(run(text)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
