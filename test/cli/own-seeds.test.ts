import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.js';
import { REPO } from './helpers.js';

describe("the project's own seeds/", () => {
  it('check() finds no errors and no warnings', async () => {
    const report = await check({ root: REPO });
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('holds at least five seeds of at least five different kinds, classified as declared', async () => {
    const report = await check({ root: REPO });
    expect(report.seeds.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(report.seeds.map((s) => s.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    for (const k of ['card', 'spec', 'bundle', 'prose']) expect(kinds).toContain(k);
    const bundle = report.seeds.find((s) => s.kind === 'bundle');
    expect(bundle?.bundle?.dialect).toBe('seedcheck');
  });
});
