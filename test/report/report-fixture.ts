/** Hand-built reports for formatter tests (the formatters get finished Reports). */
import type { Report, SeedEntry } from '../../src/report/model.js';
import type { Finding } from '../../src/report/types.js';
import type { FormatContext } from '../../src/report/formats/index.js';
import { finalize } from '../../src/report/finalize.js';

export function seed(path: string, extra: Partial<SeedEntry> = {}): SeedEntry {
  const name = path.split('/').pop() ?? path;
  const m = /^(\d+)_([0-9a-f]{16})\./.exec(name);
  return {
    path,
    ordinal: m ? Number(m[1]) : null,
    id: m ? m[2]! : null,
    bytes: 12,
    sha256: 'a'.repeat(64),
    lines: 1,
    words: 2,
    kind: 'prose',
    subtype: null,
    confidence: 0.8,
    runnerUp: null,
    evidence: [],
    title: null,
    date: null,
    language: null,
    bundle: null,
    ...extra,
  };
}

export function report(seeds: SeedEntry[], findings: Finding[] = []): Report {
  const diagnostics = finalize(findings);
  const kinds: Record<string, number> = {};
  for (const s of seeds) if (s.kind) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
  return {
    version: 1,
    tool: { name: 'seedcheck', version: '0.1.0' },
    root: '.',
    seedsDir: 'seeds',
    summary: {
      seeds: seeds.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      kinds,
    },
    seeds,
    diagnostics,
  };
}

export function ctx(extra: Partial<FormatContext> = {}): FormatContext {
  return { color: false, cwd: '.', env: {}, verbose: false, quiet: false, maxWarnings: -1, exitCode: 0, ...extra };
}
