/**
 * Shared test helper: every Report a test produces is validated against the
 * zod ReportSchema (the single source of truth of SPEC §7).
 */
import { expect } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import type { Report } from '../../src/report/model.js';

export function expectValidReport(report: unknown): Report {
  const r = ReportSchema.safeParse(report);
  if (!r.success) {
    expect.fail(`report does not match ReportSchema:\n${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return report as Report;
}
