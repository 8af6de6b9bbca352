import { describe, expect, it } from 'vitest';
import { format, xmlAttr, xmlText } from '../../src/report/formats/junit.js';
import { finding, type Diagnostic } from '../../src/report/types.js';
import { ctx, descendants, makeReport, parseXml, seedEntry } from './ci-helpers.js';

const A = 'seeds/000_0123456789abcdef.txt';
const B = 'seeds/001_fedcba9876543210.md';

describe('junit format', () => {
  it('has one passing case per checked file and one failing case per finding', () => {
    const report = makeReport({
      seeds: [seedEntry(A), seedEntry(B)],
      findings: [
        finding('content/bidi-control', A, { line: 3, column: 7 }, { codePoint: 0x202e, count: 1 }),
        finding('content/bom', A, { line: 1, column: 1 }, {}),
        finding('index/digest-mismatch', 'seeds/INDEX.md', { line: 6, column: 40 }, { declared: 'a'.repeat(64), actual: 'b'.repeat(64) }),
      ],
    });
    const root = parseXml(format(report, ctx()));
    expect(root.name).toBe('testsuites');
    const cases = descendants(root, 'testcase');
    const passing = cases.filter((c) => c.children.length === 0);
    const failing = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(passing.map((c) => c.attrs.classname).sort()).toEqual(['seeds/INDEX.md', A, B].sort());
    expect(failing.map((c) => `${c.attrs.classname} ${c.attrs.name}`)).toEqual([
      `${A} content/bom @ 1:1`,
      `${A} content/bidi-control @ 3:7`,
      'seeds/INDEX.md index/digest-mismatch @ 6:40',
    ]);
    const suite = descendants(root, 'testsuite')[0]!;
    expect(suite.attrs.tests).toBe('6');
    expect(suite.attrs.failures).toBe('3');
    expect(root.attrs.tests).toBe('6');
    const bom = failing.find((c) => c.attrs.name!.startsWith('content/bom'))!;
    const failure = bom.children[0]!;
    expect(failure.attrs.type).toBe('warning');
    expect(failure.text).toContain(`${A}:1:1`);
    expect(failure.text).toContain('content/bom');
  });

  it('is never empty: a clean run lists passing cases, an empty project one case', () => {
    const clean = parseXml(format(makeReport({ seeds: [seedEntry(A)] }), ctx()));
    const cases = descendants(clean, 'testcase');
    expect(cases.length).toBe(2);
    expect(descendants(clean, 'failure')).toHaveLength(0);
    const empty = parseXml(
      format(
        makeReport({ findings: [] }),
        ctx(),
      ),
    );
    expect(descendants(empty, 'testcase').length).toBeGreaterThanOrEqual(1);
  });

  it('leaves INDEX.md out of the passing cases when it is missing', () => {
    const report = makeReport({
      seeds: [seedEntry(A)],
      findings: [finding('layout/missing-index', 'seeds/INDEX.md', { line: 1, column: 1 }, { seeds: 1 })],
    });
    const cases = descendants(parseXml(format(report, ctx())), 'testcase');
    const passing = cases.filter((c) => c.children.length === 0).map((c) => c.attrs.classname);
    expect(passing).toEqual([A]);
  });

  it('gives identical findings unique names', () => {
    const d: Diagnostic = { ruleId: 'content/control-char', severity: 'warning', file: A, line: 2, column: 5, message: 'x' };
    const cases = descendants(parseXml(format(makeReport({ diagnostics: [d, { ...d }, { ...d }] }), ctx())), 'testcase');
    const names = cases.filter((c) => c.children.length > 0).map((c) => c.attrs.name);
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toBe('content/control-char @ 2:5');
  });

  it('escapes everything and drops characters XML 1.0 forbids', () => {
    const hostile = 'a<b>&"c\'\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\ud800 ]]> </failure><testcase name="x"> \t\r\n end';
    const report = makeReport({
      seeds: [seedEntry(`seeds/${hostile}`)],
      diagnostics: [{ ruleId: 'layout/bad-seed-name', severity: 'error', file: `seeds/${hostile}`, line: 1, column: 1, message: hostile }],
    });
    const xml = format(report, ctx());
    const root = parseXml(xml); // throws when not well-formed
    const cases = descendants(root, 'testcase');
    expect(cases).toHaveLength(3);
    const failure = descendants(root, 'failure')[0]!;
    const expected = 'a<b>&"c\' ]]> </failure><testcase name="x"> \t\r\n end';
    expect(failure.attrs.message).toBe(expected);
    expect(failure.text).toContain('a<b>&"c\' ]]> </failure>');
    expect(cases[2]!.attrs.classname).toBe(`seeds/${expected}`);
    expect(xmlText('<&>')).toBe('&lt;&amp;&gt;');
    expect(xmlAttr('"\n')).toBe('&quot;&#10;');
  });

  it('the well-formedness checker itself rejects broken XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>&bogus;</a>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow();
  });
});
