/** Report types, inferred from the zod schema without loading zod at run time. */
import type { z } from 'zod';
import type { KindsReportSchema, ReportSchema, SeedEntrySchema, KindEntrySchema } from './schema.js';

export type Report = z.infer<typeof ReportSchema>;
export type SeedEntry = z.infer<typeof SeedEntrySchema>;
export type KindEntry = z.infer<typeof KindEntrySchema>;
export type KindsReport = z.infer<typeof KindsReportSchema>;
