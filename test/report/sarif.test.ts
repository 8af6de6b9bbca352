import { describe, expect, it } from 'vitest';
import { format, pascalName, pathToUri, FINGERPRINT_KEY } from '../../src/report/formats/sarif.js';
import { finding } from '../../src/report/types.js';
import { RULES, ruleDocsUrl } from '../../src/report/rules.js';
import { assertValidSarif, ctx, descendants, makeReport, parseWorkflowCommands, parseXml, REPO, sarifValidator, seedEntry } from './ci-helpers.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEED = 'seeds/000_0123456789abcdef.txt';
const INDEX = 'seeds/INDEX.md';

function sample() {
  return makeReport({
    seeds: [seedEntry(SEED), seedEntry('seeds/001_fedcba9876543210.md')],
    findings: [
      finding('index/digest-mismatch', INDEX, { line: 5, column: 60, endLine: 5, endColumn: 124 }, { declared: 'a'.repeat(64), actual: 'b'.repeat(64) }),
      finding('content/bidi-control', SEED, { line: 3, column: 7, endLine: 3, endColumn: 8 }, { codePoint: 0x202e, count: 2 }),
      finding('layout/ordinal-gap', 'seeds/001_fedcba9876543210.md', { line: 1, column: 1 }, { expected: 1, found: 1 }),
      finding('layout/bad-seed-name', 'seeds/a b%20c#?.txt', { line: 1, column: 1 }, { name: 'a b%20c#?.txt', pattern: 'x' }),
    ],
  });
}

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 with rules, results, locations and fingerprints', () => {
    const log = JSON.parse(format(sample(), ctx()));
    const validated = assertValidSarif(log);
    if (!validated) console.warn('sarif.test: schema validation skipped');
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('seedcheck');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(4);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(Object.keys(r.partialFingerprints)).toEqual([FINGERPRINT_KEY]);
    }
    const digest = run.results.find((r: { ruleId: string }) => r.ruleId === 'index/digest-mismatch');
    expect(digest.level).toBe('error');
    expect(digest.locations[0].physicalLocation.artifactLocation.uri).toBe(INDEX);
    expect(digest.locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 60, endLine: 5, endColumn: 124 });
    const gap = run.results.find((r: { ruleId: string }) => r.ruleId === 'layout/ordinal-gap');
    expect(gap.level).toBe('warning');
    expect(gap.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('percent-encodes file names into URI references', () => {
    const log = JSON.parse(format(sample(), ctx()));
    const bad = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'layout/bad-seed-name');
    expect(bad.locations[0].physicalLocation.artifactLocation.uri).toBe('seeds/a%20b%2520c%23%3F.txt');
    expect(pathToUri('seeds/x.txt')).toBe('seeds/x.txt');
  });

  it('names rules in PascalCase', () => {
    expect(pascalName('index/digest-mismatch')).toBe('IndexDigestMismatch');
    expect(pascalName('content/bom')).toBe('ContentBom');
  });

  it('uses the effective severity for level and the registry default for defaultConfiguration', () => {
    const report = makeReport({
      diagnostics: [{ ruleId: 'layout/ordinal-gap', severity: 'error', file: SEED, line: 1, column: 1, message: 'gap' }],
    });
    const log = JSON.parse(format(report, ctx()));
    assertValidSarif(log);
    const r = log.runs[0].results[0];
    expect(r.level).toBe('error');
    expect(log.runs[0].tool.driver.rules[r.ruleIndex].defaultConfiguration.level).toBe('warning');
  });

  it('fingerprints do not depend on the line number, and identical findings are told apart', () => {
    const at = (line: number) =>
      finding('index/digest-mismatch', INDEX, { line, column: 3 }, { declared: 'a'.repeat(64), actual: 'b'.repeat(64) });
    const fp = (report: ReturnType<typeof makeReport>) =>
      JSON.parse(format(report, ctx())).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY]);
    const [a] = fp(makeReport({ findings: [at(5)] }));
    const [b] = fp(makeReport({ findings: [at(9)] }));
    expect(a).toBe(b);
    const other = fp(makeReport({ findings: [finding('index/digest-mismatch', INDEX, { line: 5, column: 3 }, { declared: 'c'.repeat(64), actual: 'b'.repeat(64) })] }))[0];
    expect(other).not.toBe(a);
    const two = fp(makeReport({ findings: [at(5), at(7)] }));
    expect(new Set(two).size).toBe(2);
    expect(two[0]!.split(':')[0]).toBe(two[1]!.split(':')[0]);
  });

  it('hashes the line text when the seed text is in memory, so moving a line keeps its fingerprint', () => {
    const f = (line: number) => finding('content/bidi-control', SEED, { line, column: 2 }, { codePoint: 0x202e, count: 1 });
    const srcA = 'first\nx\u202ey\n';
    const srcB = 'first\nnew line\n\nx\u202ey\n';
    const get = (line: number, src: string) =>
      JSON.parse(format(makeReport({ findings: [f(line)] }), ctx({ sourceOf: () => src }))).runs[0].results[0].partialFingerprints[FINGERPRINT_KEY];
    expect(get(2, srcA)).toBe(get(4, srcB));
    expect(get(2, srcA)).not.toBe(get(1, srcA));
  });

  it('a clean run is a valid log with no results', () => {
    const log = JSON.parse(format(makeReport({ seeds: [seedEntry(SEED)] }), ctx()));
    assertValidSarif(log);
    expect(log.runs[0].results).toEqual([]);
  });

  it('keeps hostile text in messages and file names as plain JSON strings', () => {
    const evil = 'seeds/"}],"x":1,\n\u0000\u202e.txt';
    const report = makeReport({
      diagnostics: [{ ruleId: 'layout/bad-seed-name', severity: 'error', file: evil, line: 1, column: 1, message: 'm "\\ \u0007' }],
    });
    const log = JSON.parse(format(report, ctx()));
    assertValidSarif(log);
    expect(log.runs[0].results[0].message.text).toBe('m "\\ \u0007');
    expect(decodeURIComponent(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(evil);
  });

  it('the schema check really rejects a broken log', (t) => {
    if (!sarifValidator()) {
      console.warn('skipped: SARIF schema not found (../shared/schemas/sarif-2.1.0.json or SEEDCHECK_SHARED)');
      t.skip();
      return;
    }
    const log = JSON.parse(format(sample(), ctx()));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(() => assertValidSarif(log)).toThrow(/invalid SARIF/);
    const log2 = JSON.parse(format(sample(), ctx()));
    delete log2.version;
    expect(() => assertValidSarif(log2)).toThrow(/invalid SARIF/);
  });
});

describe('several formats in one run (built CLI)', () => {
  const BIN = join(REPO, 'bin/seedcheck.js');
  it.skipIf(!existsSync(join(REPO, 'dist/cli/main.js')))(
    'stylish to stdout, sarif, junit and github to files; every log is valid',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'seedcheck-formats-'));
      mkdirSync(join(dir, 'seeds'));
      const good = 'A plain seed about nothing in particular.\n';
      const evilName = '001_fedcba9876543210.txt';
      writeFileSync(join(dir, 'seeds', '000_0123456789abcdef.txt'), good);
      writeFileSync(join(dir, 'seeds', evilName), 'line one\n::error file=x::pwned \u202e reversed\n%0A::warning::y\n');
      const digest = createHash('sha256').update(good).digest('hex');
      writeFileSync(
        join(dir, 'seeds', 'INDEX.md'),
        '# Seeds\n\n| # | Seed | Kind | SHA-256 |\n|---|---|---|---|\n' +
          `| 000 | [000_0123456789abcdef.txt](000_0123456789abcdef.txt) | prose | ${'0'.repeat(64)} |\n` +
          `| 001 | [${evilName}](${evilName}) | prose | ${digest} |\n`,
      );
      const summary = join(dir, 'summary.md');
      const r = spawnSync(
        process.execPath,
        [BIN, '--root', dir, '--format', 'stylish', '--format', `sarif=${join(dir, 'out.sarif')}`, '--format', `junit=${join(dir, 'out.xml')}`, '--format', `github=${join(dir, 'gh.txt')}`],
        { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: summary } },
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/content\/bidi-control/);
      const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
      assertValidSarif(log);
      const ids = log.runs[0].results.map((x: { ruleId: string }) => x.ruleId);
      expect(ids).toEqual(expect.arrayContaining(['index/digest-mismatch', 'content/bidi-control']));
      const bidi = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'content/bidi-control');
      expect(bidi.locations[0].physicalLocation.artifactLocation.uri).toBe(`seeds/${evilName}`);
      expect(bidi.locations[0].physicalLocation.region.startLine).toBe(2);
      const xml = parseXml(readFileSync(join(dir, 'out.xml'), 'utf8'));
      expect(descendants(xml, 'failure').length).toBe(ids.length);
      const gh = readFileSync(join(dir, 'gh.txt'), 'utf8');
      const cmds = parseWorkflowCommands(gh);
      expect(cmds).toHaveLength(ids.length);
      expect(cmds.every((c) => c.name === 'error' || c.name === 'warning')).toBe(true);
      expect(readFileSync(summary, 'utf8')).toMatch(/\| Severity \|/);
      // Run again: the same findings get the same fingerprints.
      spawnSync(process.execPath, [BIN, '--root', dir, '--format', `sarif=${join(dir, 'out2.sarif')}`], { encoding: 'utf8' });
      const log2 = JSON.parse(readFileSync(join(dir, 'out2.sarif'), 'utf8'));
      assertValidSarif(log2);
      const fps = (l: typeof log) => l.runs[0].results.map((x: { partialFingerprints: unknown }) => x.partialFingerprints);
      expect(fps(log2)).toEqual(fps(log));
    },
  );

  it.skipIf(!existsSync(join(REPO, 'dist/cli/main.js')))('GITHUB_ACTIONS=true picks the github format when none is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-gha-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', '000_0123456789abcdef.txt'), 'x\n');
    const r = spawnSync(process.execPath, [BIN, '--root', dir], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' } });
    expect(r.status).toBe(1);
    const cmds = parseWorkflowCommands(r.stdout);
    expect(cmds.map((c) => c.props.title)).toContain('layout/missing-index');
  });
});
