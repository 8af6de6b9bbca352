import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { format } from '../../src/report/formats/json.js';
import { ReportSchema } from '../../src/report/schema.js';
import { check } from '../../src/check/run.js';
import { memoryFs } from '../../src/fs.js';
import { finding } from '../../src/report/types.js';
import type { Report } from '../../src/report/model.js';
import { ctx, report, seed } from './report-fixture.js';
import { errorsOnly } from '../../src/cli/commands/check.js';

const schemaPath = fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: typeof ajv) => void)(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** Print with the json formatter, parse, and validate with both schemas. */
function roundTrip(r: Report): unknown {
  const text = format(r, ctx());
  expect(text.endsWith('}\n')).toBe(true);
  expect(text).toContain('\n  "version": 1'); // 2-space indentation
  const parsed: unknown = JSON.parse(text);
  const ok = validate(parsed);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  expect(ReportSchema.safeParse(parsed).success).toBe(true);
  return parsed;
}

const enc = new TextEncoder();
const sha = async (s: string) => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(s).digest('hex');
};

describe('json format', () => {
  it('prints the report unchanged, as 2-space JSON', () => {
    const r = report([seed('seeds/000_0123456789abcdef.txt')], [finding('content/bom', 'seeds/000_0123456789abcdef.txt', { line: 1, column: 1 }, {})]);
    expect(roundTrip(r)).toEqual(r);
  });

  it('reports of check() on clean and broken fixtures validate against the JSON Schema and zod', async () => {
    const essay = 'Seeds are the documents a project was created from. '.repeat(20) + '\n';
    const A = '000_0123456789abcdef.txt';
    const clean = {
      [`p/seeds/${A}`]: essay,
      'p/seeds/INDEX.md': `# Seeds\n\n| # | Seed | Kind | Bytes | SHA-256 |\n|---|---|---|---|---|\n| 000 | [${A}](${A}) | prose | ${enc.encode(essay).length} | ${await sha(essay)} |\n`,
    };
    const broken: Record<string, string | Uint8Array | { symlink: string }> = {
      'p/seeds/000_0123456789abcdef.txt': 'tab\there \x1b[2J and \u202E bidi\r\nmixed\n',
      'p/seeds/002_1111111111111111.md': '',
      'p/seeds/003_2222222222222222.bin': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0]),
      'p/seeds/notes.txt': 'hi',
      'p/seeds/sub/x.txt': 'x',
      'p/seeds/INDEX.md': '| Seed | Kind | SHA-256 |\n|---|---|---|\n| 000_0123456789abcdef.txt | nonsense | 00 |\n| 009_9999999999999999.txt | prose |\n',
    };
    const reports = [
      await check({ root: 'p', fs: memoryFs(clean) }),
      await check({ root: 'p', fs: memoryFs(broken) }),
      await check({ root: 'p', fs: memoryFs(broken), classify: false }),
      await check({ root: 'p', fs: memoryFs({ 'p/seeds/000_0123456789abcdef.txt': 'no index\n' }) }),
    ];
    expect(reports[0]!.summary.errors).toBe(0);
    expect(reports[1]!.summary.errors).toBeGreaterThan(3);
    for (const r of reports) roundTrip(r);
    // What --quiet prints is a valid report too.
    const quiet = roundTrip(errorsOnly(reports[1]!)) as Report;
    expect(quiet.summary.warnings).toBe(0);
    expect(quiet.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});
