/**
 * Corpus conformance for the dialect recognisers: every file listed in
 * `<corpus>/bundles/MANIFEST.tsv` must be detected as the manifest's dialect
 * with its block count; `negative` files must not be bundles. Used by
 * test/bundle/corpus.test.ts (from src) and scripts/conformance-bundles.js
 * (from dist). Nothing here looks at file names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, DialectId } from './types.js';

export interface ConformanceRow {
  path: string;
  expectedDialect: DialectId | null;
  expectedBlocks: number;
  gotDialect: DialectId | null;
  gotBlocks: number;
  ok: boolean;
  ms: number;
}

const IDS: ReadonlySet<string> = new Set([
  'seedcheck', 'txtar', 'repomix-xml', 'repomix-markdown', 'repomix-plain', 'repomix-json', 'gitingest', 'files-to-prompt', 'markdown-files',
]);

/** Map a manifest dialect column to a dialect id (null = not a bundle). */
export function expectedDialect(col: string): DialectId | null | undefined {
  const c = col.trim().toLowerCase();
  if (c === 'negative' || c === 'none' || c === '') return null;
  if (IDS.has(c)) return c as DialectId;
  if (c.startsWith('repopack-')) return expectedDialect('repomix-' + c.slice(9));
  if (c.startsWith('files-to-prompt')) return 'files-to-prompt';
  if (c.startsWith('code2prompt')) return 'markdown-files';
  return undefined;
}

/** Parse MANIFEST.tsv by its header (columns local_path, dialect, number_of_file_blocks…). */
export function readManifest(bundlesDir: string): Array<{ path: string; dialect: string; blocks: number }> {
  const text = readFileSync(join(bundlesDir, 'MANIFEST.tsv'), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const head = (lines.shift() ?? '').split('\t').map((h) => h.trim());
  const pathCol = head.indexOf('local_path');
  const dialectCol = head.indexOf('dialect');
  const countCol = head.findIndex((h) => h.startsWith('number_of_file_blocks'));
  if (pathCol < 0 || dialectCol < 0 || countCol < 0) throw new Error('MANIFEST.tsv: missing local_path, dialect or number_of_file_blocks column');
  return lines.map((l) => {
    const cells = l.replace(/\r$/, '').split('\t');
    return { path: cells[pathCol] ?? '', dialect: cells[dialectCol] ?? '', blocks: Number(cells[countCol] ?? 'NaN') };
  });
}

export function checkFile(bundlesDir: string, row: { path: string; dialect: string; blocks: number }, detect: (text: string) => Bundle | null): ConformanceRow {
  const bytes = readFileSync(join(bundlesDir, row.path));
  const text = new TextDecoder('utf-8').decode(bytes);
  const t0 = performance.now();
  const b = detect(text);
  const ms = performance.now() - t0;
  const exp = expectedDialect(row.dialect);
  const gotDialect = b ? b.dialect : null;
  const gotBlocks = b ? b.blocks.length : 0;
  let ok: boolean;
  if (exp === undefined) ok = false;
  else if (exp === null) ok = b === null;
  else if (row.blocks === 0) ok = b === null || (gotDialect === exp && gotBlocks === 0); // a file-less archive is only text
  else ok = gotDialect === exp && gotBlocks === row.blocks;
  return { path: row.path, expectedDialect: exp ?? null, expectedBlocks: row.blocks, gotDialect, gotBlocks, ok, ms };
}

export function runConformance(bundlesDir: string, detect: (text: string) => Bundle | null): ConformanceRow[] {
  return readManifest(bundlesDir).map((r) => checkFile(bundlesDir, r, detect));
}
