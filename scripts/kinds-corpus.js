// The labelled kinds corpus (../shared/corpus/kinds, or $SEEDCHECK_CORPUS),
// shared by the evaluation (scripts/eval-kinds.js) and the classifier bench
// (scripts/bench/classify.js).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The corpus folder holding MANIFEST.tsv, or null when it is absent. */
export function kindsCorpusDir() {
  const env = process.env.SEEDCHECK_CORPUS;
  const candidates = env ? [join(env, 'kinds'), env] : [resolve(repoRoot, '../shared/corpus/kinds')];
  for (const c of candidates) if (existsSync(join(c, 'MANIFEST.tsv'))) return c;
  return null;
}

/** `{ path, kind }` for every labelled document of MANIFEST.tsv. */
export function readKindsManifest(dir) {
  return readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [path, kind] = l.split('\t');
      return { path, kind };
    });
}
