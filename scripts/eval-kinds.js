#!/usr/bin/env node
/**
 * Evaluate the kind classifier (dist/) on the labelled corpus
 * (../shared/corpus/kinds, or $SEEDCHECK_CORPUS pointing at the corpus root
 * or at its kinds/ folder). Prints accuracy, precision/recall per kind, a
 * confusion matrix, and the same for `file -b` mapped onto kinds as a
 * baseline when file(1) is installed.
 *
 *   npm run build && npm run eval:kinds [-- --misses] [-- --json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { kindsCorpusDir, readKindsManifest, repoRoot } from './kinds-corpus.js';

const root = repoRoot;
const args = process.argv.slice(2);
const showMisses = args.includes('--misses');

const dir = kindsCorpusDir();
if (!dir) {
  console.log('skipped: corpus not found');
  process.exit(0);
}
const distEntry = join(root, 'dist/kinds/classify.js');
if (!existsSync(distEntry)) {
  console.error('eval-kinds: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { classify, setKindsDebug } = await import(distEntry);
let lastScores = '';
if (showMisses && setKindsDebug) setKindsDebug((s) => (lastScores = s));

const rows = readKindsManifest(dir);

// --- seedcheck ---
const preds = [];
const t0 = process.hrtime.bigint();
let bytesTotal = 0;
for (const r of rows) {
  const bytes = readFileSync(join(dir, r.path));
  bytesTotal += bytes.length;
  const res = classify(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), r.path);
  preds.push({ ...r, pred: res.kind, conf: res.confidence, res, scores: lastScores });
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

// --- file(1) baseline ---
function fileToKind(desc, path) {
  const d = desc.toLowerCase();
  if (/empty/.test(d)) return 'empty';
  if (/mail|news or mail|mime entity/.test(d)) return 'email';
  if (/diff output|unified diff/.test(d)) return 'bundle';
  if (/json|csv|xml|yaml|toml|geojson/.test(d)) return 'data';
  if (/script|source|program|java|perl|python|ruby|php|c\+\+|makefile|algol|fortran|pascal|lisp|tcl|awk|node/.test(d)) return 'code';
  if (/latex|tex document|bibtex/.test(d)) return 'paper';
  if (/html|sgml/.test(d)) return 'docs';
  if (/pdf|image|zip|gzip|archive|compressed|executable|data$/.test(d) && !/text/.test(d)) return 'binary';
  if (/text/.test(d)) return 'prose';
  return 'unknown';
}
let filePreds = null;
let fileVersion = null;
try {
  fileVersion = execFileSync('file', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  filePreds = rows.map((r) => {
    const desc = execFileSync('file', ['-b', join(dir, r.path)], { encoding: 'utf8' }).trim();
    return { ...r, pred: fileToKind(desc, r.path), desc };
  });
} catch {
  filePreds = null;
}

function report(title, ps) {
  const kinds = [...new Set(ps.map((p) => p.kind))].sort();
  const predKinds = [...new Set([...kinds, ...ps.map((p) => p.pred)])].sort();
  const correct = ps.filter((p) => p.pred === p.kind).length;
  console.log(`\n## ${title}\n`);
  console.log(`accuracy: ${correct}/${ps.length} = ${((100 * correct) / ps.length).toFixed(1)}%\n`);
  console.log('| kind | n | precision | recall |');
  console.log('|---|---|---|---|');
  let minRecall = 1;
  for (const k of kinds) {
    const tp = ps.filter((p) => p.kind === k && p.pred === k).length;
    const n = ps.filter((p) => p.kind === k).length;
    const np = ps.filter((p) => p.pred === k).length;
    const prec = np ? tp / np : 0;
    const rec = n ? tp / n : 0;
    minRecall = Math.min(minRecall, rec);
    console.log(`| ${k} | ${n} | ${np ? (100 * prec).toFixed(0) + '%' : '–'} | ${(100 * rec).toFixed(0)}% |`);
  }
  console.log('\nconfusion matrix (rows: label, columns: predicted)\n');
  const ab = (k) => k.slice(0, 5);
  console.log(['label \\ pred'.padEnd(13), ...predKinds.map((k) => ab(k).padStart(5))].join(' '));
  for (const k of kinds) {
    const cells = predKinds.map((pk) => {
      const n = ps.filter((p) => p.kind === k && p.pred === pk).length;
      return (n ? String(n) : '.').padStart(5);
    });
    console.log([k.padEnd(13), ...cells].join(' '));
  }
  return { accuracy: correct / ps.length, minRecall };
}

console.log(`# kind classification on ${rows.length} labelled documents (${dir})`);
const mine = report('seedcheck', preds);
const confident = preds.filter((p) => p.conf >= 0.8);
const confRight = confident.filter((p) => p.pred === p.kind).length;
console.log(`\nconfidence ≥ 0.8: ${confident.length} documents, ${confRight} right (${confident.length ? ((100 * confRight) / confident.length).toFixed(1) : '–'}%)`);
console.log(`time: ${ms.toFixed(0)} ms for ${(bytesTotal / 1024).toFixed(0)} KiB (${(ms / rows.length).toFixed(2)} ms per document, in-process)`);
console.log(`targets: accuracy ≥ 90% ${mine.accuracy >= 0.9 ? 'met' : 'NOT met'}; every kind ≥ 70% recall ${mine.minRecall >= 0.7 ? 'met' : 'NOT met'}`);
if (filePreds) report(`baseline: file -b (${fileVersion}) mapped onto kinds`, filePreds);
else console.log('\nbaseline skipped: file(1) not installed');

if (showMisses) {
  console.log('\n## misclassified\n');
  for (const p of preds.filter((x) => x.pred !== x.kind)) {
    console.log(`${p.path}: ${p.kind} → ${p.pred} ${p.conf} (runner-up ${p.res.runnerUp?.kind} ${p.res.runnerUp?.confidence})`);
    console.log(`    scores: ${p.scores}`);
    for (const e of p.res.evidence.slice(0, 6)) console.log(`    ${e}`);
  }
}
