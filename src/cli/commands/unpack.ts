/**
 * `seedcheck unpack <bundle> -o DIR [--force]`: extract any recognised
 * bundle safely. Refuses (with a diagnostic on stderr) every block whose
 * path is unsafe or that carries an error (truncated, size/digest mismatch,
 * duplicate, file/folder conflict…); never writes outside DIR; refuses when
 * an existing path component inside DIR is a symbolic link; never creates
 * symlinks; never overwrites without --force; writes each file atomically.
 * Exit 0 all written, 1 something refused, 2 usage error.
 */
import { promises as fsp } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CliIo } from '../io.js';
import { UsageError } from '../../config/types.js';
import { parseStrict } from '../args.js';
import { finalize } from '../../report/finalize.js';
import { sanitize } from '../../report/sanitize.js';
import type { Block } from '../../bundle/types.js';
import { writeAtomic } from './pack.js';

const HELP = `Usage: seedcheck unpack <bundle> -o <dir> [--force]

Extract a bundle (canonical, txtar, repomix, gitingest, files-to-prompt or
Markdown files) into a folder. Unsafe paths and damaged blocks are refused
and reported; nothing is written outside the folder; symbolic links are never
followed or created; existing files are kept unless --force is given.

Options:
  -o, --output DIR    the folder to extract into (created when missing)
  --force             overwrite existing files
  -h, --help          print this help

Exit codes: 0 everything extracted; 1 something was refused; 2 usage error.
`;

async function lstatOrNull(p: string) {
  try {
    return await fsp.lstat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw e;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseStrict(
    args,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const,
    'seedcheck unpack',
  );
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('unpack needs exactly one bundle file, e.g. seedcheck unpack bundle.txt -o out.');
  if (!values.output) throw new UsageError('unpack needs the target folder: -o DIR.');
  const bundlePath = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(resolve(io.cwd, bundlePath));
  } catch (e) {
    throw new UsageError(`cannot read ${bundlePath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${bundlePath} is not UTF-8 text, so it is not a bundle.`);
  }
  const { detectBundle, withFile, unsafeReason } = await import('../../bundle/index.js');
  const bundle = detectBundle(text);
  if (!bundle) throw new UsageError(`${bundlePath} is not a recognised bundle (canonical, txtar, repomix, gitingest, files-to-prompt or Markdown files).`);

  const diags = finalize(withFile(bundle.findings, bundlePath));
  for (const d of diags) io.stderr.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}\n`);
  let failed = diags.some((d) => d.severity === 'error');

  // a block is refused when an error lies on its lines
  const errorLines = diags.filter((d) => d.severity === 'error').map((d) => d.line).sort((a, b) => a - b);
  const refusedBlock = (b: Block) => {
    // first error line >= b.line, by binary search
    let lo = 0;
    let hi = errorLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (errorLines[mid]! < b.line) lo = mid + 1;
      else hi = mid;
    }
    return lo < errorLines.length && errorLines[lo]! <= b.endLine;
  };

  const root0 = resolve(io.cwd, values.output);
  try {
    await fsp.mkdir(root0, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create ${values.output}: ${(e as Error).message}`);
  }
  const root = await fsp.realpath(root0);
  const refuse = (b: Block, why: string) => {
    io.stderr.write(`${bundlePath}:${b.line}:${b.pathColumn ?? 1} refused "${sanitize(b.path, 200)}": ${why}\n`);
    failed = true;
  };
  let written = 0;
  const lineRefs = [...bundle.blocks].sort((a, b) => a.line - b.line);
  for (const b of lineRefs) {
    if (refusedBlock(b)) {
      refuse(b, 'the block has errors (see above)');
      continue;
    }
    // defence in depth: the path rules already refused these blocks
    const unsafe = unsafeReason(b.path);
    if (unsafe !== null || (process.platform === 'win32' && /[:*?"<>|]/.test(b.path))) {
      refuse(b, `unsafe path: ${unsafe ?? 'character not allowed on Windows'}`);
      continue;
    }
    const segs = b.path.split('/');
    const target = join(root, ...segs);
    const rel = relative(root, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      refuse(b, 'it would be written outside the target folder');
      continue;
    }
    // walk the folders: create missing ones, refuse symlinks and files in the way
    let dir = root;
    let bad: string | null = null;
    for (let i = 0; i < segs.length - 1 && !bad; i++) {
      dir = join(dir, segs[i]!);
      const st = await lstatOrNull(dir);
      if (st === null) await fsp.mkdir(dir);
      else if (st.isSymbolicLink()) bad = `${relative(root, dir)} is a symbolic link`;
      else if (!st.isDirectory()) bad = `${relative(root, dir)} is a file, not a folder`;
    }
    if (!bad) {
      const st = await lstatOrNull(target);
      if (st?.isSymbolicLink()) bad = 'a symbolic link is in the way';
      else if (st?.isDirectory()) bad = 'a folder is in the way';
      else if (st && !values.force) bad = 'the file exists (use --force to overwrite)';
    }
    if (bad) {
      refuse(b, bad);
      continue;
    }
    const mode = b.attrs?.mode === '0755' ? 0o755 : 0o644;
    await writeAtomic(target, Buffer.from(b.content, 'utf8'), mode);
    if (mode === 0o755) await fsp.chmod(target, 0o755);
    written++;
  }
  const refusedCount = bundle.blocks.length - written;
  io.stderr.write(
    `seedcheck unpack: ${bundle.dialect} bundle, ${written} of ${bundle.blocks.length} file${bundle.blocks.length === 1 ? '' : 's'} written to ${values.output}` +
      (refusedCount ? `, ${refusedCount} refused` : '') +
      '\n',
  );
  return failed ? 1 : 0;
}
