/** Hand-built reports for the stylish and JSON formatter tests (thin defaults over ci-helpers). */
import type { Report, SeedEntry } from '../../src/report/model.js';
import type { Finding } from '../../src/report/types.js';
import type { FormatContext } from '../../src/report/formats/index.js';
import { ctx as baseCtx, makeReport, seedEntry } from './ci-helpers.js';

export function seed(path: string, extra: Partial<SeedEntry> = {}): SeedEntry {
  return seedEntry(path, { bytes: 12, sha256: 'a'.repeat(64), confidence: 0.8, ...extra });
}

export function report(seeds: SeedEntry[], findings: Finding[] = []): Report {
  return makeReport({ seeds, findings });
}

export function ctx(extra: Partial<FormatContext> = {}): FormatContext {
  return baseCtx({ cwd: '.', ...extra });
}
