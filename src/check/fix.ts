import type { CheckOptions } from './types.js';

export interface FixResult {
  /** INDEX.md path relative to root. */
  file: string;
  /** Human-readable lines describing what changed (empty when nothing did). */
  changes: string[];
}

// Placeholder: replaced by the real --fix.
export async function fixIndex(_options: CheckOptions): Promise<FixResult> {
  throw new Error('--fix is not built yet');
}
