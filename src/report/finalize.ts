/**
 * The one wrapper that turns findings into diagnostics: it stamps the
 * severity from the effective rule settings and the message from
 * formatMessage, drops rules set to "off", and sorts.
 */
import { formatMessage } from './messages.js';
import { ruleMeta, type RuleId } from './rules.js';
import type { Diagnostic, Finding, SeveritySetting } from './types.js';

export type RuleSettings = Partial<Record<RuleId, SeveritySetting>>;

export function effectiveSeverity(id: RuleId, settings: RuleSettings): SeveritySetting {
  return settings[id] ?? ruleMeta(id).severity;
}

export function finalize(findings: readonly Finding[], settings: RuleSettings = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = effectiveSeverity(f.ruleId, settings);
    if (severity === 'off') continue;
    const d: Diagnostic = {
      ruleId: f.ruleId,
      severity,
      file: f.file,
      line: f.line,
      column: f.column,
      message: formatMessage(f),
    };
    if (f.endLine !== undefined) d.endLine = f.endLine;
    if (f.endColumn !== undefined) d.endColumn = f.endColumn;
    if (f.data && Object.keys(f.data).length > 0) d.data = f.data as Record<string, unknown>;
    out.push(d);
  }
  return sortDiagnostics(out);
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
