/**
 * Fuzzing the streaming content scanner (SPEC §3): any chunking gives the
 * same result as one push, it never throws on any bytes, positions stay
 * inside the text, and it is deterministic.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ContentScanner, scanBytes } from '../../src/check/content.js';
import { anyTextArb } from './arbitraries.js';
import { expectPositionsInside } from './helpers.js';

const enc = new TextEncoder();

function scanChunked(bytes: Uint8Array, cuts: number[]) {
  const s = new ContentScanner();
  let prev = 0;
  for (const c of [...cuts.map((x) => x % (bytes.length + 1))].sort((a, b) => a - b)) {
    s.push(bytes.subarray(prev, c));
    prev = c;
  }
  s.push(bytes.subarray(prev));
  return s.end();
}

describe('ContentScanner under fuzzing', () => {
  it('text: positions inside, chunking-invariant, same output twice', () => {
    fc.assert(
      fc.property(anyTextArb, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = enc.encode(text);
        const whole = scanBytes(bytes);
        expect(whole.invalidUtf8).toBeNull();
        if (!whole.binary) expectPositionsInside(text, whole.findings, 'scan');
        expect(scanChunked(bytes, cuts)).toEqual(whole);
        expect(scanBytes(bytes)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes (invalid UTF-8 split across chunks): never throws, chunking-invariant', () => {
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.constantFrom([0xe2, 0x80], [0xae], [0xf0, 0x9f], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xef, 0xbb, 0xbf], [0x0d], [0x0a], [0xf3, 0xa0, 0x81, 0x81]).map((a) => Uint8Array.from(a)),
      anyTextArb.map((t) => enc.encode(t)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, cuts) => {
        const bytes = Uint8Array.from(pieces.flatMap((p) => [...p]));
        const whole = scanBytes(bytes);
        if (whole.invalidUtf8) {
          expect(whole.invalidUtf8.line).toBeGreaterThanOrEqual(1);
          expect(whole.invalidUtf8.column).toBeGreaterThanOrEqual(1);
          expect(whole.invalidUtf8.count).toBeGreaterThanOrEqual(1);
        }
        expect(scanChunked(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
