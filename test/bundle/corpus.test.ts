/**
 * Corpus conformance (issue 3): every real bundle in <corpus>/bundles/ is
 * detected as its manifest dialect with its block count; negatives are not
 * bundles. Corpus: $SEEDCHECK_CORPUS or ../shared/corpus from the repo root.
 * Skipped, visibly, when absent.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectBundle } from '../../src/bundle/index.js';
import { checkFile, readManifest, expectedDialect } from '../../src/bundle/conformance.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const corpus = resolve(repo, process.env.SEEDCHECK_CORPUS || '../shared/corpus');
const bundles = join(corpus, 'bundles');
const present = existsSync(join(bundles, 'MANIFEST.tsv'));

describe('bundle corpus conformance', () => {
  if (!present) {
    it.skip(`skipped: corpus not found at ${bundles}`, () => {});
    return;
  }
  const rows = readManifest(bundles);
  it('the manifest lists files with known dialects', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(expectedDialect(r.dialect), r.path).not.toBeUndefined();
  });
  it.each(rows.map((r) => [r.path, r] as const))('%s', (_p, row) => {
    const got = checkFile(bundles, row, detectBundle);
    expect({ dialect: got.gotDialect, blocks: got.gotBlocks, ok: got.ok }).toEqual({
      dialect: got.ok ? got.gotDialect : got.expectedDialect,
      blocks: got.ok ? got.gotBlocks : got.expectedBlocks,
      ok: true,
    });
  });
});
