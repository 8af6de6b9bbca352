/**
 * The diagnostic model shared by every check.
 *
 * A rule never writes wording: it produces a {@link Finding} — a rule id, a
 * place and typed data. {@link ../report/finalize.ts} stamps the severity
 * (from config) and the message (from `formatMessage`) on it, which gives a
 * {@link Diagnostic}. Tests compare rule ids and positions, never wording.
 */
import type { RuleDataMap, RuleId } from './rules.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A place in a file: 1-based line, 1-based column in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** What a rule reports: where, and typed data for the message. */
export type Finding = {
  [K in RuleId]: {
    ruleId: K;
    /** Path relative to the root, with `/` separators. */
    file: string;
    data: RuleDataMap[K];
  } & Position;
}[RuleId];

/** A finding with severity and wording stamped on it: public report shape. */
export interface Diagnostic extends Position {
  ruleId: RuleId;
  severity: Severity;
  file: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Helper to build a typed finding (keeps `data` checked against the rule). */
export function finding<K extends RuleId>(
  ruleId: K,
  file: string,
  pos: Position,
  data: RuleDataMap[K],
): Finding {
  return { ruleId, file, ...pos, data } as Finding;
}
