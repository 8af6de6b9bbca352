/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array
 * of CodeClimate-style issues with `description`, `check_name`,
 * `fingerprint`, `severity` and `location.path` / `location.lines.begin`.
 * Errors are `major`, warnings `minor`. Fingerprints are the SARIF ones
 * (rule + file + line text or finding data, never the line number), so an
 * issue keeps its identity when lines move.
 */
import type { Report } from '../model.js';
import type { FormatContext } from './index.js';
import { fingerprintBase, lineReader } from './sarif.js';

export function toCodeQuality(report: Report, ctx: FormatContext) {
  const seen = new Map<string, number>();
  const lineOf = lineReader(ctx);
  const diags = ctx.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  return diags.map((d) => {
    const base = fingerprintBase(d, lineOf(d.file, d.line));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      type: 'issue',
      description: d.message,
      check_name: d.ruleId,
      fingerprint: n === 1 ? base : `${base}:${n}`,
      severity: d.severity === 'error' ? 'major' : 'minor',
      location: { path: d.file, lines: { begin: d.line } },
    };
  });
}

export function format(report: Report, ctx: FormatContext): string {
  return JSON.stringify(toCodeQuality(report, ctx), null, 2) + '\n';
}
