/**
 * The from-markdown half of mdast-util-gfm-table (MIT, © Titus Wormer),
 * ported so that parsing INDEX.md does not load that package's index, which
 * also exports the to-markdown half and with it mdast-util-to-markdown,
 * markdown-table and unist-util-visit: 62 of the ~180 modules a plain
 * `seedcheck` run loaded, for a feature seedcheck never uses. Same nodes,
 * same positions, same unescaping of `\|` in code spans inside tables.
 */
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';

type Ctx = CompileContext & { data: { inTable?: boolean } };
type Align = 'left' | 'right' | 'center' | 'none';

export function gfmTableFromMarkdown(): Extension {
  return {
    enter: { table: enterTable, tableData: enterCell, tableHeader: enterCell, tableRow: enterRow },
    exit: { codeText: exitCodeText, table: exitTable, tableData: exit, tableHeader: exit, tableRow: exit },
  };
}

function enterTable(this: CompileContext, token: Token): undefined {
  const align = ((token as Token & { _align?: Align[] })._align ?? []).map((d) => (d === 'none' ? null : d));
  this.enter({ type: 'table', align, children: [] } as never, token);
  (this as Ctx).data.inTable = true;
}

function exitTable(this: CompileContext, token: Token): undefined {
  this.exit(token);
  (this as Ctx).data.inTable = undefined;
}

function enterRow(this: CompileContext, token: Token): undefined {
  this.enter({ type: 'tableRow', children: [] } as never, token);
}

function enterCell(this: CompileContext, token: Token): undefined {
  this.enter({ type: 'tableCell', children: [] } as never, token);
}

function exit(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

function exitCodeText(this: CompileContext, token: Token): undefined {
  let value = this.resume();
  // Pipes can be escaped inside code in a table; backslashes cannot.
  if ((this as Ctx).data.inTable) value = value.replace(/\\([\\|])/g, (all: string, c: string) => (c === '|' ? c : all));
  const node = this.stack[this.stack.length - 1] as { type: string; value?: string };
  node.value = value;
  this.exit(token);
}
