#!/usr/bin/env node
/**
 * Classifier speed on the labelled corpus (../shared/corpus/kinds, or
 * $SEEDCHECK_CORPUS): warm, in process, against dist/.
 *
 *   npx tsc -p tsconfig.build.json && node scripts/bench/classify.js [--rounds N] [--slowest] [--verdicts] [--full] [--against DIST]
 *
 * Prints ms per document (median over rounds of each document's time, then
 * the mean and median over documents), MB/s, and the same per labelled kind.
 * --verdicts prints `path kind subtype language` per document instead (to diff
 * before/after an optimisation); --full adds title, date, lines, words,
 * confidence, runner-up and evidence.
 *
 * --against <dir> compares with another build (a dist/ folder, e.g. one built
 * from an older commit with `git archive <rev> src tsconfig*.json | tar -x`):
 * both run interleaved in this process and each document's minimum over the
 * rounds is kept, which holds up far better than medians on a shared, loaded
 * machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindsCorpusDir, readKindsManifest } from '../kinds-corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : def;
};
const rounds = opt('--rounds', 7);

const dir = kindsCorpusDir();
if (!dir) {
  console.log('skipped: corpus not found');
  process.exit(0);
}
const entry = join(root, 'dist/kinds/classify.js');
if (!existsSync(entry)) {
  console.error('bench/classify: dist/ is missing; run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { classify } = await import(entry);

const docs = readKindsManifest(dir).map(({ path, kind }) => {
  const b = readFileSync(join(dir, path));
  return { path, kind, bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) };
});

if (args.includes('--verdicts') || args.includes('--full')) {
  const full = args.includes('--full');
  for (const d of docs) {
    const r = classify(d.bytes, d.path);
    const cols = [d.path, r.kind, r.subtype ?? '-', r.language ?? '-'];
    if (full) cols.push(JSON.stringify({ title: r.title, date: r.date, lines: r.lines, words: r.words, confidence: r.confidence, runnerUp: r.runnerUp, evidence: r.evidence, bundle: r.bundle }));
    console.log(cols.join('\t'));
  }
  process.exit(0);
}

const againstIdx = args.indexOf('--against');
if (againstIdx >= 0) {
  const other = resolve(args[againstIdx + 1] ?? '', 'kinds/classify.js');
  if (!existsSync(other)) {
    console.error(`bench/classify: ${other} not found`);
    process.exit(2);
  }
  const A = (await import(other)).classify;
  const B = classify;
  for (let w = 0; w < 3; w++) for (const f of [A, B]) for (const d of docs) f(d.bytes, d.path);
  const ma = docs.map(() => Infinity);
  const mb = docs.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      for (const [f, m] of r % 2 ? [[A, ma], [B, mb]] : [[B, mb], [A, ma]]) {
        const t0 = process.hrtime.bigint();
        f(d.bytes, d.path);
        const t = Number(process.hrtime.bigint() - t0) / 1e6;
        if (t < m[i]) m[i] = t;
      }
    }
  }
  const total = docs.reduce((n, d) => n + d.bytes.length, 0);
  const sa = ma.reduce((x, y) => x + y, 0);
  const sb = mb.reduce((x, y) => x + y, 0);
  console.log(`# classify(): ${other} (A) vs ${entry} (B), ${docs.length} documents, per-document minimum over ${rounds} interleaved rounds`);
  console.log(`A: ${(sa / docs.length).toFixed(3)} ms/doc, ${(total / 1e3 / sa).toFixed(1)} MB/s`);
  console.log(`B: ${(sb / docs.length).toFixed(3)} ms/doc, ${(total / 1e3 / sb).toFixed(1)} MB/s`);
  console.log(`B is ${(sa / sb).toFixed(2)}x A\n\n| kind | A ms/doc | B ms/doc | ratio |\n|---|---|---|---|`);
  for (const k of [...new Set(docs.map((d) => d.kind))].sort()) {
    let a = 0;
    let b = 0;
    let n = 0;
    docs.forEach((d, i) => {
      if (d.kind === k) {
        a += ma[i];
        b += mb[i];
        n++;
      }
    });
    console.log(`| ${k} | ${(a / n).toFixed(3)} | ${(b / n).toFixed(3)} | ${(a / b).toFixed(2)}x |`);
  }
  process.exit(0);
}

// Warm the JIT: two untimed rounds.
for (let w = 0; w < 2; w++) for (const d of docs) classify(d.bytes, d.path);

const times = docs.map(() => []);
const cpu0 = process.cpuUsage();
const wall0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const t0 = process.hrtime.bigint();
    classify(d.bytes, d.path);
    times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const med = times.map(median);
const totalBytes = docs.reduce((n, d) => n + d.bytes.length, 0);
const sumMs = med.reduce((a, b) => a + b, 0);
const fmt = (x, d = 2) => x.toFixed(d);

console.log(`# classify() on ${docs.length} documents, ${fmt(totalBytes / 1024, 0)} KiB (${dir})`);
console.log(`rounds: ${rounds} (+2 warm-up); node ${process.version}`);
console.log(`ms per document: mean ${fmt(sumMs / docs.length, 3)}, median ${fmt(median(med), 3)} (each document's median over rounds)`);
console.log(`throughput: ${fmt(totalBytes / 1e6 / (sumMs / 1000), 1)} MB/s (sum of medians); whole run ${fmt(wallMs, 0)} ms wall, ${fmt(cpuMs, 0)} ms CPU = ${fmt((totalBytes * rounds) / 1e6 / (cpuMs / 1000), 1)} MB/s CPU`);
console.log('\n| kind | n | KiB/doc | ms/doc (mean) | ms/doc (max) | MB/s |');
console.log('|---|---|---|---|---|---|');
const kinds = [...new Set(docs.map((d) => d.kind))].sort();
for (const k of kinds) {
  const idx = docs.map((d, i) => (d.kind === k ? i : -1)).filter((i) => i >= 0);
  const b = idx.reduce((n, i) => n + docs[i].bytes.length, 0);
  const ms = idx.reduce((n, i) => n + med[i], 0);
  const mx = Math.max(...idx.map((i) => med[i]));
  console.log(`| ${k} | ${idx.length} | ${fmt(b / 1024 / idx.length, 1)} | ${fmt(ms / idx.length, 3)} | ${fmt(mx, 2)} | ${fmt(b / 1e6 / (ms / 1000), 1)} |`);
}
if (args.includes('--slowest')) {
  console.log('\nslowest documents:');
  const order = med.map((m, i) => [m, i]).sort((a, b) => b[0] - a[0]).slice(0, 10);
  for (const [m, i] of order) console.log(`  ${fmt(m, 2)} ms  ${fmt(docs[i].bytes.length / 1024, 1)} KiB  ${docs[i].path}`);
}
