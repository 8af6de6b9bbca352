/** The canonical writer: byte-exact round trips, fence choice, refusals, and properties (fast-check). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { formatBundle, parseBundle, BundleFormatError } from '../../src/bundle/index.js';
import { fenceLength } from '../../src/bundle/writer.js';
import { unsafeReason } from '../../src/bundle/paths.js';
import type { BundleFile } from '../../src/bundle/types.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const roundTrip = (files: BundleFile[]) => {
  const b = parseBundle(formatBundle(files));
  expect(b.findings).toEqual([]);
  return b.blocks.map((x) => ({ path: x.path, content: x.content }));
};

describe('formatBundle', () => {
  it('writes header, trailer, size and sha256 on every block', () => {
    const text = formatBundle([{ path: 'a.txt', content: 'hi\n' }]);
    expect(text).toBe(`=== BUNDLE v1 ===\n=== BEGIN a.txt size=3 sha256=${sha('hi\n')} ===\nhi\n=== END a.txt ===\n=== BUNDLE-END count=1 ===\n`);
  });

  it('round-trips CRLF, no final newline, empty files, unicode and space paths', () => {
    const files = [
      { path: 'crlf.txt', content: 'a\r\nb\r\n' },
      { path: 'noeol.txt', content: 'last line' },
      { path: 'cr-only', content: 'x\r' },
      { path: 'empty', content: '' },
      { path: 'just-newline', content: '\n' },
      { path: 'dir with space/ünïcödé.md', content: 'é ✓ 😀\n' },
      { path: 'quote"and\\back', content: 'q\n' },
    ];
    // the backslash path is unsafe: refused; the rest round-trip
    expect(() => formatBundle(files)).toThrow(BundleFormatError);
    const safe = files.filter((f) => unsafeReason(f.path) === null);
    expect(roundTrip(safe)).toEqual(safe);
  });

  it('quotes non-bare paths as JSON strings', () => {
    const text = formatBundle([{ path: 'read me.md', content: '' }]);
    expect(text).toContain('=== BEGIN "read me.md" size=0');
    expect(text).toContain('=== END "read me.md" ===');
  });

  it('lengthens the fence per block when content has marker-like lines', () => {
    expect(fenceLength('x\n=== BEGIN a ===\n')).toBe(4);
    expect(fenceLength('=== a\n==== b\n===== c\n')).toBe(6);
    expect(fenceLength('====== only six\n')).toBe(3);
    expect(fenceLength('===\n=====x\n')).toBe(3);
    const nested = formatBundle([{ path: 'inner.txt', content: 'x\n' }]);
    const text = formatBundle([
      { path: 'outer.bundle', content: nested },
      { path: 'plain.txt', content: 'p\n' },
    ]);
    expect(text).toContain('==== BEGIN outer.bundle');
    expect(text).toContain('=== BEGIN plain.txt');
    const b = parseBundle(text);
    expect(b.findings).toEqual([]);
    expect(b.blocks[0]!.content).toBe(nested);
    expect(parseBundle(b.blocks[0]!.content).blocks[0]!.content).toBe('x\n');
  });

  it('writes mode when given', () => {
    const b = parseBundle(formatBundle([{ path: 'run.sh', content: '#!/bin/sh\n', mode: '0755' }]));
    expect(b.blocks[0]!.attrs?.mode).toBe('0755');
  });

  it('accepts UTF-8 bytes and refuses bytes that are not UTF-8', () => {
    expect(roundTrip([{ path: 'a', content: new TextEncoder().encode('é\n') }])).toEqual([{ path: 'a', content: 'é\n' }]);
    expect(() => formatBundle([{ path: 'bin', content: new Uint8Array([0xff, 0xfe, 0x00]) }])).toThrow(/not valid UTF-8/);
    expect(() => formatBundle([{ path: 'lone', content: 'a\ud800b' }])).toThrow(BundleFormatError);
  });

  it('refuses unsafe, duplicate and file/folder-conflicting paths', () => {
    expect(() => formatBundle([{ path: '../x', content: '' }])).toThrow(/unsafe path/);
    expect(() => formatBundle([{ path: 'a', content: '' }, { path: 'a', content: '' }])).toThrow(/duplicate/);
    expect(() => formatBundle([{ path: 'a', content: '' }, { path: 'a/b', content: '' }])).toThrow(/file and a folder/);
  });
});

const segment = fc
  .string({ unit: fc.constantFrom('a', 'B', '0', '_', '-', '.', ' ', 'é', '"', 'e\u0301', '😀', '='), minLength: 1, maxLength: 8 })
  .filter((s) => s !== '.' && s !== '..' && !s.endsWith('.') && !s.endsWith(' '));
const safePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((a) => a.join('/'));
const line = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('=== BEGIN a ===', '=== END a ===', '==== END x ====', '=== BUNDLE v1 ===', '===', '=== ', '', '\r', '-- a --'),
);
const content = fc.oneof(
  fc.array(line, { maxLength: 8 }).chain((ls) => fc.constantFrom('\n', '\r\n').map((eol) => ls.join(eol))),
  fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n') + '\n'),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('properties', () => {
  it('parseBundle(formatBundle(files)) gives back the files, with no findings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path: safePath, content }), { selector: (f) => f.path.normalize('NFC').toLowerCase(), maxLength: 6 }).filter(
          (fs) => !fs.some((f) => fs.some((g) => g.path.startsWith(f.path + '/'))),
        ),
        (files) => {
          expect(roundTrip(files)).toEqual(files);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the parser never throws and every position lies inside the text', () => {
    const pieces = fc.constantFrom('=== BEGIN a ===', '=== END a ===', '=== END b ===', '==== BEGIN "x y" noeol ====', '=== BUNDLE v1 ===', '=== BUNDLE-END count=1 ===', 'text', '', '\r', '=== BEGIN ../x size=1 sha256=zz ===', '===');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(pieces, { maxLength: 20 }).map((a) => a.join('\n')));
    fc.assert(
      fc.property(text, (t) => {
        const b = parseBundle(t);
        const lines = t.split(/\r\n|\r|\n/);
        for (const f of b.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
        }
        for (const blk of b.blocks) {
          expect(blk.line).toBeGreaterThanOrEqual(1);
          expect(blk.endLine).toBeGreaterThanOrEqual(blk.line);
          expect(blk.endLine).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
