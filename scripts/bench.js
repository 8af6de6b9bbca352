#!/usr/bin/env node
// `npm run bench`: seedcheck against its floors and its peer, side by side.
//
// Generates synthetic seed repositories in os.tmpdir()/seedcheck-bench-*
// (removed afterwards unless --keep), then measures the median wall time and
// the peak RSS of, interleaved round by round:
//   - `node -e 0`                          the start-up floor
//   - scripts/bench/read-all.js            the I/O floor (read every seed)
//   - scripts/bench/read-all.js --hash     read + SHA-256 every seed (what the digest check costs)
//   - bin/seedcheck.js                     on each repository (needs `npm run build`)
//   - markdownlint-cli2 "seeds/**/*.md"    the peer users run in pre-commit
// and, in process, parseBundle() on a 5 MB and a 50 MB canonical bundle.
//
// Flags: --quick (smaller sizes), --dry (one tiny repo, one run: a smoke
// test), --json (figures as JSON on stdout), --runs N (override run counts),
// --keep (keep the generated repositories), --no-mdl (skip markdownlint),
// --no-workers (skip the two-process experiment), --no-phases (skip the
// in-process breakdown of where the time goes), --only small,mid,large,big,bundle
// (generate and measure only those repositories).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeRepo, writeBigSeedRepo, proseChunks, bundleChunks, bundleText } from './bench/generate.js';
import { runNode, median, hasGnuTime, cleanupScratch } from './bench/measure.js';
import { phases as phaseBreakdown } from './bench/phases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'seedcheck.js');
const READ_ALL = join(ROOT, 'scripts', 'bench', 'read-all.js');
const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const MB = 1024 * 1024;

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f) => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
const mode = flag('--dry') ? 'dry' : flag('--quick') ? 'quick' : 'full';
const asJson = flag('--json');
const runsOverride = opt('--runs') ? Number(opt('--runs')) : undefined;
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

const PLAN = {
  full: { small: 10, mid: 1000, large: 10000, big: 200 * MB, bundle: 50 * MB, runs: { small: 10, mid: 5, large: 2, big: 3, bundle: 3 }, parse: [5 * MB, 50 * MB] },
  quick: { small: 10, mid: 200, large: 2000, big: 20 * MB, bundle: 5 * MB, runs: { small: 5, mid: 3, large: 3, big: 2, bundle: 2 }, parse: [1 * MB, 10 * MB] },
  dry: { small: 10, mid: 0, large: 0, big: 0, bundle: 0, runs: { small: 1 }, parse: [64 * 1024, 256 * 1024] },
}[mode];

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  log('seedcheck bench: dist/ is missing; run `npm run build` first.');
  process.exitCode = 2;
} else {
  await bench();
}

async function tryImport(rel) {
  try {
    return await import(pathToFileURL(join(ROOT, rel)).href);
  } catch {
    return null;
  }
}

async function bench() {
  const loadStart = round2(loadavg()[0]);
  const work = mkdtempSync(join(tmpdir(), 'seedcheck-bench-'));
  const classifyMod = await tryImport('dist/kinds/classify.js');
  const classify = classifyMod?.classify;
  const repos = {};
  try {
    // 1. Generate.
    const t0 = Date.now();
    const only = opt('--only')?.split(',');
    const gen = (key, label, fn) => {
      if (!PLAN[key] || (only && !only.includes(key))) return;
      const t = Date.now();
      const r = fn(join(work, key));
      repos[key] = { key, label, ...r };
      log(`generated ${label}: ${r.seeds} seed(s), ${(r.bytes / MB).toFixed(1)} MB in ${Date.now() - t} ms`);
    };
    gen('small', `${PLAN.small} seeds`, (d) => writeRepo(d, { count: PLAN.small, seed: 11, classify }));
    gen('mid', `${PLAN.mid} seeds`, (d) => writeRepo(d, { count: PLAN.mid, seed: 12, classify }));
    gen('large', `${PLAN.large} seeds`, (d) => writeRepo(d, { count: PLAN.large, seed: 13, classify }));
    gen('big', `1 seed of ${PLAN.big / MB} MB`, (d) => writeBigSeedRepo(d, { bytes: PLAN.big, kind: 'prose', chunk: proseChunks(), classify }));
    gen('bundle', `${PLAN.bundle / MB} MB canonical bundle`, (d) =>
      writeBigSeedRepo(d, { bytes: PLAN.bundle, kind: 'bundle', ext: 'txt', chunk: bundleChunks(), classify }),
    );
    log(`generation: ${((Date.now() - t0) / 1000).toFixed(1)} s${classify ? '' : ' (no built classifier: Kind column from the generators)'}`);

    // 2. What to run.
    const targets = [];
    const maxRuns = Math.max(...Object.values(PLAN.runs));
    const add = (name, repoKey, args, runs, cwd, timeoutMs, env) => targets.push({ name, repo: repoKey, args, runs: runsOverride ?? runs, cwd, timeoutMs, env, samples: [] });
    add('node -e 0', '-', ['-e', '0'], maxRuns);
    for (const key of ['small', 'mid', 'large', 'big', 'bundle']) {
      const repo = repos[key];
      if (!repo) continue;
      const runs = PLAN.runs[key];
      const seeds = join(repo.dir, 'seeds');
      add('seedcheck', key, [BIN], runs, repo.dir);
      add('read-all', key, [READ_ALL, seeds], runs);
      add('read+sha256', key, [READ_ALL, seeds, '--hash'], runs);
      // markdownlint-cli2 lints Markdown only (the bundle seed is .txt). It holds a whole file in memory several
      // times over (20 MB of Markdown: ~40 s and ~1.7 GB here), so it runs on the big seed only up to 32 MB, once.
      // On 10,000 seeds it ran over 15 minutes here: it gets one run, cut at 2 minutes.
      const mdlOk = key !== 'bundle' && (key !== 'big' || PLAN.big <= 32 * MB);
      if (!flag('--no-mdl') && existsSync(MDL) && mdlOk) add('markdownlint-cli2', key, [MDL, 'seeds/**/*.md'], key === 'big' || key === 'large' ? 1 : Math.min(runs, 3), repo.dir, key === 'large' ? 120_000 : 400_000);
    }
    // Both cores: the engine's worker pool ('auto' engages it only when the load average leaves a CPU idle), forced on
    // with SEEDCHECK_WORKERS=2 and off with 0; plus two processes with half the seeds each (scripts/bench/split.js).
    if (!flag('--no-workers') && mode !== 'dry') {
      for (const key of ['mid', 'large']) {
        if (!repos[key]) continue;
        add('seedcheck workers=0', key, [BIN], PLAN.runs[key] > 2 ? 3 : 2, repos[key].dir, undefined, { SEEDCHECK_WORKERS: '0' });
        add('seedcheck workers=2', key, [BIN], PLAN.runs[key] > 2 ? 3 : 2, repos[key].dir, undefined, { SEEDCHECK_WORKERS: '2' });
      }
      if (repos.mid) add('seedcheck (2 procs)', 'mid', [join(ROOT, 'scripts', 'bench', 'split.js'), BIN, '2'], 3, repos.mid.dir);
    }

    // 3. Warm up (compile cache, page cache), then interleave rounds so noise from a shared machine spreads evenly.
    log(`measuring ${targets.length} commands (${hasGnuTime() ? 'GNU time' : 'maxRSS preload'} for peak RSS)…`);
    // Warm-up only where a run is short; the big repositories were just written, so their pages are cached.
    for (const t of targets) if (t.repo === '-' || t.repo === 'small' || t.repo === 'mid') await runNode(t.args, { cwd: t.cwd, env: t.env });
    for (let round = 0; round < Math.max(...targets.map((t) => t.runs)); round++) {
      for (const t of targets) {
        if (round >= t.runs) continue;
        const s = await runNode(t.args, { cwd: t.cwd, timeoutMs: t.timeoutMs, env: t.env });
        t.samples.push(s);
      }
      log(`  round ${round + 1} done`);
    }

    // 4. Parse time of parseBundle on two sizes (in process, min of 3), and where the time goes on the largest repository.
    const parse = await parseTiming();
    let phases = null;
    const phaseRepo = repos.large ?? repos.small;
    if (!flag('--no-phases') && phaseRepo) {
      log(`phase breakdown on ${phaseRepo.label}…`);
      try {
        phases = await phaseBreakdown(phaseRepo.dir);
      } catch (e) {
        phases = { error: e.message };
      }
    }

    // 5. Report.
    const results = targets.map((t) => ({
      command: t.name,
      repo: t.repo,
      runs: t.samples.length,
      medianMs: round1(median(t.samples.map((s) => s.ms))),
      peakRssMB: round1(Math.max(...t.samples.map((s) => (Number.isFinite(s.rssKB) ? s.rssKB : 0))) / 1024),
      exitCodes: [...new Set(t.samples.map((s) => s.code))],
      stderr: t.samples.find((s) => s.code !== 0 && s.stderr)?.stderr.split('\n')[0] ?? undefined,
    }));
    const get = (cmd, repo) => results.find((r) => r.command === cmd && r.repo === repo);
    const ratios = [];
    const ratio = (label, a, b, target, ok, note) => {
      if (!a || !b) return;
      const v = a / b;
      ratios.push({ label, value: round2(v), target, met: ok(v), note });
    };
    const sc = (k) => get('seedcheck', k);
    const scOk = (k) => sc(k) && sc(k).exitCodes.every((c) => c === 0);
    ratio('seedcheck / node -e 0, 10 seeds', sc('small')?.medianMs, get('node -e 0', '-')?.medianMs, '≤ 2', (v) => v <= 2 && scOk('small'));
    for (const k of ['mid', 'large']) {
      if (repos[k]) ratio(`seedcheck / read-all, ${PLAN[k]} seeds`, sc(k)?.medianMs, get('read-all', k)?.medianMs, '≤ 3', (v) => v <= 3 && scOk(k));
    }
    if (repos.mid && repos.large) {
      const per = (k) => sc(k).medianMs - get('node -e 0', '-').medianMs;
      const scale = (per('large') / per('mid')) * (repos.mid.bytes / repos.large.bytes);
      ratios.push({
        label: `scaling ${PLAN.mid}→${PLAN.large} seeds vs linear (time per byte, start-up removed; < 1 is sublinear)`,
        value: round2(scale),
        target: '≤ 1.15',
        met: scale <= 1.15 && scOk('mid') && scOk('large'),
      });
      const mdlDone = (k) => get('markdownlint-cli2', k) && !get('markdownlint-cli2', k).exitCodes.includes('timeout');
      const mdlScale = mdlDone('large') && mdlDone('mid') ? get('markdownlint-cli2', 'large').medianMs / get('markdownlint-cli2', 'mid').medianMs : null;
      if (mdlScale) ratios.push({ label: `markdownlint-cli2 time ${PLAN.mid}→${PLAN.large} seeds (for reference)`, value: round2(mdlScale), target: '-', met: null });
    }
    if (repos.large) ratios.push({ label: `peak RSS, ${PLAN.large} seeds (MB)`, value: sc('large')?.peakRssMB, target: '< 150', met: sc('large')?.peakRssMB < 150 && scOk('large') });
    for (const k of ['mid', 'large']) {
      const w0 = get('seedcheck workers=0', k);
      const w2 = get('seedcheck workers=2', k);
      if (w0 && w2) ratios.push({ label: `both cores: workers=0 / workers=2, ${PLAN[k]} seeds (> 1: the pool pays)`, value: round2(w0.medianMs / w2.medianMs), target: '-', met: null });
    }
    const split = get('seedcheck (2 procs)', 'mid');
    if (split && sc('mid')) ratios.push({ label: `both cores: 1 process / 2 processes (half the seeds each), ${PLAN.mid} seeds`, value: round2(sc('mid').medianMs / split.medianMs), target: '-', met: null });
    if (repos.big) {
      const sizeMB = repos.big.bytes / MB;
      ratios.push({ label: `peak RSS, one ${sizeMB.toFixed(0)} MB seed (MB)`, value: sc('big')?.peakRssMB, target: `< ${(2 * sizeMB).toFixed(0)}`, met: sc('big')?.peakRssMB < 2 * sizeMB && scOk('big') });
    }
    if (parse.ok) ratios.push({ label: `parseBundle ${parse.sizes[1] / MB} MB / ${parse.sizes[0] / MB} MB`, value: round2(parse.ms[1] / parse.ms[0]), target: `≈ ${parse.sizes[1] / parse.sizes[0]} (linear)`, met: parse.ms[1] / parse.ms[0] < 1.5 * (parse.sizes[1] / parse.sizes[0]) });

    const out = {
      mode,
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memGB: round1(totalmem() / 1024 ** 3), rss: hasGnuTime() ? 'GNU time %M' : 'process.resourceUsage().maxRSS', loadavg: { start: loadStart, end: round2(loadavg()[0]) } },
      repos: Object.values(repos).map((r) => ({ repo: r.key, label: r.label, seeds: r.seeds, MB: round1(r.bytes / MB) })),
      results,
      parse,
      phases,
      ratios,
    };
    if (asJson) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else printText(out);
    if (flag('--keep')) log(`kept: ${work}`);
  } finally {
    if (!flag('--keep')) rmSync(work, { recursive: true, force: true });
    cleanupScratch();
  }
}

async function parseTiming() {
  const mod = await tryImport('dist/bundle/index.js');
  const sizes = PLAN.parse;
  if (!mod?.parseBundle) return { ok: false, sizes, note: 'dist/bundle/index.js not built' };
  const ms = [];
  const blocks = [];
  try {
    for (const size of sizes) {
      const text = bundleText(size);
      let best = Infinity;
      let n = 0;
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        const b = mod.parseBundle(text);
        best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
        n = b.blocks.length;
      }
      ms.push(round1(best));
      blocks.push(n);
    }
  } catch (e) {
    return { ok: false, sizes, note: `parseBundle threw: ${e.message}` };
  }
  return { ok: true, sizes, ms, blocks, MBps: sizes.map((s, i) => round1(s / MB / (ms[i] / 1000))) };
}

function printText(out) {
  const lines = [];
  lines.push(`seedcheck bench (${out.mode}) — ${out.date}`);
  lines.push(`node ${out.machine.node}, ${out.machine.cpus} CPU(s) ${out.machine.cpu ?? ''}, ${out.machine.memGB} GB RAM; peak RSS via ${out.machine.rss}; load average ${out.machine.loadavg.start} at start, ${out.machine.loadavg.end} at end`);
  lines.push('');
  lines.push('Repositories: ' + out.repos.map((r) => `${r.repo} = ${r.label} (${r.MB} MB)`).join('; '));
  lines.push('');
  const rows = [['command', 'repo', 'runs', 'median ms', 'peak RSS MB', 'exit']];
  for (const r of out.results) rows.push([r.command, r.repo, String(r.runs), r.medianMs.toFixed(1), r.peakRssMB.toFixed(1), r.exitCodes.join(',')]);
  const w = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [i, row] of rows.entries()) {
    lines.push(row.map((c, j) => (j >= 2 ? c.padStart(w[j]) : c.padEnd(w[j]))).join('  '));
    if (i === 0) lines.push(w.map((n) => '-'.repeat(n)).join('  '));
  }
  const failed = out.results.filter((r) => r.command.startsWith('seedcheck') && r.exitCodes.some((c) => c !== 0));
  for (const f of failed) lines.push(`  note: seedcheck on ${f.repo} exited ${f.exitCodes.join(',')}${f.stderr ? `: ${f.stderr}` : ''}`);
  lines.push('');
  if (out.parse.ok) lines.push(`parseBundle: ${out.parse.sizes.map((s, i) => `${s / MB} MB (${out.parse.blocks[i]} blocks) in ${out.parse.ms[i]} ms = ${out.parse.MBps[i]} MB/s`).join('; ')}`);
  else lines.push(`parseBundle: not measured (${out.parse.note})`);
  if (out.phases?.phases) {
    lines.push('');
    lines.push(`Where the time goes (in process, CPU time, ${out.phases.seeds} seeds, ${out.phases.MB} MB):`);
    for (const p of out.phases.phases) lines.push(`  ${p.phase.padEnd(36)} ${String(p.cpuMs).padStart(7)} ms  (${p.perSeedMs} ms/seed)`);
    lines.push(`  (this process holds every seed's bytes and text at once, so its RSS says nothing about seedcheck's)`);
  } else if (out.phases?.error) lines.push(`phases: ${out.phases.error}`);
  lines.push('');
  lines.push('Targets:');
  for (const r of out.ratios) lines.push(`  ${r.met === null ? '    ' : r.met ? 'MET ' : 'MISS'}  ${r.label}: ${r.value}  (target ${r.target})`);
  process.stdout.write(lines.join('\n') + '\n');
}

function round1(x) {
  return Math.round(x * 10) / 10;
}
function round2(x) {
  return Math.round(x * 100) / 100;
}

