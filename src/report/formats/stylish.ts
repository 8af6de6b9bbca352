/**
 * The default output. Clean: one summary line. Otherwise: findings grouped
 * by file (`line:col  severity  message  rule`, aligned), a code frame under
 * the first finding of each file that points into its text, and a summary
 * that names the exit reason. Everything that came from a seed (paths,
 * messages, titles, source lines) goes through sanitize: no control
 * character or escape sequence from a seed reaches the terminal.
 */
import pc from 'picocolors';
import type { Report, SeedEntry } from '../model.js';
import type { FormatContext } from './index.js';
import { sanitize, sanitizeLine } from '../sanitize.js';
import { hasCodeFrame as framed } from '../frame.js';
import { KIND_IDS, SOFTWARE_KINDS, type KindId } from '../../kinds/ids.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Kinds that are neither software nor background material. */
const OTHER_KINDS: ReadonlySet<string> = new Set(['binary', 'empty', 'unknown']);

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;


/** `4 seeds: 2 describe software (spec, bundle), 2 background (news, prose)`. */
export function kindsSummary(report: Report): string {
  const n = report.summary.seeds;
  const counts = new Map<string, number>();
  for (const [k, c] of Object.entries(report.summary.kinds)) if (c > 0) counts.set(k, c);
  if (counts.size === 0) {
    for (const s of report.seeds) if (s.kind) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  }
  const head = plural(n, 'seed');
  if (counts.size === 0) return head;
  const order = (a: string, b: string) =>
    (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || KIND_IDS.indexOf(a as KindId) - KIND_IDS.indexOf(b as KindId);
  const groups: { label: (c: number) => string; kinds: string[] }[] = [
    { label: (c) => `${c} ${c === 1 ? 'describes' : 'describe'} software`, kinds: [] },
    { label: (c) => `${c} background`, kinds: [] },
    { label: (c) => `${c} other`, kinds: [] },
  ];
  for (const k of counts.keys()) {
    const g = SOFTWARE_KINDS.has(k as KindId) ? 0 : OTHER_KINDS.has(k) ? 2 : 1;
    groups[g]!.kinds.push(k);
  }
  const parts: string[] = [];
  for (const g of groups) {
    if (g.kinds.length === 0) continue;
    const total = g.kinds.reduce((acc, k) => acc + (counts.get(k) ?? 0), 0);
    parts.push(`${g.label(total)} (${g.kinds.sort(order).map((k) => sanitize(k, 40)).join(', ')})`);
  }
  return `${head}: ${parts.join(', ')}`;
}

/** Visible width of a plain string (no ANSI in it). */
const width = (s: string) => s.length;
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

const MAX_FRAME_LINE = 120;

/** East Asian wide and emoji code points take two terminal columns. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Blank a prefix for the caret line: tabs stay tabs, wide characters take two spaces. */
function blankOut(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += ch === '\t' ? '\t' : isWide(ch.codePointAt(0)!) ? '  ' : ' ';
  return out;
}

/**
 * A code frame: up to 2 lines of context either side, line numbers, and a
 * caret under the column. Lines are sanitised; the caret follows the
 * sanitised text (an escaped character is wider than one column).
 */
export function codeFrame(source: string, line: number, column: number, c: Colors, context = 2): string | null {
  // Lines end at LF, CRLF or a lone CR, as in the checks (src/check/text.ts).
  const lines = source.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return null;
  // A final newline does not make a line of its own.
  const last = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  if (line > last) return null;
  const from = Math.max(1, line - context);
  const to = Math.min(last, line + context);
  const numW = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const raw = (lines[n - 1] ?? '').replace(/\r$/, '');
    let text = sanitizeLine(raw);
    let caretPad = '';
    if (n === line) {
      const prefix = sanitizeLine(raw.slice(0, Math.max(0, column - 1)));
      let start = 0;
      if (text.length > MAX_FRAME_LINE && prefix.length > MAX_FRAME_LINE - 20) start = prefix.length - (MAX_FRAME_LINE - 40);
      const shownPrefix = prefix.slice(start);
      caretPad = (start > 0 ? ' ' : '') + blankOut(shownPrefix);
      text = (start > 0 ? '…' : '') + text.slice(start);
    } else if (text.length > MAX_FRAME_LINE) {
      text = text.slice(0, MAX_FRAME_LINE);
    }
    if (text.length > MAX_FRAME_LINE + 1) text = text.slice(0, MAX_FRAME_LINE + 1) + '…';
    const num = padStart(String(n), numW);
    if (n === line) {
      out.push(`${c.red(c.bold('>'))} ${c.dim(num + ' |')} ${text}`.trimEnd());
      out.push(`  ${' '.repeat(numW)} ${c.dim('|')} ${caretPad}${c.red(c.bold('^'))}`);
    } else {
      out.push(`  ${c.dim(num + ' |')} ${text}`.trimEnd());
    }
  }
  return out.join('\n');
}

function seedLine(s: SeedEntry): [string, string, string, string] {
  const kind = s.kind === null ? '—' : s.subtype ? `${s.kind}:${s.subtype}` : s.kind;
  return [sanitize(s.path, 200), sanitize(kind, 60), s.kind === null ? '' : s.confidence.toFixed(2), s.title ? sanitize(s.title, 80) : ''];
}

export function format(report: Report, ctx: FormatContext): string {
  const c = pc.createColors(ctx.color);
  const out: string[] = [];
  const { errors, warnings } = report.summary;

  if (ctx.verbose && report.seeds.length > 0) {
    const rows = report.seeds.map(seedLine);
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => width(r[i]!))));
    for (const r of rows) {
      out.push(`${pad(r[0], w[0]!)}  ${c.cyan(pad(r[1], w[1]!))}  ${pad(r[2], w[2]!)}  ${r[3]}`.trimEnd());
    }
    out.push('');
  }

  if (report.diagnostics.length === 0) {
    const kinds = kindsSummary(report);
    const seeds = plural(report.summary.seeds, 'seed');
    const tail = kinds === seeds ? '' : ` — ${kinds.slice(kinds.indexOf(':') + 2)}`;
    // Under --quiet, warnings were dropped: claim only what was checked.
    out.push(c.green(`✔ ${seeds} checked, no ${ctx.quiet ? 'errors' : 'problems'}`) + tail);
    return out.join('\n') + '\n';
  }

  // Group by file, keeping the report's order (sorted by file, line, column).
  const byFile = new Map<string, Report['diagnostics']>();
  for (const d of report.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const rows = report.diagnostics.map((d) => ({
    pos: `${d.line}:${d.column}`,
    sev: d.severity,
    msg: sanitize(d.message, 400),
  }));
  const posW = Math.max(...rows.map((r) => r.pos.length));
  const sevW = Math.max(...rows.map((r) => r.sev.length));
  const msgW = Math.min(72, Math.max(...rows.map((r) => width(r.msg))));

  let i = 0;
  for (const [file, list] of byFile) {
    out.push(c.underline(sanitize(file, 300)));
    let framedOne = false;
    for (const d of list) {
      const r = rows[i++]!;
      const sev = r.sev === 'error' ? c.red(pad(r.sev, sevW)) : c.yellow(pad(r.sev, sevW));
      out.push(`  ${c.dim(padStart(r.pos, posW))}  ${sev}  ${pad(r.msg, msgW)}  ${c.dim(d.ruleId)}`);
      if (!framedOne && framed(d.ruleId)) {
        framedOne = true;
        const src = ctx.sourceOf?.(file);
        const frame = src === undefined ? null : codeFrame(src, d.line, d.column, c);
        if (frame) out.push('', frame.replace(/^/gm, '    '), '');
      }
    }
    if (out[out.length - 1] !== '') out.push('');
  }

  const counts = [errors > 0 || warnings === 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
  if (errors > 0) {
    out.push(c.red(c.bold(`✖ ${counts}`)));
  } else if (ctx.exitCode !== 0 && ctx.maxWarnings >= 0 && warnings > ctx.maxWarnings) {
    out.push(c.red(c.bold(`✖ too many warnings (${warnings}, max ${ctx.maxWarnings})`)));
  } else {
    out.push(c.yellow(c.bold(`⚠ ${counts}, no errors`)));
  }
  out.push(c.dim(kindsSummary(report)));
  return out.join('\n') + '\n';
}
