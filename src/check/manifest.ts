/**
 * INDEX.md (SPEC §2, `index/*`). The manifest is parsed with mdast and the
 * GFM table extension, never with regexes over Markdown. `parseIndex` gives a
 * reusable structure with exact offsets (for `--fix`, which rewrites rows and
 * keeps every other byte) and positions (for diagnostics); `checkIndex`
 * turns it plus the facts about the seeds into findings.
 */
// mdast + GFM tables; long tables are parsed in slices so memory stays bounded (same tree).
import { parseMarkdownTables } from './markdown-bounded.js';
import type { EntryKind } from '../fs.js';
import { finding, type Finding, type Position } from '../report/types.js';
import type { RuleDataMap } from '../report/rules.js';
import { isKindId } from '../kinds/ids.js';
import { LineIndex } from './text.js';

export type ColumnKey = 'ordinal' | 'seed' | 'kind' | 'title' | 'bytes' | 'sha256' | 'date' | 'language';

/** Known header names (lower-cased, trimmed) → column. */
export const COLUMN_NAMES: Readonly<Record<string, ColumnKey>> = {
  '#': 'ordinal',
  seed: 'seed',
  file: 'seed',
  kind: 'kind',
  title: 'title',
  bytes: 'bytes',
  'sha-256': 'sha256',
  sha256: 'sha256',
  date: 'date',
  language: 'language',
};

/** How each column is named in diagnostics. */
export const COLUMN_LABELS: Readonly<Record<ColumnKey, string>> = {
  ordinal: '#',
  seed: 'Seed',
  kind: 'Kind',
  title: 'Title',
  bytes: 'Bytes',
  sha256: 'SHA-256',
  date: 'Date',
  language: 'Language',
};

export interface IndexCell {
  /** Plain text of the cell (inline markup removed), trimmed. */
  text: string;
  /** Offsets of the cell node in the source (from its leading pipe, if any, to before the next pipe). */
  start: number;
  end: number;
  /** Offsets of the cell's content without surrounding whitespace (both equal when empty). */
  contentStart: number;
  contentEnd: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type BadReferenceReason = RuleDataMap['index/bad-reference']['reason'];

export interface SeedRef {
  /** The file name the cell names (link target, code span or bare text), URL-decoded. */
  name: string;
  form: 'link' | 'code' | 'text';
  /** For a link: its text. */
  linkText: string | null;
  /** Why the reference is not a usable seed name, or null. */
  problem: BadReferenceReason | null;
}

export interface IndexRow {
  /** Row node position and offsets. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  /** Offsets of the whole source line(s) of the row, line ending included (for deleting or replacing a row). */
  lineStart: number;
  lineEnd: number;
  cells: IndexCell[];
  /** Cell by column (undefined when the table lacks the column or the row is short). */
  cell: Partial<Record<ColumnKey, IndexCell>>;
  seed: SeedRef | null;
  kind: { raw: string; kind: string; subtype: string | null } | null;
}

export interface IndexTable {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  header: IndexCell[];
  /** Offsets of the header line and of the delimiter line (line ending included). */
  headerLineStart: number;
  delimiterLineStart: number;
  delimiterLineEnd: number;
  /** Cell index of each known column (the first, when named twice). */
  columns: Partial<Record<ColumnKey, number>>;
  /** Header cells naming a known column a second time. */
  duplicateColumns: Array<{ key: ColumnKey; index: number }>;
  rows: IndexRow[];
}

export interface ParsedIndex {
  /** The text as given (with its BOM, if any): all offsets refer to it. */
  text: string;
  /** 1 when the text starts with a BOM (positions are computed without it). */
  bomLength: number;
  /** Number of GFM tables in the document. */
  tables: number;
  /** Tables with a Seed/File column, in document order. */
  seedTables: IndexTable[];
  /** The seed table (the first qualifying), or null. */
  table: IndexTable | null;
  /** Line index of the text without BOM. */
  lines: LineIndex;
  /** The newline style of the document ("\n" or "\r\n"), for writers. */
  eol: '\n' | '\r\n';
}

// Minimal mdast shapes (avoids a type dependency on @types/mdast).
interface MdPoint {
  line: number;
  column: number;
  offset?: number;
}
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: MdPoint; end: MdPoint };
}

function plainText(n: MdNode): string {
  if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') return n.value ?? '';
  if (n.type === 'break') return ' ';
  if (n.children) return n.children.map(plainText).join('');
  return '';
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Classify a Seed cell's reference: null when it is a plain file name. */
export function referenceProblem(ref: string): BadReferenceReason | null {
  if (ref === '') return 'empty';
  if (/^[A-Za-z]:[\\/]/.test(ref) || ref.startsWith('/') || ref.startsWith('\\')) return ref.startsWith('//') ? 'url' : 'absolute';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) return 'url';
  const segs = ref.split(/[\\/]/);
  if (segs.includes('..')) return 'parent';
  if (segs.length > 1) return 'outside';
  if (ref === '.' || ref.startsWith('#') || ref.startsWith('?')) return 'not-a-file';
  return null;
}

function seedRef(cellNode: MdNode, cellText: string): SeedRef {
  const kids = cellNode.children ?? [];
  const link = kids.find((k) => k.type === 'link');
  let name: string;
  let form: SeedRef['form'];
  let linkText: string | null = null;
  if (link) {
    form = 'link';
    linkText = plainText(link).trim();
    const url = link.url ?? '';
    try {
      name = decodeURIComponent(url);
    } catch {
      name = url;
    }
  } else {
    const code = kids.find((k) => k.type === 'inlineCode');
    if (code) {
      form = 'code';
      name = (code.value ?? '').trim();
    } else {
      form = 'text';
      name = cellText;
    }
  }
  if (name.startsWith('./')) name = name.slice(2);
  return { name, form, linkText, problem: referenceProblem(name) };
}

/** Parse INDEX.md text (exactly as read, BOM included). */
export function parseIndex(text: string): ParsedIndex {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bomLength ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const tree = parseMarkdownTables(body) as unknown as MdNode;
  const crlf = body.indexOf('\r\n');
  const lf = body.indexOf('\n');
  const eol: ParsedIndex['eol'] = crlf !== -1 && crlf + 1 === lf ? '\r\n' : '\n';

  const off = (p: MdPoint) => p.offset ?? lines.lineStart(p.line) + p.column - 1;
  const lineEndAfter = (offset: number) => {
    const { line } = lines.position(offset);
    return line < lines.lineCount ? lines.lineStart(line + 1) : body.length;
  };
  const mkCell = (n: MdNode): IndexCell => {
    const s = off(n.position!.start);
    const e = off(n.position!.end);
    let cs = s;
    if (body.charCodeAt(cs) === 0x7c) cs++;
    let ce = e;
    if (ce > cs && body.charCodeAt(ce - 1) === 0x7c && body.charCodeAt(ce - 2) !== 0x5c) ce--;
    while (cs < ce && isBlank(body.charCodeAt(cs))) cs++;
    while (ce > cs && isBlank(body.charCodeAt(ce - 1))) ce--;
    const a = lines.position(s);
    const b = lines.position(e);
    return {
      text: plainText(n).trim(),
      start: s + bomLength,
      end: e + bomLength,
      contentStart: cs + bomLength,
      contentEnd: ce + bomLength,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
    };
  };

  const tables: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === 'table') tables.push(n);
    else if (n.children) for (const k of n.children) walk(k);
  };
  walk(tree);

  const seedTables: IndexTable[] = [];
  for (const t of tables) {
    const rowsN = t.children ?? [];
    const headerNode = rowsN[0];
    if (!headerNode) continue;
    const header = (headerNode.children ?? []).map(mkCell);
    const columns: IndexTable['columns'] = {};
    const duplicateColumns: IndexTable['duplicateColumns'] = [];
    header.forEach((h, i) => {
      const key = COLUMN_NAMES[h.text.toLowerCase()];
      if (!key) return;
      if (columns[key] === undefined) columns[key] = i;
      else duplicateColumns.push({ key, index: i });
    });
    if (columns.seed === undefined) continue;
    const ts = off(t.position!.start);
    const te = off(t.position!.end);
    const tp = lines.range(ts, te);
    const headerLine = lines.position(ts).line;
    const delimiterLineStart = lines.lineStart(headerLine + 1);
    const rows: IndexRow[] = [];
    for (const r of rowsN.slice(1)) {
      const cellNodes = r.children ?? [];
      const cells = cellNodes.map(mkCell);
      const cell: IndexRow['cell'] = {};
      for (const [key, idx] of Object.entries(columns) as Array<[ColumnKey, number]>) {
        const c = cells[idx];
        if (c) cell[key] = c;
      }
      const seedIdx = columns.seed;
      const seedNode = cellNodes[seedIdx];
      const seed = seedNode && cell.seed ? seedRef(seedNode, cell.seed.text) : null;
      let kind: IndexRow['kind'] = null;
      if (cell.kind) {
        const raw = cell.kind.text;
        const colon = raw.indexOf(':');
        kind = colon === -1 ? { raw, kind: raw, subtype: null } : { raw, kind: raw.slice(0, colon).trim(), subtype: raw.slice(colon + 1).trim() || null };
      }
      const rs = off(r.position!.start);
      const re = off(r.position!.end);
      const rp = lines.range(rs, re);
      rows.push({
        line: rp.line,
        column: rp.column,
        endLine: rp.endLine!,
        endColumn: rp.endColumn!,
        start: rs + bomLength,
        end: re + bomLength,
        lineStart: lines.lineStart(rp.line) + bomLength,
        lineEnd: lineEndAfter(re) + bomLength,
        cells,
        cell,
        seed,
        kind,
      });
    }
    seedTables.push({
      line: tp.line,
      column: tp.column,
      endLine: tp.endLine!,
      endColumn: tp.endColumn!,
      start: ts + bomLength,
      end: te + bomLength,
      header,
      headerLineStart: lines.lineStart(headerLine) + bomLength,
      delimiterLineStart: delimiterLineStart + bomLength,
      delimiterLineEnd: lineEndAfter(delimiterLineStart) + bomLength,
      columns,
      duplicateColumns,
      rows,
    });
  }
  return { text, bomLength, tables: tables.length, seedTables, table: seedTables[0] ?? null, lines, eol };
}

/** What checkIndex needs to know about each seed. */
export interface SeedFacts {
  ordinal: number | null;
  /** File size, or null when unknown. */
  size: number | null;
  /** SHA-256 (hex), or null when not computed (too large, unreadable). */
  sha256: string | null;
  /** The classifier's verdict, or null when the seed was not classified. */
  detected: { kind: string; subtype: string | null; confidence: number } | null;
}

export interface IndexContext {
  /** INDEX.md path relative to the root (the `file` of findings). */
  file: string;
  /** Every entry of the seeds folder by name. */
  entries: ReadonlyMap<string, EntryKind>;
  /** Seeds (files matching the name pattern) by name. */
  seeds: ReadonlyMap<string, SeedFacts>;
  /** Minimum classifier confidence for index/kind-mismatch (default 0.8). */
  kindMismatchConfidence?: number;
}

const cellPos = (c: IndexCell): Position => ({ line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn });
const rowPos = (r: { line: number; column: number; endLine: number; endColumn: number }): Position => ({
  line: r.line,
  column: r.column,
  endLine: r.endLine,
  endColumn: r.endColumn,
});

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** All index/* findings for a parsed INDEX.md. */
export function checkIndex(parsed: ParsedIndex, ctx: IndexContext): Finding[] {
  const out: Finding[] = [];
  const file = ctx.file;
  const table = parsed.table;
  if (!table) {
    out.push(finding('index/no-seed-table', file, { line: 1, column: 1 }, { tables: parsed.tables }));
    return out;
  }
  for (const t of parsed.seedTables.slice(1)) {
    out.push(finding('index/duplicate-seed-table', file, rowPos(t), { firstLine: table.line }));
  }
  for (const d of table.duplicateColumns) {
    const h = table.header[d.index]!;
    out.push(finding('index/duplicate-column', file, cellPos(h), { column: h.text }));
  }
  const hasKind = table.columns.kind !== undefined;
  if (!hasKind) {
    out.push(finding('index/missing-column', file, rowPos({ line: table.line, column: table.column, endLine: table.line, endColumn: table.header.at(-1)?.endColumn ?? table.column }), { column: 'Kind' }));
  }

  const expected = table.header.length;
  const listed = new Map<string, number>();
  const minConf = ctx.kindMismatchConfidence ?? 0.8;
  let prev: { name: string; ordinal: number } | null = null;
  let unsortedReported = false;

  for (const row of table.rows) {
    if (row.cells.length !== expected) {
      out.push(finding('index/row-cells', file, rowPos(row), { expected, found: row.cells.length }));
    }
    const c = row.cell;
    let facts: SeedFacts | undefined;
    let name: string | null = null;
    if (row.seed && c.seed) {
      const ref = row.seed;
      if (ref.problem) {
        out.push(finding('index/bad-reference', file, cellPos(c.seed), { reference: ref.name, reason: ref.problem }));
      } else {
        name = ref.name;
        const first = listed.get(name);
        if (first !== undefined) {
          out.push(finding('index/duplicate-entry', file, cellPos(c.seed), { name, firstLine: first }));
        } else {
          listed.set(name, row.line);
          const entry = ctx.entries.get(name);
          if (entry === undefined) out.push(finding('index/missing-seed', file, cellPos(c.seed), { name }));
          else if (entry === 'dir') out.push(finding('index/bad-reference', file, cellPos(c.seed), { reference: name, reason: 'not-a-file' }));
          facts = ctx.seeds.get(name);
        }
        if (ref.form === 'link' && ref.linkText !== null && ref.linkText !== ref.name) {
          out.push(finding('index/link-text-mismatch', file, cellPos(c.seed), { text: ref.linkText, target: ref.name }));
        }
      }
    } else if (!c.seed) {
      // A short row with no Seed cell at all: row-cells already says so; nothing to resolve.
    }

    // # column.
    if (c.ordinal && c.ordinal.text !== '') {
      const v = c.ordinal.text;
      if (!/^\d{1,15}$/.test(v)) {
        out.push(finding('index/bad-cell', file, cellPos(c.ordinal), { column: '#', value: v, expected: 'a decimal ordinal such as 000' }));
      } else if (facts && facts.ordinal !== null && Number.parseInt(v, 10) !== facts.ordinal) {
        out.push(finding('index/ordinal-mismatch', file, cellPos(c.ordinal), { declared: v, actual: facts.ordinal }));
      }
    }

    // Order.
    if (facts && facts.ordinal !== null && name !== null) {
      if (prev && facts.ordinal < prev.ordinal && !unsortedReported) {
        out.push(finding('index/unsorted', file, rowPos(row), { name, previous: prev.name }));
        unsortedReported = true;
      }
      if (!prev || facts.ordinal >= prev.ordinal) prev = { name, ordinal: facts.ordinal };
    }

    // Kind.
    if (c.kind && row.kind) {
      const k = row.kind;
      if (!isKindId(k.kind)) {
        out.push(finding('index/unknown-kind', file, cellPos(c.kind), { kind: k.raw }));
      } else if (facts?.detected && facts.detected.confidence >= minConf) {
        const d = facts.detected;
        const differs = d.kind !== k.kind || (k.subtype !== null && d.subtype !== null && d.subtype !== k.subtype);
        if (differs) {
          out.push(
            finding('index/kind-mismatch', file, cellPos(c.kind), {
              declared: k.raw,
              detected: d.subtype && k.subtype !== null ? `${d.kind}:${d.subtype}` : d.kind,
              confidence: d.confidence,
            }),
          );
        }
      }
    }

    // Bytes.
    if (c.bytes && c.bytes.text !== '') {
      const v = c.bytes.text;
      if (!/^\d{1,15}$/.test(v)) {
        out.push(finding('index/bad-cell', file, cellPos(c.bytes), { column: 'Bytes', value: v, expected: 'a decimal byte count such as 2248' }));
      } else if (facts && facts.size !== null && Number.parseInt(v, 10) !== facts.size) {
        out.push(finding('index/size-mismatch', file, cellPos(c.bytes), { declared: v, actual: facts.size }));
      }
    }

    // SHA-256.
    if (c.sha256 && c.sha256.text !== '') {
      const v = c.sha256.text;
      if (!/^[0-9a-fA-F]{64}$/.test(v)) {
        out.push(finding('index/bad-cell', file, cellPos(c.sha256), { column: 'SHA-256', value: v, expected: '64 hexadecimal digits' }));
      } else if (facts && facts.sha256 !== null && v.toLowerCase() !== facts.sha256) {
        out.push(finding('index/digest-mismatch', file, cellPos(c.sha256), { declared: v, actual: facts.sha256 }));
      }
    }

    // Date.
    if (c.date && c.date.text !== '' && !validDate(c.date.text)) {
      out.push(finding('index/bad-cell', file, cellPos(c.date), { column: 'Date', value: c.date.text, expected: 'a date YYYY-MM-DD' }));
    }

    // Language.
    if (c.language && c.language.text !== '' && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/.test(c.language.text)) {
      out.push(finding('index/bad-cell', file, cellPos(c.language), { column: 'Language', value: c.language.text, expected: 'an ISO 639-1 or 639-3 language code such as en or eng' }));
    }
  }

  // Unlisted seeds: reported where their row would go, the line after the table.
  const after = table.endLine < parsed.lines.lineCount ? table.endLine + 1 : table.endLine;
  for (const name of ctx.seeds.keys()) {
    if (!listed.has(name)) out.push(finding('index/unlisted-seed', file, { line: after, column: 1 }, { name }));
  }
  return out;
}
