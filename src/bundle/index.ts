/**
 * Delimited file blocks (SPEC §4): the canonical parser and writer, and
 * detection of the dialects other tools write.
 */
import type { Finding } from '../report/types.js';

export { parseBundle } from './canonical.js';
export { detectBundle } from './detect.js';
export { formatBundle, BundleFormatError } from './writer.js';
export { unsafeReason } from './paths.js';

/** Fill in the file path of findings reported with `file: ''`. */
export function withFile(findings: readonly Finding[], file: string): Finding[] {
  return findings.map((f) => ({ ...f, file }) as Finding);
}
