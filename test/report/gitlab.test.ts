import { describe, expect, it } from 'vitest';
import { format } from '../../src/report/formats/gitlab.js';
import { finding } from '../../src/report/types.js';
import { ctx, makeReport } from './ci-helpers.js';

const SEED = 'seeds/000_0123456789abcdef.txt';

describe('gitlab (Code Quality) format', () => {
  it('prints one issue per finding with the fields GitLab reads', () => {
    const report = makeReport({
      findings: [
        finding('content/bidi-control', SEED, { line: 3, column: 7 }, { codePoint: 0x202e, count: 1 }),
        finding('content/bom', SEED, { line: 1, column: 1 }, {}),
      ],
    });
    const issues = JSON.parse(format(report, ctx()));
    expect(issues).toHaveLength(2);
    for (const i of issues) {
      expect(typeof i.description).toBe('string');
      expect(i.fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
      expect(i.location.path).toBe(SEED);
    }
    const bidi = issues.find((i: { check_name: string }) => i.check_name === 'content/bidi-control');
    expect(bidi).toMatchObject({ severity: 'major', location: { lines: { begin: 3 } } });
    expect(issues.find((i: { check_name: string }) => i.check_name === 'content/bom').severity).toBe('minor');
  });

  it('has unique fingerprints that do not depend on the line number', () => {
    const at = (line: number) => finding('content/control-char', SEED, { line, column: 1 }, { codePoint: 7, count: 1 });
    const fp = (lines: number[]) => JSON.parse(format(makeReport({ findings: lines.map(at) }), ctx())).map((i: { fingerprint: string }) => i.fingerprint);
    expect(fp([2])).toEqual(fp([9]));
    const two = fp([2, 5]);
    expect(new Set(two).size).toBe(2);
  });

  it('a clean run is an empty array', () => {
    expect(JSON.parse(format(makeReport({}), ctx()))).toEqual([]);
  });
});
