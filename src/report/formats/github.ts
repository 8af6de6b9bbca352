/**
 * GitHub Actions workflow commands (annotations).
 *
 * - `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`,
 *   escaped exactly like @actions/toolkit's `command.ts`: data escapes `%`,
 *   CR and LF; properties also escape `:` and `,`. Nothing that comes from a
 *   seed or a file name can therefore end the command or start a new one.
 * - GitHub keeps only 10 error and 10 warning annotations per step and drops
 *   the rest silently: the first 10 of each become annotations, the others
 *   are listed as plain log lines and a `::notice::` says how many there were.
 * - When `GITHUB_STEP_SUMMARY` is set, a Markdown summary table is appended
 *   to that file (through `ctx.appendFile` when given, else node:fs).
 */
import type { Report } from '../model.js';
import type { FormatContext } from './index.js';
import { sanitize } from '../sanitize.js';

export const MAX_ANNOTATIONS_PER_SEVERITY = 10;
/** Rows of the step summary table; the summary file is capped at 1 MiB by GitHub. */
export const MAX_SUMMARY_ROWS = 500;

type Diagnostic = Report['diagnostics'][number];

/** toolkit `escapeData`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** toolkit `escapeProperty`. */
export function escapeProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === '') continue;
    parts.push(`${k}=${escapeProperty(String(v))}`);
  }
  return `::${name}${parts.length > 0 ? ' ' + parts.join(',') : ''}::${escapeData(message)}`;
}

export function annotation(d: Diagnostic): string {
  const props: Record<string, string | number | undefined> = { file: d.file, line: d.line };
  const endLine = d.endLine ?? d.line;
  // The toolkit: columns cannot be sent when startLine and endLine differ.
  if (endLine === d.line) {
    props.col = d.column;
    props.endLine = d.endLine;
    if (d.endColumn !== undefined) props.endColumn = d.endColumn;
  } else {
    props.endLine = endLine;
  }
  props.title = d.ruleId;
  return command(d.severity === 'error' ? 'error' : 'warning', props, d.message);
}

/**
 * A plain log line for a finding that did not fit in the annotations. It
 * starts with the severity word, never with `::`, and is escaped like data so
 * it stays on one line.
 */
function plainLine(d: Diagnostic): string {
  return escapeData(`${d.severity} ${d.file}:${d.line}:${d.column} ${d.message} [${d.ruleId}]`);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function format(report: Report, ctx: FormatContext): string | Promise<string> {
  const out: string[] = [];
  const overflow: Diagnostic[] = [];
  let errors = 0;
  let warnings = 0;
  const shown = ctx.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  for (const d of shown) {
    const n = d.severity === 'error' ? ++errors : ++warnings;
    if (n <= MAX_ANNOTATIONS_PER_SEVERITY) out.push(annotation(d));
    else overflow.push(d);
  }
  if (overflow.length > 0) {
    const extraErrors = Math.max(0, errors - MAX_ANNOTATIONS_PER_SEVERITY);
    const extraWarnings = Math.max(0, warnings - MAX_ANNOTATIONS_PER_SEVERITY);
    const parts = [extraErrors > 0 ? plural(extraErrors, 'error') : '', extraWarnings > 0 ? plural(extraWarnings, 'warning') : ''].filter(Boolean);
    out.push(
      command(
        'notice',
        { title: 'seedcheck' },
        `${parts.join(' and ')} more than GitHub shows as annotations (10 errors and 10 warnings per step); they are listed in the log` +
          (ctx.env.GITHUB_STEP_SUMMARY ? ' and in the job summary' : ''),
      ),
    );
    for (const d of overflow) out.push(plainLine(d));
  }
  const s = report.summary;
  out.push(`seedcheck: ${plural(s.seeds, 'seed')}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`);
  const text = out.join('\n') + '\n';
  const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return text;
  return appendSummary(summaryFile, stepSummary(report), ctx).then(() => text);
}

async function appendSummary(file: string, markdown: string, ctx: FormatContext): Promise<void> {
  if (ctx.appendFile) return ctx.appendFile(file, markdown);
  const { appendFile } = await import('node:fs/promises');
  await appendFile(file, markdown, 'utf8');
}

/**
 * Make untrusted text inert in a GitHub-flavoured Markdown table cell: no
 * control characters or newlines (sanitize), no HTML, no links, images,
 * emphasis or code spans, and `|` cannot end the cell.
 */
export function markdownCell(text: string, max = 200): string {
  return sanitize(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()#!~|{}+-]/g, (c) => '\\' + c)
    .replace(/:\/\//g, ':&#47;&#47;')
    .replace(/www\./gi, (m) => m.slice(0, 3) + '&#46;')
    .replace(/@/g, '&#64;');
}

/** The Markdown job summary: totals, kinds and a table of findings. */
export function stepSummary(report: Report): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push('## seedcheck', '');
  lines.push(
    `${s.errors === 0 && s.warnings === 0 ? '✅' : s.errors > 0 ? '❌' : '⚠️'} ` +
      `${plural(s.seeds, 'seed')} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`,
    '',
  );
  const kinds = Object.entries(s.kinds).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (kinds.length > 0) {
    lines.push('Kinds: ' + kinds.map(([k, n]) => `${markdownCell(k, 40)} ${n}`).join(', ') + '.', '');
  }
  if (report.diagnostics.length > 0) {
    lines.push('| Severity | File | Line | Column | Rule | Message |', '|---|---|---:|---:|---|---|');
    for (const d of report.diagnostics.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(
        `| ${d.severity} | ${markdownCell(d.file)} | ${d.line} | ${d.column} | ${markdownCell(d.ruleId, 60)} | ${markdownCell(d.message, 300)} |`,
      );
    }
    if (report.diagnostics.length > MAX_SUMMARY_ROWS) {
      lines.push('', `…and ${report.diagnostics.length - MAX_SUMMARY_ROWS} more (see the step log).`);
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
