import type { Report } from '../model.js';
import type { FormatContext } from './index.js';

// Placeholder: replaced by the real formatter.
export function format(report: Report, _ctx: FormatContext): string {
  return JSON.stringify(report) + '\n';
}
