/**
 * `--format json`: the Report of SPEC §7, as 2-space JSON. Its shape is the
 * zod schema in ../schema.ts (shipped as schema/report.schema.json).
 */
import type { Report } from '../model.js';
import type { FormatContext } from './index.js';

export function format(report: Report, _ctx: FormatContext): string {
  return JSON.stringify(report, null, 2) + '\n';
}
