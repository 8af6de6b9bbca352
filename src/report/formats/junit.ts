/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).
 *
 * - One passing test case per checked file (each seed, and INDEX.md unless it
 *   is missing), so the report is never empty (Jenkins fails on an empty one)
 *   and clean files show as passed.
 * - One failing test case per finding, named `RULE @ line:col`, with the file
 *   as `classname` (GitLab shows classname as the suite) and `file`. Names are
 *   unique per file (GitLab keeps only the first of duplicate names): a second
 *   finding of the same rule at the same place gets ` (2)`.
 * - The failure text is in the element body (GitLab ignores `message=`).
 * - Everything is escaped; characters that XML 1.0 forbids are dropped.
 */
import type { Report } from '../model.js';
import type { FormatContext } from './index.js';
import { ruleDocsUrl, isRuleId } from '../rules.js';

type Diagnostic = Report['diagnostics'][number];

/* Not allowed in XML 1.0: C0 controls except TAB LF CR, U+FFFE, U+FFFF, lone surrogates. */
const ILLEGAL_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escape text content. */
export function xmlText(s: string): string {
  return s.replace(ILLEGAL_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value (double-quoted); keeps TAB/LF/CR as references. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function indexPath(report: Report): string {
  const dir = report.seedsDir.replace(/\/+$/, '');
  return dir === '' || dir === '.' ? 'INDEX.md' : `${dir}/INDEX.md`;
}

/** The files a run checked: every seed, and INDEX.md unless it is missing. */
export function checkedFiles(report: Report): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  if (!report.diagnostics.some((d) => d.ruleId === 'layout/missing-index')) add(indexPath(report));
  for (const s of report.seeds) add(s.path);
  return files;
}

function failureBody(d: Diagnostic): string {
  const url = isRuleId(d.ruleId) ? `\n${ruleDocsUrl(d.ruleId)}` : '';
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})${url}`;
}

export function format(report: Report, ctx: FormatContext): string {
  const diags = ctx.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  const cases: string[] = [];
  for (const f of checkedFiles(report)) {
    cases.push(`    <testcase classname="${xmlAttr(f)}" name="${xmlAttr(f)}" file="${xmlAttr(f)}" time="0"/>`);
  }
  const names = new Map<string, number>();
  for (const d of diags) {
    const base = `${d.ruleId} @ ${d.line}:${d.column}`;
    const key = `${d.file}\0${base}`;
    const n = (names.get(key) ?? 0) + 1;
    names.set(key, n);
    const name = n === 1 ? base : `${base} (${n})`;
    cases.push(
      `    <testcase classname="${xmlAttr(d.file)}" name="${xmlAttr(name)}" file="${xmlAttr(d.file)}" time="0">\n` +
        `      <failure message="${xmlAttr(d.message)}" type="${xmlAttr(d.severity)}">${xmlText(failureBody(d))}</failure>\n` +
        `    </testcase>`,
    );
  }
  if (cases.length === 0) {
    // Nothing checked and nothing found (an empty project): still one case.
    const dir = report.seedsDir || 'seeds';
    cases.push(`    <testcase classname="seedcheck" name="${xmlAttr(dir)}" time="0"/>`);
  }
  const tests = cases.length;
  const failures = diags.length;
  const counts = `tests="${tests}" failures="${failures}" errors="0"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="seedcheck" ${counts} time="0">\n` +
    `  <testsuite name="seedcheck" ${counts} skipped="0" time="0">\n` +
    `    <properties>\n      <property name="seedcheck.version" value="${xmlAttr(report.tool.version)}"/>\n    </properties>\n` +
    cases.join('\n') +
    '\n  </testsuite>\n</testsuites>\n'
  );
}
