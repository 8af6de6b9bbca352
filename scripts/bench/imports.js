// Import costs, each in a fresh process (median of N), and the module trace of
// a plain `seedcheck` run. Usage: node scripts/bench/imports.js [--runs N] [--json] [--trace-only <repoDir>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;

export const PACKAGES = ['zod', 'mdast-util-from-markdown', 'micromark-extension-gfm-table', 'mdast-util-gfm-table', 'fast-glob', 'picocolors', 'franc-min'];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** ms to import `spec` in a fresh process (after node's own start-up), median of `runs`. */
export function importCost(spec, n = runs) {
  // As the bin does: compile cache on (outside CI); one warm-up run fills it.
  const code = `(await import('node:module')).default.enableCompileCache?.();const t=performance.now();await import(${JSON.stringify(spec)});process.stdout.write(String(performance.now()-t))`;
  const xs = [];
  for (let i = -1; i < n; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (r.status !== 0) return { error: (r.stderr || '').split('\n').find((l) => l.trim()) ?? `exit ${r.status}` };
    if (i >= 0) xs.push(Number(r.stdout));
  }
  return { ms: Math.round(median(xs) * 10) / 10 };
}

/** Every module file a command loads (ESM only; CommonJS internals of a package are not listed). */
export function traceModules(args, { cwd, env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'seedcheck-trace-'));
  const out = join(dir, 'trace.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(ROOT, 'scripts/bench/trace-register.js')).href, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env, SEEDCHECK_TRACE: out, NODE_OPTIONS: '' },
    });
    const urls = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : [];
    const files = [...new Set(urls.filter((u) => u.startsWith('file:')).map((u) => relative(ROOT, fileURLToPath(u))))];
    const packages = [...new Set(files.filter((f) => f.includes('node_modules/')).map((f) => f.split('node_modules/').pop().split('/').slice(0, f.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/')))];
    return { status: r.status, stderr: r.stderr, files, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function distModules() {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out.push(p);
    }
  };
  if (existsSync(join(ROOT, 'dist'))) walk(join(ROOT, 'dist'));
  return out.sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = [];
  rows.push({ module: '(node:path: a built-in, floor)', ...importCost('node:path') });
  rows.push({ module: '(an empty ES module: loader floor)', ...importCost('data:text/javascript,export{}') });
  for (const p of PACKAGES) rows.push({ module: p, ...importCost(p) });
  for (const f of distModules()) rows.push({ module: relative(ROOT, f), ...importCost(pathToFileURL(f).href, Math.max(3, runs >> 1)) });
  if (argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log('| module | import ms (fresh process, median) |\n|---|---:|');
    for (const r of rows) console.log(`| \`${r.module}\` | ${r.ms ?? `error: ${r.error}`} |`);
  }
}
