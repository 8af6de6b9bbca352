/**
 * `seedcheck pack <dir|files...> [-o FILE]`: write a canonical bundle.
 * One folder: paths relative to it. Otherwise: paths relative to the current
 * directory (arguments must lie inside it). Files are taken in byte order of
 * their path; symbolic links are skipped with a warning and never followed;
 * files that are not UTF-8 text are refused (nothing is written, exit 1).
 * Without -o the bundle goes to stdout; with -o it is written atomically.
 */
import { promises as fsp, constants as C } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { CliIo } from '../io.js';
import { UsageError } from '../../config/types.js';
import { parseStrict } from '../args.js';
import type { BundleFile } from '../../bundle/types.js';
import { sanitize } from '../../report/sanitize.js';

const HELP = `Usage: seedcheck pack <dir|files...> [-o FILE]

Write the files as one canonical seedcheck bundle (size and sha256 on every
block, header and trailer). Given one folder, paths are relative to it;
otherwise relative to the current directory. Symbolic links are skipped.

Options:
  -o, --output FILE   write to FILE (atomically) instead of standard output
  -h, --help          print this help
`;

interface Entry {
  abs: string;
  rel: string;
}

function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

async function walk(dirAbs: string, base: string, out: Entry[], warn: (s: string) => void, skip: string | null): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dirAbs}: ${(e as Error).message}`);
  }
  for (const d of entries) {
    const abs = join(dirAbs, d.name);
    if (abs === skip) continue;
    if (d.isSymbolicLink()) {
      warn(`skipped symbolic link ${toSlash(relative(base, abs))}`);
    } else if (d.isDirectory()) {
      await walk(abs, base, out, warn, skip);
    } else if (d.isFile()) {
      out.push({ abs, rel: toSlash(relative(base, abs)) });
    } else {
      warn(`skipped ${toSlash(relative(base, abs))}: not a regular file`);
    }
  }
}

/** Write data to path atomically: a temporary file beside it, then rename. */
export async function writeAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fh = await fsp.open(tmp, C.O_WRONLY | C.O_CREAT | C.O_EXCL | (C.O_NOFOLLOW ?? 0), mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => {});
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  try {
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseStrict(args, { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const, 'seedcheck pack');
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('pack needs a folder or files, e.g. seedcheck pack src -o src.bundle.txt.');
  if (values.output === '') throw new UsageError('option --output needs a file name.');
  const out = values.output === undefined ? null : resolve(io.cwd, values.output);
  const warn = (s: string) => io.stderr.write(`seedcheck pack: warning: ${sanitize(s, 300)}\n`);

  const entries: Entry[] = [];
  const stats = await Promise.all(
    positionals.map(async (p) => {
      const abs = resolve(io.cwd, p);
      try {
        return { p, abs, st: await fsp.lstat(abs) };
      } catch {
        throw new UsageError(`cannot read ${p}: no such file or folder.`);
      }
    }),
  );
  const single = stats.length === 1 && stats[0]!.st.isDirectory();
  for (const { p, abs, st } of stats) {
    const base = single ? abs : io.cwd;
    if (!single) {
      const rel = relative(io.cwd, abs);
      if (rel === '' || rel.startsWith('..') || resolve(io.cwd, rel) !== abs) {
        throw new UsageError(`${p} is outside the current folder; run pack from a folder that contains it, or pack a single folder.`);
      }
    }
    if (st.isSymbolicLink()) warn(`skipped symbolic link ${p}`);
    else if (st.isDirectory()) await walk(abs, base, entries, warn, out);
    else if (st.isFile()) entries.push({ abs, rel: toSlash(relative(base, abs)) });
    else warn(`skipped ${p}: not a regular file`);
  }
  // one entry per path (a file named twice on the command line)
  const byPath = new Map<string, Entry>();
  for (const e of entries) byPath.set(e.rel, e);
  const sorted = [...byPath.values()].sort((a, b) => Buffer.compare(Buffer.from(a.rel, 'utf8'), Buffer.from(b.rel, 'utf8')));

  const files: BundleFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let refused = 0;
  for (const e of sorted) {
    const bytes = await fsp.readFile(e.abs);
    try {
      decoder.decode(bytes);
    } catch {
      io.stderr.write(`seedcheck pack: ${sanitize(e.rel, 300)}: not valid UTF-8 text; the canonical bundle holds text only\n`);
      refused++;
      continue;
    }
    const st = await fsp.stat(e.abs);
    const f: BundleFile = { path: e.rel, content: bytes };
    if (st.mode & 0o111) f.mode = '0755';
    files.push(f);
  }
  if (refused > 0) {
    io.stderr.write(`seedcheck pack: nothing written: ${refused} file${refused === 1 ? '' : 's'} refused\n`);
    return 1;
  }
  const { formatBundle, BundleFormatError } = await import('../../bundle/writer.js');
  let text: string;
  try {
    text = formatBundle(files);
  } catch (e) {
    if (e instanceof BundleFormatError) {
      io.stderr.write(`seedcheck pack: ${sanitize(e.message, 300)}; nothing written\n`);
      return 1;
    }
    throw e;
  }
  if (out === null) io.stdout.write(text);
  else {
    try {
      await writeAtomic(out, text);
    } catch (e) {
      throw new UsageError(`cannot write ${values.output}: ${(e as Error).message}`);
    }
  }
  return 0;
}
