/**
 * The JSON report (SPEC §7). This zod schema is the single source of truth:
 * the TypeScript types are inferred from it, and `npm run build` writes
 * `schema/report.schema.json` from it with zod's JSON Schema output.
 * Import it lazily (it loads zod).
 */
import { z } from 'zod';
import { KIND_IDS } from '../kinds/ids.js';
import { RULES } from './rules.js';

const ruleIds = RULES.map((r) => r.id) as [string, ...string[]];

export const KindIdSchema = z.enum(KIND_IDS);

export const BundleFileSchema = z.object({
  path: z.string(),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  bytes: z.number().int().min(0),
  kind: KindIdSchema.nullable(),
  subtype: z.string().nullable(),
});

export const BundleSummarySchema = z.object({
  dialect: z.string(),
  files: z.array(BundleFileSchema),
});

export const RunnerUpSchema = z.object({ kind: KindIdSchema, confidence: z.number().min(0).max(1) });

/** Fields shared by a seed entry and a `kinds` entry. */
export const KindEntrySchema = z.object({
  path: z.string().describe('Relative to the root (check) or as given (kinds), with / separators'),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  lines: z.number().int().min(0),
  words: z.number().int().min(0),
  kind: KindIdSchema.nullable().describe('null when the seed was not classified (e.g. unreadable)'),
  subtype: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  runnerUp: RunnerUpSchema.nullable(),
  evidence: z.array(z.string()),
  title: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  language: z.string().nullable(),
  bundle: BundleSummarySchema.nullable(),
});

export const SeedEntrySchema = KindEntrySchema.extend({
  ordinal: z.number().int().min(0).nullable(),
  id: z.string().nullable(),
});

export const DiagnosticSchema = z.object({
  ruleId: z.enum(ruleIds),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  tool: z.object({ name: z.literal('seedcheck'), version: z.string() }),
  root: z.string(),
  seedsDir: z.string(),
  summary: z.object({
    seeds: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    kinds: z.record(z.string(), z.number().int().min(0)),
  }),
  seeds: z.array(SeedEntrySchema),
  diagnostics: z.array(DiagnosticSchema),
});

export const KindsReportSchema = z.object({
  version: z.literal(1),
  files: z.array(KindEntrySchema),
});
