import type { KindResult } from './types.js';
import type { Bundle } from '../bundle/types.js';

export interface ClassifyHints {
  /** Already-decoded text (e.g. from a legacy encoding), to avoid decoding twice. */
  text?: string;
  /** Already-parsed bundle of the same content, or null when it is known not to be one. */
  bundle?: Bundle | null;
  /** Total file size when `bytes` is only the head and tail of a large file. */
  totalBytes?: number;
}

// Placeholder: replaced by the real classifier.
export function classify(_bytes: Uint8Array, _name?: string, _hints: ClassifyHints = {}): KindResult {
  return { kind: 'unknown', subtype: null, confidence: 0, runnerUp: null, evidence: [], title: null, date: null, language: null, lines: 0, words: 0, bundle: null };
}
