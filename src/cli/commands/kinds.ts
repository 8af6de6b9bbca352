/**
 * `seedcheck kinds [--format stylish|json] [--explain] <files...>`: what kind
 * of content each file holds (KINDS.md), for any files, seeds or not.
 * Exit 0 normally; 2 for a usage error or a file that cannot be read.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import type { CliIo } from '../io.js';
import { parseStrict } from '../args.js';
import { UsageError } from '../../config/types.js';
import type { SeedFs } from '../../fs.js';
import { nodeFs } from '../../node-fs.js';
import type { KindEntry, KindsReport } from '../../report/model.js';
import { sanitize } from '../../report/sanitize.js';
import { classify } from '../../kinds/classify.js';
import { WINDOW } from '../../kinds/decode.js';

const HELP = `Usage: seedcheck kinds [options] <files...>

Report what kind of content each file holds (spec, docs, card, code, bundle,
data, paper, issue, news, prose, fiction, conversation, email, legal, binary,
empty, unknown), with a subtype, a confidence and a title.

Options:
  -f, --format NAME   stylish (a table, the default) or json ({ version: 1, files: [...] })
  --explain           also print the evidence and the runner-up kind of each file
  -h, --help          print this help

Exit codes: 0 normally; 2 for a usage error or a file that cannot be read.
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  explain: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Read a file's head and tail (for classification) and hash all of it. */
async function readForKinds(fs: SeedFs, abs: string, size: number): Promise<{ sample: Uint8Array; sha256: string; bytes: number }> {
  if (size <= 2 * WINDOW) {
    const data = await fs.readFile(abs);
    return { sample: data, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.readChunks(abs)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  const head = await fs.readRange(abs, 0, WINDOW);
  const tail = await fs.readRange(abs, Math.max(WINDOW, bytes - WINDOW), bytes);
  const sample = new Uint8Array(head.length + tail.length);
  sample.set(head, 0);
  sample.set(tail, head.length);
  return { sample, sha256: hash.digest('hex'), bytes };
}

export async function kindEntry(fs: SeedFs, abs: string, shownPath: string, size: number): Promise<KindEntry> {
  const { sample, sha256, bytes } = await readForKinds(fs, abs, size);
  const r = classify(sample, shownPath, bytes > sample.length ? { totalBytes: bytes } : {});
  return {
    path: shownPath,
    bytes,
    sha256,
    lines: r.lines,
    words: r.words,
    kind: r.kind,
    subtype: r.subtype,
    confidence: r.confidence,
    runnerUp: r.runnerUp,
    evidence: r.evidence,
    title: r.title,
    date: r.date,
    language: r.language,
    bundle: r.bundle,
  };
}

function pad(s: string, w: number): string {
  // width in code points, good enough for a terminal table of sanitised text
  const n = [...s].length;
  return n >= w ? s : s + ' '.repeat(w - n);
}

export function formatKindsTable(files: KindEntry[], explain: boolean): string {
  const rows = files.map((f) => ({
    path: sanitize(f.path, 60),
    kind: f.kind ?? '-',
    subtype: f.subtype ? sanitize(f.subtype, 24) : '-',
    conf: f.confidence.toFixed(2),
    title: f.title ? sanitize(f.title, 60) : '',
  }));
  const w = {
    path: Math.max(4, ...rows.map((r) => [...r.path].length)),
    kind: Math.max(4, ...rows.map((r) => r.kind.length)),
    subtype: Math.max(7, ...rows.map((r) => [...r.subtype].length)),
  };
  const out: string[] = [];
  out.push(`${pad('PATH', w.path)}  ${pad('KIND', w.kind)}  ${pad('SUBTYPE', w.subtype)}  CONF  TITLE`.trimEnd());
  files.forEach((f, i) => {
    const r = rows[i]!;
    out.push(`${pad(r.path, w.path)}  ${pad(r.kind, w.kind)}  ${pad(r.subtype, w.subtype)}  ${r.conf}  ${r.title}`.trimEnd());
    if (explain) {
      for (const e of f.evidence) out.push(`    - ${sanitize(e, 160)}`);
      out.push(`    runner-up: ${f.runnerUp ? `${f.runnerUp.kind} (${f.runnerUp.confidence.toFixed(2)})` : 'none'}`);
      const det: string[] = [];
      if (f.date) det.push(`date ${f.date}`);
      if (f.language) det.push(`language ${sanitize(f.language, 12)}`);
      det.push(`${f.lines} lines`, `${f.words} words`, `${f.bytes} bytes`);
      if (f.bundle) det.push(`${f.bundle.files.length} files (${sanitize(f.bundle.dialect, 24)})`);
      out.push(`    ${det.join(', ')}`);
    }
  });
  return out.join('\n') + '\n';
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseStrict(args, OPTIONS, 'seedcheck kinds');
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`kinds supports --format stylish or json, not "${sanitize(format, 40)}".`);
  if (positionals.length === 0) throw new UsageError('kinds needs at least one file, e.g. seedcheck kinds seeds/*.txt.');
  const fs = io.fs ?? nodeFs;
  const targets: Array<{ shown: string; abs: string; size: number }> = [];
  for (const p of positionals) {
    const abs = isAbsolute(p) ? p : resolve(io.cwd, p);
    const st = await fs.lstat(abs);
    if (!st) throw new UsageError(`cannot read ${sanitize(p, 200)}: no such file.`);
    if (st.kind === 'dir') throw new UsageError(`${sanitize(p, 200)} is a folder; pass files (e.g. ${sanitize(p, 100)}/*).`);
    targets.push({ shown: p.replace(/\\/g, '/'), abs, size: st.size });
  }
  const files: KindEntry[] = [];
  for (const t of targets) {
    try {
      files.push(await kindEntry(fs, t.abs, t.shown, t.size));
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new UsageError(`cannot read ${sanitize(t.shown, 200)}${code ? ` (${code})` : ''}.`);
    }
  }
  if (format === 'json') {
    const report: KindsReport = { version: 1, files };
    io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    io.stdout.write(formatKindsTable(files, Boolean(values.explain)));
  }
  return 0;
}
