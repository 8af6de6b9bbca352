/**
 * Fuzzing the bundle parsers (SPEC §4): the canonical parser and the dialect
 * detector never throw, keep every position inside the text, and are
 * deterministic; the writer round-trips arbitrary files.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseBundle, detectBundle, formatBundle } from '../../src/bundle/index.js';
import type { Bundle } from '../../src/bundle/types.js';
import { docArb, anyTextArb } from './arbitraries.js';
import { expectPositionsInside, lineLengths } from './helpers.js';

const RUNS = 300;

function expectBundleInside(text: string, b: Bundle, label: string): void {
  expectPositionsInside(text, b.findings, label);
  const lines = lineLengths(text).length;
  for (const blk of b.blocks) {
    expect(blk.line, `${label} block ${blk.path} line`).toBeGreaterThanOrEqual(1);
    expect(blk.line).toBeLessThanOrEqual(lines);
    expect(blk.endLine, `${label} block ${blk.path} endLine`).toBeGreaterThanOrEqual(blk.line);
    expect(blk.endLine).toBeLessThanOrEqual(lines);
    if (blk.pathColumn !== undefined) expectPositionsInside(text, [{ line: blk.line, column: blk.pathColumn }], `${label} pathColumn`);
    expect(blk.bytes).toBe(Buffer.byteLength(blk.content));
  }
}

describe('parseBundle (canonical) under fuzzing', () => {
  it('never throws, keeps positions inside, same output twice', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const a = parseBundle(text);
        expect(a.dialect).toBe('seedcheck');
        expectBundleInside(text, a, 'parseBundle');
        expect(parseBundle(text)).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('detectBundle (every dialect) under fuzzing', () => {
  it('never throws, keeps positions inside, same output twice', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const a = detectBundle(text);
        if (a) expectBundleInside(text, a, `detectBundle/${a.dialect}`);
        expect(detectBundle(text)).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

const safeSegment = fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9._+@-]{0,11}$/).filter((s) => !s.endsWith('.'));
const pathArb = fc.array(safeSegment, { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));

describe('formatBundle → parseBundle round trip', () => {
  it('any content (markers, CRLF, no final newline, empty) comes back byte for byte with no findings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(pathArb, docArb), { selector: ([p]) => p, maxLength: 6 }).filter((files) => {
          // "a" beside "a/b" is a file/folder conflict by design; keep it out of the round trip.
          // Paths equal after case folding are a warning by design too; lone surrogates cannot be UTF-8.
          const paths = files.map(([p]) => p);
          if (new Set(paths.map((p) => p.toLowerCase())).size !== paths.length) return false;
          if (files.some(([, c]) => /\p{Cs}/u.test(c))) return false;
          return !paths.some((p) => paths.some((q) => q.startsWith(p + '/')));
        }),
        (files) => {
          const text = formatBundle(files.map(([path, content]) => ({ path, content })));
          const b = parseBundle(text);
          expect(b.findings.map((f) => f.ruleId)).toEqual([]);
          expect(b.blocks.map((x) => [x.path, x.content])).toEqual(files);
          expectBundleInside(text, b, 'round trip');
        },
      ),
      { numRuns: 200 },
    );
  });
});
