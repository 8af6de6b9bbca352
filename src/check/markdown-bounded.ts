/**
 * Parse Markdown (CommonMark + GFM tables, with mdast) in bounded memory.
 *
 * mdast-util-from-markdown holds every micromark event of the document at
 * once: ~85 KB per table row, so an INDEX.md of 10,000 seeds peaks at
 * ~850 MB. This returns the same tree while parsing long tables in slices:
 *
 * 1. Every run of more than `sliceRows` consecutive lines that start with `|`
 *    keeps its first 3 lines; the rest is cut out of a skeleton document,
 *    which is parsed whole.
 * 2. A cut is valid when its last kept line is a body row of a top-level
 *    table: every cut line starts with `|` and is not blank, so it cannot
 *    start any other block and is a row of that table too (GFM).
 * 3. The cut rows are parsed in slices of `sliceRows`, each behind the
 *    table's own header and delimiter lines (rows are one line each and
 *    inline content never spans rows), shifted to their real lines and
 *    offsets, and spliced into the table; positions after each cut are
 *    shifted back.
 *
 * Whenever an assumption does not hold (a cut not inside a table, a link
 * reference definition anywhere — a slice would not see it —, a lone CR line
 * ending, a slice that does not parse to exactly its rows) the document is
 * parsed whole, as before. A property test checks the result equals the
 * whole parse.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from './gfm-table-mdast.js';

interface Pt {
  line: number;
  column: number;
  offset?: number;
}
export interface MdTreeNode {
  type: string;
  children?: MdTreeNode[];
  position?: { start: Pt; end: Pt };
}

/** Rows per slice. */
export const SLICE_ROWS = 50;
const KEEP = 3;

/** How many documents took the sliced path (for tests). */
export const sliceStats = { sliced: 0 };

export function parseMarkdownWhole(text: string): MdTreeNode {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as unknown as MdTreeNode;
}

interface Cut {
  /** 0-based index of the first cut line and one past the last. */
  from: number;
  to: number;
  /** Offsets (original text) of the cut region. */
  start: number;
  end: number;
  /** Offset in the skeleton where the cut was. */
  skelOffset: number;
  /** Lines and characters removed by this and every earlier cut. */
  linesBefore: number;
  charsBefore: number;
}

export function parseMarkdownTables(text: string, sliceRows = SLICE_ROWS): MdTreeNode {
  if (text.length < 4096 && sliceRows === SLICE_ROWS) return parseMarkdownWhole(text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) return parseMarkdownWhole(text);
  }
  const lineCount = starts.length;
  const lineStart = (i: number) => (i < lineCount ? starts[i]! : text.length);

  // 1. Cuts: long runs of lines starting with '|'.
  const cuts: Cut[] = [];
  for (let i = 0; i < lineCount; ) {
    if (text.charCodeAt(starts[i]!) !== 0x7c) {
      i++;
      continue;
    }
    let j = i;
    while (j < lineCount && text.charCodeAt(starts[j]!) === 0x7c) j++;
    if (j - i > sliceRows + KEEP) {
      const from = i + KEEP;
      cuts.push({ from, to: j, start: starts[from]!, end: lineStart(j), skelOffset: 0, linesBefore: 0, charsBefore: 0 });
    }
    i = j;
  }
  if (cuts.length === 0) return parseMarkdownWhole(text);
  // The last run may end the text without a final newline: keep that last line (its row ends differently).
  const last = cuts[cuts.length - 1]!;
  if (last.end === text.length && !text.endsWith('\n')) {
    last.to--;
    last.end = starts[last.to]!;
    if (last.to - last.from < 1) cuts.pop();
    if (cuts.length === 0) return parseMarkdownWhole(text);
  }

  let skeleton = '';
  let prev = 0;
  let lines = 0;
  let chars = 0;
  for (const c of cuts) {
    skeleton += text.slice(prev, c.start);
    c.skelOffset = skeleton.length;
    lines += c.to - c.from;
    chars += c.end - c.start;
    c.linesBefore = lines;
    c.charsBefore = chars;
    prev = c.end;
  }
  skeleton += text.slice(prev);
  const tree = parseMarkdownWhole(skeleton);

  // 2. Validate: no definitions anywhere; each cut follows a body row of a top-level table.
  let hasDefinition = false;
  const visit = (n: MdTreeNode) => {
    if (n.type === 'definition') hasDefinition = true;
    else if (n.children) for (const k of n.children) visit(k);
  };
  visit(tree);
  if (hasDefinition) return parseMarkdownWhole(text);

  // Skeleton (1-based) line of each cut's last kept line.
  const plan: Array<{ cut: Cut; table: MdTreeNode; rowIndex: number }> = [];
  for (let k = 0; k < cuts.length; k++) {
    const c = cuts[k]!;
    const keptLine = c.from - (k === 0 ? 0 : cuts[k - 1]!.linesBefore); // 1-based line of the last kept line in the skeleton
    const table = (tree.children ?? []).find((t) => t.type === 'table' && t.position!.start.line <= keptLine && t.position!.end.line >= keptLine);
    if (!table || table.position!.start.column !== 1) return parseMarkdownWhole(text);
    const rowIndex = (table.children ?? []).findIndex((r) => r.position!.start.line === keptLine);
    if (rowIndex < 1) return parseMarkdownWhole(text);
    plan.push({ cut: c, table, rowIndex });
  }

  // 3. Shift skeleton positions after each cut back to the original text.
  const shiftPoint = (p: Pt) => {
    const o = p.offset!;
    // Cut offsets are line starts: a point there is the first character after the cut.
    let k = -1;
    for (let i = 0; i < cuts.length && cuts[i]!.skelOffset <= o; i++) k = i;
    if (k >= 0) {
      p.line += cuts[k]!.linesBefore;
      p.offset = o + cuts[k]!.charsBefore;
    }
  };
  const shiftTree = (n: MdTreeNode) => {
    if (n.position) {
      shiftPoint(n.position.start);
      shiftPoint(n.position.end);
    }
    if (n.children) for (const k of n.children) shiftTree(k);
  };
  shiftTree(tree);

  // 4. Parse the cut rows in slices behind the table's header and delimiter lines.
  for (let k = plan.length - 1; k >= 0; k--) {
    const { cut, table, rowIndex } = plan[k]!;
    const headerLine = table.position!.start.line - 1; // 0-based, before any cut
    const head = text.slice(starts[headerLine]!, lineStart(headerLine + 2));
    const rows: MdTreeNode[] = [];
    for (let a = cut.from; a < cut.to; a += sliceRows) {
      const b = Math.min(cut.to, a + sliceRows);
      const slice = parseMarkdownWhole(head + text.slice(starts[a]!, lineStart(b)));
      const t = slice.children?.[0];
      if (slice.children?.length !== 1 || t?.type !== 'table' || t.children?.length !== 1 + (b - a)) return parseMarkdownWhole(text);
      const lineDelta = a - 2;
      const offsetDelta = starts[a]! - head.length;
      const move = (n: MdTreeNode) => {
        if (n.position) {
          for (const p of [n.position.start, n.position.end]) {
            p.line += lineDelta;
            p.offset = p.offset! + offsetDelta;
          }
        }
        if (n.children) for (const c of n.children) move(c);
      };
      for (const r of t.children.slice(1)) {
        move(r);
        rows.push(r);
      }
    }
    table.children!.splice(rowIndex + 1, 0, ...rows);
    const lastRow = table.children![table.children!.length - 1]!;
    if (table.children!.length - 1 === rowIndex + rows.length) table.position!.end = { ...lastRow.position!.end };
  }
  sliceStats.sliced++;
  return tree;
}
