/**
 * `seedcheck init`: write `seeds/INDEX.md` from the seeds present, with the
 * columns `# | Seed | Kind | Title | Bytes | SHA-256` (detected kind and
 * title, size and digest of each seed). It never overwrites: when INDEX.md
 * exists it says so in one sentence and exits 2 (a usage error, like every
 * command that cannot do what it was asked); `seedcheck --fix` updates an
 * existing INDEX.md. Honours --root, --seeds-dir and --config like check.
 */
import { isAbsolute } from 'node:path';
import type { CliIo } from '../io.js';
import { parseStrict } from '../args.js';
import { UsageError } from '../../config/types.js';
import { joinPath } from '../../fs.js';
import type { CheckOptions } from '../../check/types.js';
import { sanitize } from '../../report/sanitize.js';

export const INIT_USAGE = `Usage: seedcheck init [options]

Write seeds/INDEX.md from the seeds present: one row per seed with its
ordinal, a link, the detected kind and title, its size and its SHA-256.
Refuses to overwrite an existing INDEX.md (use seedcheck --fix to update it).

Options:
  --root DIR          project root (default: the current directory)
  --seeds-dir DIR     seeds folder, relative to the root (default: seeds)
  -c, --config FILE   config file (default: seedcheck.config.json, or the
                      "seedcheck" key of package.json)
  -h, --help          print this help

Exit codes: 0 written; 2 INDEX.md exists, no seeds folder, or a usage error.
`;

const INIT_OPTIONS = {
  root: { type: 'string' },
  'seeds-dir': { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

function fromCwd(io: CliIo, p: string): string {
  if (isAbsolute(p) || io.cwd === process.cwd()) return p;
  return joinPath(io.cwd, p);
}

function nonEmpty(name: string, v: string | undefined): string | undefined {
  if (v === '') throw new UsageError(`option --${name} needs a non-empty value. Run seedcheck init --help.`);
  return v;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parseStrict(args, INIT_OPTIONS, 'seedcheck init');
  if (v.help) {
    io.stdout.write(INIT_USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`seedcheck init takes no file arguments (got "${sanitize(positionals[0]!, 60)}"); it lists every seed of the folder. Use --seeds-dir to pick the folder.`);
  }
  const opts: CheckOptions = {};
  const root = nonEmpty('root', v.root);
  const seedsDir = nonEmpty('seeds-dir', v['seeds-dir']);
  const config = nonEmpty('config', v.config);
  if (root !== undefined) opts.root = fromCwd(io, root);
  else if (io.cwd !== process.cwd()) opts.root = io.cwd;
  if (seedsDir !== undefined) opts.seedsDir = seedsDir;
  if (config !== undefined) opts.configFile = fromCwd(io, config);
  if (io.fs) opts.fs = io.fs;

  const { initIndex } = await import('../../check/fix.js');
  const res = await initIndex(opts);
  const n = res.rows.length;
  io.stdout.write(`wrote ${sanitize(res.file, 200)} with ${n} row${n === 1 ? '' : 's'}\n`);
  for (const r of res.rows) {
    const title = r.title ? `  ${sanitize(r.title, 60)}` : '';
    io.stdout.write(`  ${sanitize(r.name, 80)}  ${sanitize(r.kind ?? 'unknown', 30)}${title}\n`);
  }
  if (n === 0) io.stdout.write('  (no seeds yet: add files named NNN_<16 hex>.ext, then run seedcheck --fix)\n');
  return 0;
}
