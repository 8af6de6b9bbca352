/**
 * `seedcheck --fix` and `seedcheck init`: write INDEX.md from the seeds
 * present (SPEC §2, §8, §11).
 *
 * --fix edits only the seed table of INDEX.md (found by `parseIndex`, the one
 * INDEX.md parser):
 * - adds a row for each unlisted seed (ordinal, link, detected kind, title,
 *   and Bytes, SHA-256, Date, Language when the table has those columns);
 * - drops rows that name a seed file (a name matching the seed name
 *   pattern) that no longer exists, and later rows that repeat a seed;
 * - corrects or fills the `#`, `Bytes` and `SHA-256` cells;
 * - sorts the rows by ordinal (rows that name no seed stay after the row
 *   they followed).
 * Changed cells are rewritten in place, keeping the cell's width where the
 * new text fits; new rows copy the table's pipe, padding and column-width
 * style and its line ending. Every other byte of the file is kept. The file
 * is written atomically, and only when something changed, so a second run
 * changes nothing. Kind, Title, Date and Language cells of existing rows are
 * never changed: they are human decisions (check reports disagreements).
 *
 * When INDEX.md is missing and seeds exist, --fix creates it exactly as
 * `seedcheck init` would. When INDEX.md has no seed table, --fix appends one
 * at the end of the file. INDEX.md that is not valid UTF-8 is never touched.
 */
import { createHash } from 'node:crypto';
import { joinPath, type SeedFs } from '../fs.js';
import { UsageError, type Config } from '../config/types.js';
import type { Report, SeedEntry } from '../report/model.js';
import type { CheckOptions } from './types.js';
import { INDEX_NAME, compileNamePattern, scanLayout, type Layout } from './layout.js';
import type { ColumnKey, IndexCell, IndexRow, IndexTable, ParsedIndex } from './manifest.js';

export interface FixResult {
  /** INDEX.md path relative to root. */
  file: string;
  /** Human-readable lines describing what changed (empty when nothing did). */
  changes: string[];
}

/** What a row says about one seed. */
export interface SeedRowFacts {
  /** File name inside the seeds folder. */
  name: string;
  /** The ordinal as written in the file name (`000`), or null. */
  ordinalText: string | null;
  ordinal: number | null;
  bytes: number;
  /** Lower-case hex SHA-256, or null when the file cannot be read. */
  sha256: string | null;
  /** `kind` or `kind:subtype`, or null when not classified. */
  kind: string | null;
  title: string | null;
  date: string | null;
  language: string | null;
}

interface Setup {
  fs: SeedFs;
  root: string;
  config: Config;
  layout: Layout;
  /** INDEX.md relative to the root (report path). */
  file: string;
  /** INDEX.md for SeedFs. */
  fsPath: string;
}

async function setup(options: CheckOptions): Promise<Setup> {
  const root = options.root ?? '.';
  const fs = options.fs ?? (await import('../node-fs.js')).nodeFs;
  const { resolveConfig } = await import('./run.js');
  const config = await resolveConfig(fs, root, options);
  const layout = await scanLayout(fs, root, config);
  const file = layout.seedsDir === '.' ? INDEX_NAME : `${layout.seedsDir}/${INDEX_NAME}`;
  return { fs, root, config, layout, file, fsPath: joinPath(layout.seedsFsPath, INDEX_NAME) };
}

async function sha256Of(fs: SeedFs, path: string): Promise<string | null> {
  try {
    const h = createHash('sha256');
    for await (const chunk of fs.readChunks(path)) h.update(chunk);
    return h.digest('hex');
  } catch {
    return null;
  }
}

/** Facts for every seed of the folder, from a full check() run (so kinds match what check detects). */
async function collectFacts(s: Setup, options: CheckOptions, needDigest: boolean): Promise<Map<string, SeedRowFacts>> {
  const { check } = await import('./run.js');
  const opts: CheckOptions = { ...options, fs: s.fs, root: s.root };
  delete opts.paths;
  const report: Report = await check(opts);
  const byPath = new Map<string, SeedEntry>(report.seeds.map((e) => [e.path, e]));
  const re = compileNamePattern(s.config.namePattern);
  const out = new Map<string, SeedRowFacts>();
  for (const seed of s.layout.seeds) {
    const e = byPath.get(seed.path);
    const m = re.exec(seed.name);
    const ordinalText = m?.groups?.['ordinal'] ?? (seed.ordinal !== null ? String(seed.ordinal).padStart(3, '0') : null);
    let sha256 = e?.sha256 ?? null;
    // check() leaves seeds over maxSeedBytes unhashed; the manifest still needs their seal.
    if (sha256 === null && needDigest) sha256 = await sha256Of(s.fs, seed.fsPath);
    const kind = e?.kind ? (e.subtype ? `${e.kind}:${e.subtype}` : e.kind) : null;
    out.set(seed.name, {
      name: seed.name,
      ordinalText,
      ordinal: seed.ordinal,
      bytes: e?.bytes ?? (await s.fs.lstat(seed.fsPath))?.size ?? 0,
      sha256,
      kind,
      title: e?.title ?? null,
      date: e?.date ?? null,
      language: e?.language && e.language !== 'und' ? e.language : null,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Cell text

/** Make free text one safe table cell: one line, no control characters, `|` escaped. */
export function cellText(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  let s = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > max) s = s.slice(0, max - 1).trimEnd() + '…';
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** `[name](name)`, with the link text escaped and the destination percent-encoded where needed. */
export function seedLink(name: string): string {
  // `_` only starts or ends emphasis next to a non-alphanumeric character: `000_abc.txt` stays readable.
  const text = name.replace(/[\\`*[\]<>|!]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => '\\' + c);
  const dest = name.replace(/[^A-Za-z0-9._~/@+=,;:-]/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  );
  return `[${text}](${dest})`;
}

/** The value a column gets in a new row (empty for columns seedcheck does not fill). */
function newCellValue(col: ColumnKey | undefined, f: SeedRowFacts): string {
  switch (col) {
    case 'ordinal':
      return f.ordinalText ?? '';
    case 'seed':
      return seedLink(f.name);
    case 'kind':
      return cellText(f.kind ?? 'unknown', 60);
    case 'title':
      return f.title ? cellText(f.title) : '';
    case 'bytes':
      return String(f.bytes);
    case 'sha256':
      return f.sha256 ?? '';
    case 'date':
      return f.date ?? '';
    case 'language':
      return f.language ?? '';
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------
// init

export const INIT_HEADER = ['#', 'Seed', 'Kind', 'Title', 'Bytes', 'SHA-256'] as const;
const INIT_KEYS: ColumnKey[] = ['ordinal', 'seed', 'kind', 'title', 'bytes', 'sha256'];

function simpleRow(cells: string[]): string {
  return '| ' + cells.join(' | ') + ' |';
}

/** The seed table seedcheck writes: `# | Seed | Kind | Title | Bytes | SHA-256`. */
export function renderSeedTable(rows: SeedRowFacts[], eol = '\n'): string {
  const lines = [simpleRow([...INIT_HEADER]), '|---|------|------|-------|------:|---------|'];
  for (const f of sortFacts(rows)) lines.push(simpleRow(INIT_KEYS.map((k) => newCellValue(k, f))));
  return lines.join(eol) + eol;
}

/** A whole new INDEX.md. */
export function renderIndex(rows: SeedRowFacts[], eol = '\n'): string {
  return (
    ['# Seeds', '', 'The documents this project was created from. `seedcheck` checks this table', 'against the files beside it; `seedcheck --fix` updates it.', ''].join(eol) +
    eol +
    renderSeedTable(rows, eol)
  );
}

function sortFacts(rows: SeedRowFacts[]): SeedRowFacts[] {
  return [...rows].sort((a, b) => (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface InitResult {
  /** INDEX.md relative to the root. */
  file: string;
  rows: SeedRowFacts[];
}

/**
 * Write INDEX.md from the seeds present. Refuses (UsageError) when it exists:
 * `seedcheck --fix` is the command that updates an existing one.
 */
export async function initIndex(options: CheckOptions): Promise<InitResult> {
  const s = await setup(options);
  if (s.layout.entries.has(INDEX_NAME)) {
    throw new UsageError(`${s.file} already exists; run \`seedcheck --fix\` to update it, or delete it first to start over.`);
  }
  const facts = await collectFacts(s, options, true);
  const rows = sortFacts([...facts.values()]);
  await s.fs.writeFileAtomic(s.fsPath, renderIndex(rows));
  return { file: s.file, rows };
}

// ---------------------------------------------------------------------------
// --fix

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface TableStyle {
  prefix: string;
  leadingPipe: boolean;
  trailingPipe: boolean;
  padded: boolean;
  /** Cell widths (end - start) per column when every row has the same; else null. */
  widths: Array<number | null>;
  eol: string;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function eolAt(text: string, lineEnd: number): string {
  if (text.charCodeAt(lineEnd - 1) !== 0x0a && text.charCodeAt(lineEnd - 1) !== 0x0d) return '';
  if (text.charCodeAt(lineEnd - 1) === 0x0a && text.charCodeAt(lineEnd - 2) === 0x0d) return '\r\n';
  return text[lineEnd - 1]!;
}

function tableStyle(text: string, t: IndexTable, docEol: string): TableStyle {
  const prefix = text.slice(t.headerLineStart, t.start);
  const delimEol = eolAt(text, t.delimiterLineEnd);
  const delim = text.slice(t.delimiterLineStart + prefix.length, t.delimiterLineEnd - delimEol.length).trim();
  const sample = t.rows[0]?.cells ?? t.header;
  const padded = sample.some((c) => c.contentEnd > c.contentStart && c.contentStart > c.start && isBlank(text.charCodeAt(c.contentStart - 1)));
  const widths: Array<number | null> = t.header.map((h, i) => {
    const w = h.end - h.start;
    for (const r of t.rows) {
      const c = r.cells[i];
      if (!c || c.end - c.start !== w) return null;
    }
    return t.rows.length > 0 ? w : null;
  });
  return { prefix, leadingPipe: delim.startsWith('|'), trailingPipe: delim.length > 1 && delim.endsWith('|'), padded, widths, eol: delimEol || docEol };
}

function buildRow(style: TableStyle, values: string[]): string {
  const n = values.length;
  let out = style.prefix;
  values.forEach((v, i) => {
    const last = i === n - 1;
    const pipe = i > 0 || style.leadingPipe;
    let cell = (pipe ? '|' : '') + (style.padded && pipe ? ' ' : '') + v;
    if (style.padded && (!last || style.trailingPipe)) cell += ' ';
    if (last && style.trailingPipe) {
      const w = style.widths[i];
      if (w !== null && w !== undefined && cell.length + 1 < w) cell = cell.padEnd(w - 1);
      cell += '|';
    } else {
      const w = style.widths[i];
      if (w !== null && w !== undefined && !last && cell.length < w) cell = cell.padEnd(w);
    }
    out += cell;
  });
  return out;
}

/**
 * Replace a cell's content. In a column whose cells all have one width
 * (an aligned table) the width is kept where the new text fits; elsewhere
 * the cell keeps its own padding.
 */
function cellEdit(text: string, c: IndexCell, value: string, aligned: boolean): Edit {
  if (c.contentEnd > c.contentStart) {
    let ws = 0;
    while (isBlank(text.charCodeAt(c.contentEnd + ws))) ws++;
    const oldLen = c.contentEnd - c.contentStart;
    const trail = aligned ? Math.max(Math.min(ws, 1), oldLen + ws - value.length) : ws;
    return { start: c.contentStart, end: c.contentEnd + ws, text: value + ' '.repeat(trail) };
  }
  // Empty cell: contentStart sits after the blanks, before the next pipe.
  let lead = 0;
  while (c.contentStart - lead - 1 >= c.start && isBlank(text.charCodeAt(c.contentStart - lead - 1))) lead++;
  const start = c.contentStart - lead;
  if (lead === 0) return { start, end: c.contentStart, text: value };
  const trail = aligned ? Math.max(1, lead - 1 - value.length) : 1;
  return { start, end: c.contentStart, text: ' ' + value + ' '.repeat(trail) };
}

interface Chunk {
  body: string;
  eol: string;
  /** Sort key: index in original order (-1 for new rows). */
  original: number;
}

/** Fix the seed table of a parsed INDEX.md; returns the new text and the changes. */
export function fixTable(parsed: ParsedIndex, facts: ReadonlyMap<string, SeedRowFacts>, entries: ReadonlySet<string>, seedName: RegExp): { text: string; changes: string[] } {
  const text = parsed.text;
  const t = parsed.table;
  const changes: string[] = [];
  if (!t) {
    if (facts.size === 0) return { text, changes };
    const eol = parsed.eol;
    let out = text;
    if (out.length > 0 && !/[\r\n]$/.test(out)) out += eol;
    if (out.length > 0 && !/(\r\n|\r|\n)\s*(\r\n|\r|\n)$/.test(out)) out += eol;
    out += renderSeedTable([...facts.values()], eol);
    changes.push(`added a seed table with ${facts.size} row${facts.size === 1 ? '' : 's'} (INDEX.md had none)`);
    return { text: out, changes };
  }

  const style = tableStyle(text, t, parsed.eol);
  const aligned = (key: ColumnKey) => {
    const i = t.columns[key];
    return i !== undefined && style.widths[i] !== null && style.widths[i] !== undefined;
  };
  const listed = new Set<string>();
  type Kept = { row: IndexRow; index: number; seed: SeedRowFacts | null };
  const kept: Kept[] = [];
  t.rows.forEach((row, index) => {
    const ref = row.seed;
    const name = ref && !ref.problem ? ref.name : null;
    if (name !== null) {
      if (listed.has(name)) {
        changes.push(`removed row for ${name} on line ${row.line}: it repeats an earlier row`);
        return;
      }
      if (!entries.has(name) && seedName.test(name)) {
        changes.push(`removed row for ${name}: the file is gone`);
        return;
      }
      listed.add(name);
    }
    kept.push({ row, index, seed: name !== null ? (facts.get(name) ?? null) : null });
  });

  // Cell corrections on kept rows.
  const chunks = new Map<Kept, Chunk>();
  for (const k of kept) {
    const { row, seed } = k;
    const edits: Edit[] = [];
    if (seed) {
      const c = row.cell;
      const name = seed.name;
      if (c.ordinal && seed.ordinal !== null && seed.ordinalText !== null) {
        const v = c.ordinal.text;
        if (!/^\d{1,15}$/.test(v) || Number.parseInt(v, 10) !== seed.ordinal) {
          edits.push(cellEdit(text, c.ordinal, seed.ordinalText, aligned('ordinal')));
          changes.push(v === '' ? `filled # of ${name}: ${seed.ordinalText}` : `corrected # of ${name}: ${v} → ${seed.ordinalText}`);
        }
      }
      if (c.bytes) {
        const v = c.bytes.text;
        if (!/^\d{1,15}$/.test(v) || Number.parseInt(v, 10) !== seed.bytes) {
          edits.push(cellEdit(text, c.bytes, String(seed.bytes), aligned('bytes')));
          changes.push(v === '' ? `filled Bytes of ${name}: ${seed.bytes}` : `corrected Bytes of ${name}: ${v} → ${seed.bytes}`);
        }
      }
      if (c.sha256 && seed.sha256 !== null) {
        const v = c.sha256.text;
        if (!/^[0-9a-fA-F]{64}$/.test(v) || v.toLowerCase() !== seed.sha256) {
          edits.push(cellEdit(text, c.sha256, seed.sha256, aligned('sha256')));
          changes.push(v === '' ? `filled SHA-256 of ${name}` : `corrected SHA-256 of ${name}`);
        }
      }
    }
    const eol = eolAt(text, row.lineEnd);
    chunks.set(k, { body: applyEditsAbs(text, row.lineStart, row.lineEnd - eol.length, edits), eol, original: k.index });
  }

  // New rows for unlisted seeds.
  const keyed: Array<{ ordinal: number | null; name: string; chunk: Chunk; anchor: string }> = [];
  const attached = new Map<string, Chunk[]>();
  const START = '\u0000start';
  let anchor = START;
  for (const k of kept) {
    const chunk = chunks.get(k)!;
    if (k.seed) {
      anchor = k.seed.name;
      keyed.push({ ordinal: k.seed.ordinal, name: k.seed.name, chunk, anchor });
    } else {
      const list = attached.get(anchor) ?? [];
      list.push(chunk);
      attached.set(anchor, list);
    }
  }
  const columnOf: Array<ColumnKey | undefined> = t.header.map(() => undefined);
  for (const [key, idx] of Object.entries(t.columns) as Array<[ColumnKey, number]>) columnOf[idx] = key;
  for (const f of sortFacts([...facts.values()])) {
    if (listed.has(f.name)) continue;
    const values = columnOf.map((col) => newCellValue(col, f));
    keyed.push({ ordinal: f.ordinal, name: f.name, chunk: { body: buildRow(style, values), eol: style.eol, original: -1 }, anchor: f.name });
    changes.push(`added row for ${f.name}${f.kind ? ` (kind ${f.kind})` : ''}`);
  }

  const sorted = [...keyed].sort((a, b) => (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const finalChunks: Chunk[] = [...(attached.get(START) ?? [])];
  for (const k of sorted) finalChunks.push(k.chunk, ...(attached.get(k.anchor) ?? []));
  const originalOrder = finalChunks.filter((c) => c.original >= 0).map((c) => c.original);
  if (originalOrder.some((v, i) => i > 0 && v < originalOrder[i - 1]!)) changes.push('sorted rows by ordinal');

  if (changes.length === 0) return { text, changes };

  // Replace the rows' region (or insert after the delimiter row when the table has none).
  let regionStart: number;
  let regionEnd: number;
  let endEol: string;
  let lead = '';
  if (t.rows.length > 0) {
    regionStart = t.rows[0]!.lineStart;
    regionEnd = t.rows[t.rows.length - 1]!.lineEnd;
    endEol = eolAt(text, regionEnd);
  } else {
    regionStart = regionEnd = t.delimiterLineEnd;
    const delimEol = eolAt(text, t.delimiterLineEnd);
    if (delimEol === '') {
      lead = style.eol;
      endEol = '';
    } else endEol = style.eol;
  }
  let region = lead;
  finalChunks.forEach((c, i) => {
    const last = i === finalChunks.length - 1;
    region += c.body + (last ? endEol : c.eol || style.eol);
  });
  return { text: text.slice(0, regionStart) + region + text.slice(regionEnd), changes };
}

function applyEditsAbs(text: string, from: number, to: number, edits: Edit[]): string {
  let out = '';
  let pos = from;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos, to);
}

/**
 * Update INDEX.md (see the module comment). Returns what changed; writes
 * only when something did.
 */
export async function fixIndex(options: CheckOptions): Promise<FixResult> {
  const s = await setup(options);
  const file = s.file;
  if (!s.layout.hasIndex) {
    if (s.layout.entries.has(INDEX_NAME) || s.layout.seeds.length === 0) return { file, changes: [] };
    const facts = await collectFacts(s, options, true);
    const rows = sortFacts([...facts.values()]);
    await s.fs.writeFileAtomic(s.fsPath, renderIndex(rows));
    return { file, changes: [`created ${file} with ${rows.length} row${rows.length === 1 ? '' : 's'} (as seedcheck init does)`] };
  }
  const bytes = await s.fs.readFile(s.fsPath);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`cannot fix ${file}: it is not valid UTF-8, and --fix never rewrites bytes it cannot decode. Re-save it as UTF-8, or run without --fix.`);
  }
  const { parseIndex } = await import('./manifest.js');
  const parsed = parseIndex(text);
  const needDigest = parsed.table === null || parsed.table.columns.sha256 !== undefined;
  const facts = await collectFacts(s, options, needDigest);
  const entries = new Set(s.layout.entries.keys());
  const { text: next, changes } = fixTable(parsed, facts, entries, compileNamePattern(s.config.namePattern));
  if (next !== text) await s.fs.writeFileAtomic(s.fsPath, next);
  return { file, changes };
}
