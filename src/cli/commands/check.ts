/**
 * `seedcheck [check]`: run the checks, print every requested format, and
 * return the exit code (0 clean, 1 errors or too many warnings, 2 usage).
 */
import { isAbsolute } from 'node:path';
import type { CliIo } from '../io.js';
import { parseCheckArgs, useColor, USAGE, type CheckArgs, type FormatRequest } from '../args.js';
import { UsageError } from '../../config/types.js';
import { joinPath, type SeedFs } from '../../fs.js';
import type { CheckOptions } from '../../check/types.js';
import type { Report } from '../../report/model.js';
import type { FormatContext } from '../../report/formats/index.js';
import { sanitize } from '../../report/sanitize.js';
import { VERSION } from '../../version.js';

/** A path from the command line, relative to the CLI's cwd. */
function fromCwd(io: CliIo, p: string): string {
  if (isAbsolute(p) || io.cwd === process.cwd()) return p;
  return joinPath(io.cwd, p);
}

/** The exit code of a (possibly --quiet-filtered) report. */
export function exitCodeOf(report: Report, maxWarnings: number): number {
  if (report.summary.errors > 0) return 1;
  if (maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}

/** --quiet: drop warnings from the output and from the count (like ESLint). */
export function errorsOnly(report: Report): Report {
  return {
    ...report,
    summary: { ...report.summary, warnings: 0 },
    diagnostics: report.diagnostics.filter((d) => d.severity === 'error'),
  };
}

/**
 * Long runs on a terminal: after about a second, show a status line on
 * stderr with the elapsed time, and erase it when the check ends. Never on
 * a pipe, a file or in CI logs.
 */
export function startProgress(io: CliIo, delayMs = 1000): { stop(): void } {
  if (!io.stderrIsTTY || io.env.CI || io.env.TERM === 'dumb') return { stop() {} };
  const t0 = Date.now();
  let shown = false;
  const tick = () => {
    shown = true;
    io.stderr.write(`\rseedcheck: checking… ${Math.round((Date.now() - t0) / 1000)} s`);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    tick();
    timer = setInterval(tick, 1000);
    timer.unref?.();
  }, delayMs);
  first.unref?.();
  return {
    stop() {
      clearTimeout(first);
      if (timer) clearInterval(timer);
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

function defaultFormats(io: CliIo): FormatRequest[] {
  return io.env.GITHUB_ACTIONS === 'true' ? [{ name: 'github' }] : [{ name: 'stylish' }];
}

export function checkOptionsOf(a: CheckArgs, io: CliIo, fs: SeedFs | undefined): CheckOptions {
  const opts: CheckOptions = {};
  if (a.root !== undefined) opts.root = fromCwd(io, a.root);
  else if (io.cwd !== process.cwd()) opts.root = io.cwd;
  if (a.seedsDir !== undefined) opts.seedsDir = a.seedsDir;
  if (a.config !== undefined) opts.configFile = fromCwd(io, a.config);
  if (Object.keys(a.rules).length > 0) opts.rules = a.rules;
  if (a.paths.length > 0) opts.paths = a.paths.map((p) => fromCwd(io, p));
  if (fs) opts.fs = fs;
  return opts;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const a = parseCheckArgs(args);
  if (a.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (a.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const fs = io.fs ?? (await import('../../node-fs.js')).nodeFs;
  const opts = checkOptionsOf(a, io, fs);

  if (a.fix) {
    const { fixIndex } = await import('../../check/fix.js');
    const res = await fixIndex(opts);
    for (const change of res.changes) io.stderr.write(`fixed ${sanitize(res.file, 200)}: ${sanitize(change, 300)}\n`);
  }

  const formats = a.formats.length > 0 ? a.formats : defaultFormats(io);
  // stylish shows code frames; sarif and gitlab hash the line text into fingerprints (always, so they are stable).
  // The engine keeps the decoded text of files with findings (legacy encodings decoded, BOM dropped), so nothing is read twice.
  const needsSources = formats.some((f) => f.name === 'stylish' || f.name === 'sarif' || f.name === 'gitlab');
  const { checkWithSources } = await import('../../check/run.js');
  const progress = startProgress(io);
  let full: Report;
  let sources: Map<string, string>;
  try {
    ({ report: full, sources } = await checkWithSources(opts, needsSources));
  } finally {
    progress.stop();
  }
  const report = a.quiet ? errorsOnly(full) : full;
  const exitCode = exitCodeOf(report, a.maxWarnings);
  const { loadFormatter } = await import('../../report/formats/index.js');

  for (const f of formats) {
    const ctx: FormatContext = {
      color: f.file === undefined ? useColor(a.color, io.env, io.stdoutIsTTY) : false,
      cwd: io.cwd,
      env: io.env,
      verbose: a.verbose,
      quiet: a.quiet,
      maxWarnings: a.maxWarnings,
      exitCode,
      sourceOf: (file) => sources.get(file),
    };
    const text = await (await loadFormatter(f.name))(report, ctx);
    if (f.file === undefined) {
      io.stdout.write(text);
    } else {
      const target = fromCwd(io, f.file);
      try {
        await fs.writeFileAtomic(target, text);
      } catch (e) {
        throw new UsageError(`cannot write the ${f.name} report to ${f.file}: ${(e as Error).message}. Check that its folder exists and is writable.`);
      }
    }
  }
  return exitCode;
}
