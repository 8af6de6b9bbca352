import type { KindId } from './ids.js';

/** What the classifier says about one document (SPEC §5). */
export interface KindResult {
  kind: KindId;
  subtype: string | null;
  /** 0..1 */
  confidence: number;
  runnerUp: { kind: KindId; confidence: number } | null;
  /** Short human strings, with a line number where one applies. */
  evidence: string[];
  title: string | null;
  /** ISO date YYYY-MM-DD, or null. */
  date: string | null;
  /** ISO 639-1 where known, `und` when the prose is too short. */
  language: string | null;
  lines: number;
  words: number;
  /** Set when kind is `bundle`. */
  bundle: BundleSummary | null;
}

export interface BundleSummary {
  dialect: string;
  files: BundleFileSummary[];
}

export interface BundleFileSummary {
  path: string;
  line: number;
  endLine: number;
  bytes: number;
  kind: KindId | null;
  subtype: string | null;
}
