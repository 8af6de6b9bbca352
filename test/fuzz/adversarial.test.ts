/**
 * Adversarial inputs must take linear time in every parser and scanner: the
 * time on a 4n input over the time on an n input stays below 8 (linear ≈ 4,
 * quadratic ≈ 16). Never an absolute time.
 */
import { describe, it } from 'vitest';
import { parseBundle, detectBundle } from '../../src/bundle/index.js';
import { classify } from '../../src/kinds/classify.js';
import { scanBytes } from '../../src/check/content.js';
import { parseIndex, checkIndex } from '../../src/check/manifest.js';
import { ADVERSARIAL } from './inputs.js';
import { expectLinear } from './helpers.js';

const enc = new TextEncoder();

interface Subject {
  name: string;
  run: (text: string) => unknown;
  /** Scale the input's base size for slow-but-linear subjects. */
  scale?: number;
  /** Only these inputs (by name); default all. */
  only?: string[];
  /** Prepare the input outside the timing (e.g. encode to bytes). */
  prepare?: (text: string) => unknown;
}

const SUBJECTS: Subject[] = [
  { name: 'parseBundle', run: (t) => parseBundle(t) },
  { name: 'detectBundle', run: (t) => detectBundle(t) },
  { name: 'content scanner', prepare: (t) => enc.encode(t), run: (b) => scanBytes(b as unknown as Uint8Array) },
  {
    // mdast + GFM tables cost ~0.6 ms of CPU per row: the INDEX inputs are scaled down (2,000 rows at 4n).
    name: 'INDEX.md parse + check',
    scale: 0.02,
    only: ['INDEX.md table with n rows', 'table-ish pipes on one line', 'a single line of "=" (n bytes)', 'combining marks over many lines', 'deeply nested fences (backticks, tildes, canonical, markdown-files)'],
    run: (t) => checkIndex(parseIndex(t), { file: 'seeds/INDEX.md', entries: new Map(), seeds: new Map() }),
  },
  { name: 'classify', prepare: (t) => enc.encode(t), run: (b) => classify(b as unknown as Uint8Array, 'seed.txt') },
];

for (const s of SUBJECTS) {
  describe(`${s.name} is linear on adversarial input`, () => {
    for (const a of ADVERSARIAL.filter((x) => !s.only || s.only.includes(x.name))) {
      it(a.name, { timeout: 90_000 }, () => {
        const n = Math.max(16, Math.round(a.n * (s.scale ?? 1)));
        expectLinear(
          (m) => (s.prepare ? s.prepare(a.make(m)) : a.make(m)),
          (input) => s.run(input as string),
          n,
          `${s.name} on ${a.name}`,
        );
      });
    }
  });
}
