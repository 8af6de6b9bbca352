#!/usr/bin/env node
// Bundle dialect conformance against the real-world corpus (issue 3).
// Uses dist/ (run `npm run build` first). Corpus: $SEEDCHECK_CORPUS or
// ../shared/corpus relative to the repository root; its bundles/ folder and
// MANIFEST.tsv. Prints a table and "N passed, N failed"; exits 1 on any
// mismatch, 0 (with "skipped: …") when the corpus is absent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, process.env.SEEDCHECK_CORPUS || '../shared/corpus');
const bundles = join(corpus, 'bundles');
if (!existsSync(join(bundles, 'MANIFEST.tsv'))) {
  console.log(`skipped: corpus not found at ${bundles}`);
  process.exit(0);
}
const { detectBundle } = await import(join(root, 'dist/bundle/index.js'));
const { runConformance } = await import(join(root, 'dist/bundle/conformance.js'));
const rows = runConformance(bundles, detectBundle);
const w = Math.min(70, Math.max(...rows.map((r) => r.path.length)));
const cut = (s) => (s.length > w ? '…' + s.slice(s.length - w + 1) : s.padEnd(w));
console.log(`${'file'.padEnd(w)}  ${'expected'.padEnd(22)}  ${'detected'.padEnd(22)}  ms     result`);
for (const r of rows) {
  const exp = r.expectedDialect === null ? 'not a bundle' : `${r.expectedDialect} ${r.expectedBlocks}`;
  const got = r.gotDialect === null ? 'not a bundle' : `${r.gotDialect} ${r.gotBlocks}`;
  console.log(`${cut(r.path)}  ${exp.padEnd(22)}  ${got.padEnd(22)}  ${r.ms.toFixed(1).padStart(5)}  ${r.ok ? 'ok' : 'FAIL'}`);
}
const failed = rows.filter((r) => !r.ok).length;
console.log(`${rows.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
