/**
 * Start-up budget (issue 6): a plain `seedcheck` run on a small clean
 * repository loads nothing heavy it does not need. Traced with an ESM load
 * hook on the built bin (run `npm run build` first, as `npm test` does).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS helper without types
import { traceModules } from '../../scripts/bench/imports.js';
// @ts-expect-error plain JS helper without types
import { writeRepo } from '../../scripts/bench/generate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'seedcheck.js');

interface Trace {
  status: number | null;
  stderr: string;
  files: string[];
  packages: string[];
}
const trace = (args: string[], cwd: string): Trace => traceModules([BIN, ...args], { cwd, env: { NO_COLOR: '1', CI: '' } });

let dir = '';
let prose = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seedcheck-startup-'));
  // Code and data only: nothing here needs natural-language detection.
  writeRepo(dir, { count: 6, seedBytes: 3000, seed: 5, kinds: ['code', 'data', 'csv'] });
  prose = mkdtempSync(join(tmpdir(), 'seedcheck-startup-prose-'));
  writeRepo(prose, { count: 4, seedBytes: 3000, seed: 6, kinds: ['prose', 'news'] });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(prose, { recursive: true, force: true });
});

describe('lazy imports', () => {
  it('a plain check of code and data loads the Markdown parser (INDEX.md) but no zod, franc, SARIF or JUnit writer', () => {
    const t = trace([], dir);
    expect(t.status, t.stderr).toBe(0);
    expect(t.packages).toContain('mdast-util-from-markdown');
    expect(t.packages).not.toContain('zod');
    expect(t.packages).not.toContain('franc-min');
    expect(t.packages).not.toContain('fast-check');
    const dist = t.files.filter((f) => f.startsWith('dist/'));
    expect(dist).not.toContain('dist/report/formats/sarif.js');
    expect(dist).not.toContain('dist/report/formats/junit.js');
    expect(dist).not.toContain('dist/report/schema.js');
    expect(dist).not.toContain('dist/config/schema.js');
  });

  it('English prose needs no franc; other prose loads it (the trace sees require() too)', () => {
    const english = trace([], prose);
    expect(english.status, english.stderr).toBe(0);
    expect(english.packages).not.toContain('franc-min');
    const fr =
      "Le conseil municipal s'est réuni mardi soir pour débattre du budget de l'année prochaine. " +
      'Les élus ont longuement discuté des travaux de rénovation de la bibliothèque et du marché couvert, ' +
      "puis ils ont voté une hausse modeste des subventions accordées aux associations sportives de la ville.\n";
    writeFileSync(join(prose, 'article-fr.txt'), fr.repeat(3));
    const french = trace(['kinds', 'article-fr.txt'], prose);
    expect(french.status, french.stderr).toBe(0);
    expect(french.packages).toContain('franc-min');
  });

  it('`--version` and `rules` load no Markdown parser, no classifier and no zod', () => {
    for (const args of [['--version'], ['rules']]) {
      const t = trace(args, dir);
      expect(t.status, `${args.join(' ')}: ${t.stderr}`).toBe(0);
      expect(t.packages).not.toContain('mdast-util-from-markdown');
      expect(t.packages).not.toContain('zod');
      expect(t.packages).not.toContain('franc-min');
      expect(t.files).not.toContain('dist/kinds/classify.js');
    }
  });

  it('SARIF and JUnit writers load only when asked for', () => {
    const t = trace(['--format', 'sarif'], dir);
    expect(t.status, t.stderr).toBe(0);
    expect(t.files).toContain('dist/report/formats/sarif.js');
    expect(t.files).not.toContain('dist/report/formats/junit.js');
  });

  it('zod loads only when a config file exists', () => {
    writeFileSync(join(dir, 'seedcheck.config.json'), '{ "rules": { "layout/ordinal-gap": "off" } }\n');
    try {
      const t = trace([], dir);
      expect(t.packages, t.stderr).toContain('zod');
    } finally {
      rmSync(join(dir, 'seedcheck.config.json'));
    }
  });
});
