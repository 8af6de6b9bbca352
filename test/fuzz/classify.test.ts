/**
 * Fuzzing the classifier (KINDS.md): never throws on any bytes, answers with
 * a known kind and a confidence in [0, 1], keeps bundle block lines inside
 * the text, and gives the same answer twice.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../src/kinds/classify.js';
import { KIND_IDS } from '../../src/kinds/ids.js';
import type { KindResult } from '../../src/kinds/types.js';
import { anyTextArb } from './arbitraries.js';
import { lineLengths } from './helpers.js';

const enc = new TextEncoder();
const names = fc.constantFrom(undefined, 'a.txt', 'x.md', 'y.py', 'data.json', 'z.csv', 'b.eml', 'LICENSE', 'noext');

function expectSane(r: KindResult, lines: number): void {
  expect(KIND_IDS).toContain(r.kind);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  if (r.runnerUp) {
    expect(KIND_IDS).toContain(r.runnerUp.kind);
    expect(r.runnerUp.confidence).toBeGreaterThanOrEqual(0);
    expect(r.runnerUp.confidence).toBeLessThanOrEqual(1);
  }
  expect(r.lines).toBeGreaterThanOrEqual(0);
  expect(r.words).toBeGreaterThanOrEqual(0);
  for (const e of r.evidence) expect(typeof e).toBe('string');
  if (r.bundle) {
    for (const f of r.bundle.files) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
      expect(f.endLine).toBeLessThanOrEqual(lines);
    }
  }
}

describe('classify under fuzzing', () => {
  it('text: never throws, sane result, same output twice', () => {
    fc.assert(
      fc.property(anyTextArb, names, (text, name) => {
        const bytes = enc.encode(text);
        const a = classify(bytes, name);
        expectSane(a, lineLengths(text).length);
        expect(classify(bytes, name)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes (invalid UTF-8, NUL, magic prefixes): never throws, same output twice', () => {
    const magic = fc.constantFrom([], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x89, 0x50, 0x4e, 0x47], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x1f, 0x8b], [0x42, 0x4d]);
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 600 }), names, (head, body, name) => {
        const bytes = new Uint8Array([...head, ...body]);
        const a = classify(bytes, name);
        expect(KIND_IDS).toContain(a.kind);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(classify(bytes, name)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
