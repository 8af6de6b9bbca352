/** fast-check arbitraries for line-oriented adversarial text. */
import fc from 'fast-check';
import { PIECES } from './helpers.js';

/** One line: a known marker-ish piece, a mutation of one, or random text (full Unicode). */
export const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.nat(40), fc.string({ unit: 'grapheme', maxLength: 6 })).map(([p, at, ins]) => {
      const i = at % (p.length + 1);
      return p.slice(0, i) + ins + p.slice(i);
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('=', ' ', '-', '`', '|', '<', '>', '#', '"', '\\', 'a', '/'), maxLength: 24 }) },
);

/** A document: lines joined by LF, sometimes CRLF or CR, optional final newline. */
export const docArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final && lines.length ? eol : ''));

/** Plain random strings too (binary unit covers lone surrogates and controls). */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(docArb, fc.string({ unit: 'binary', maxLength: 400 }));
