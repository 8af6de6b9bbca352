// Where seedcheck's time and memory go, in process, phase by phase, on one
// generated repository: read, scan (UTF-8 + character checks + SHA-256),
// detectBundle, classify, and INDEX.md parse + check (mdast + GFM table).
// CPU time per phase (process.cpuUsage), so other load on the machine does
// not inflate it. Usage: node scripts/bench/phases.js <repoDir> [--json]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function phases(repo) {
  const { scanBytes } = await dist('check/content.js');
  const { classify } = await dist('kinds/classify.js');
  const { detectBundle } = await dist('bundle/index.js');
  const { parseIndex, checkIndex } = await dist('check/manifest.js');
  const seedsDir = join(repo, 'seeds');
  const names = readdirSync(seedsDir).filter((n) => n !== 'INDEX.md');
  const out = { seeds: names.length, MB: 0, phases: [] };
  const time = (name, fn) => {
    const t = cpu();
    const r = fn();
    out.phases.push({ phase: name, cpuMs: Math.round(cpu() - t), perSeedMs: Math.round(((cpu() - t) / names.length) * 1000) / 1000 });
    return r;
  };
  const files = time('read (sync)', () => names.map((n) => [n, readFileSync(join(seedsDir, n))]));
  for (const [, b] of files) out.MB += b.length / 1048576;
  out.MB = Math.round(out.MB * 10) / 10;
  time('scan + SHA-256', () => files.forEach(([, b]) => scanBytes(b)));
  const texts = time('UTF-8 decode', () => files.map(([, b]) => b.toString('utf8')));
  const bundles = time('detectBundle', () => texts.map((t) => detectBundle(t)));
  time('classify', () => files.forEach(([n, b], i) => classify(b, n, { text: texts[i], bundle: bundles[i], totalBytes: b.length })));
  const index = readFileSync(join(seedsDir, 'INDEX.md'), 'utf8');
  const rss0 = process.resourceUsage().maxRSS;
  const parsed = time('INDEX.md parse (mdast + GFM table)', () => parseIndex(index));
  out.indexMaxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  out.indexRssGrowthMB = Math.round((process.resourceUsage().maxRSS - rss0) / 1024);
  time('INDEX.md check', () => checkIndex(parsed, { file: 'seeds/INDEX.md', entries: new Map(), seeds: new Map() }));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await phases(process.argv[2]);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`${r.seeds} seeds, ${r.MB} MB`);
    for (const p of r.phases) console.log(`${p.phase.padEnd(36)} ${String(p.cpuMs).padStart(7)} ms CPU  ${p.perSeedMs} ms/seed`);
    console.log(`peak RSS after INDEX.md parse: ${r.indexMaxRssMB} MB (+${r.indexRssGrowthMB} MB)`);
  }
}
