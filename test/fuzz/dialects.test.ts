/**
 * Fuzzing each recognised dialect (SPEC §4.2): bundles shaped like each
 * tool's output are read back as that dialect with the same paths; then
 * random lines are spliced in anywhere and detection must still never throw,
 * keep positions inside the text and give the same output twice.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectBundle } from '../../src/bundle/index.js';
import type { DialectId } from '../../src/bundle/types.js';
import { lineArb } from './arbitraries.js';
import { expectPositionsInside, lineLengths } from './helpers.js';

type File = { path: string; content: string[] };
const EQ = (n: number) => '='.repeat(n);

/** Each dialect's writer, as the tool lays it out. */
const WRITERS: Record<Exclude<DialectId, 'seedcheck'>, (files: File[]) => string> = {
  txtar: (fs) => ['comment', ...fs.flatMap((f) => [`-- ${f.path} --`, ...f.content])].join('\n') + '\n',
  'repomix-xml': (fs) =>
    [
      'This file is a merged representation of the entire codebase, combined into a single document by Repomix.',
      '',
      '<files>',
      ...fs.flatMap((f) => [`<file path="${f.path}">`, ...f.content, '</file>', '']),
      '</files>',
    ].join('\n') + '\n',
  'repomix-markdown': (fs) =>
    [
      'This file is a merged representation of the entire codebase, combined into a single document by Repomix.',
      '',
      '# Files',
      '',
      ...fs.flatMap((f) => [`## File: ${f.path}`, '````', ...f.content, '````', '']),
    ].join('\n'),
  'repomix-plain': (fs) => [EQ(64), 'Files', EQ(64), '', ...fs.flatMap((f) => [EQ(16), `File: ${f.path}`, EQ(16), ...f.content, ''])].join('\n'),
  'repomix-json': (fs) => JSON.stringify({ fileSummary: { purpose: 'x' }, files: Object.fromEntries(fs.map((f) => [f.path, f.content.join('\n')])) }, null, 2) + '\n',
  gitingest: (fs) => ['Directory structure:', '└── repo/', '', ...fs.flatMap((f) => [EQ(48), `FILE: ${f.path}`, EQ(48), ...f.content, '', ''])].join('\n'),
  'files-to-prompt': (fs) => fs.flatMap((f) => [f.path, '---', ...f.content, '', '---']).join('\n') + '\n',
  'markdown-files': (fs) => fs.flatMap((f) => [`## ${f.path}`, '', '```', ...f.content, '```', '']).join('\n'),
};

const word = fc.constantFrom('alpha', 'beta', 'x = 1', 'return y;', 'def f():', '  pass', 'é', '// note', '# comment', '{}', 'if (a) {', '}');
const content = fc.array(fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 5 });
const seg = fc.constantFrom('src', 'lib', 'docs', 'test', 'pkg');
const filesArb = fc
  .uniqueArray(fc.tuple(seg, fc.nat(999), fc.constantFrom('py', 'ts', 'md', 'txt', 'go')), { minLength: 2, maxLength: 5, selector: ([s, n]) => `${s}${n}` })
  .chain((names) => fc.tuple(...names.map(([s, n, e]) => content.map((c): File => ({ path: `${s}/mod_${n}.${e}`, content: c })))));

function expectSane(text: string): void {
  const a = detectBundle(text);
  if (a) {
    expectPositionsInside(text, a.findings, a.dialect);
    const lines = lineLengths(text).length;
    for (const b of a.blocks) {
      expect(b.line).toBeGreaterThanOrEqual(1);
      expect(b.endLine).toBeGreaterThanOrEqual(b.line);
      expect(b.endLine).toBeLessThanOrEqual(lines);
    }
  }
  expect(detectBundle(text)).toEqual(a);
}

for (const [dialect, write] of Object.entries(WRITERS)) {
  describe(`${dialect} under fuzzing`, () => {
    it('as written by the tool: detected as this dialect, same paths, positions inside', () => {
      fc.assert(
        fc.property(filesArb, (files) => {
          const text = write(files);
          const b = detectBundle(text);
          expect(b?.dialect, text).toBe(dialect);
          expect(b!.blocks.map((x) => x.path)).toEqual(files.map((f) => f.path));
          expectSane(text);
        }),
        { numRuns: 60 },
      );
    });

    it('with random lines spliced in: never throws, positions inside, same output twice', () => {
      fc.assert(
        fc.property(filesArb, fc.array(fc.tuple(fc.nat(), lineArb), { maxLength: 6 }), (files, inserts) => {
          const lines = write(files).split('\n');
          for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
          expectSane(lines.join('\n'));
        }),
        { numRuns: 120 },
      );
    });
  });
}
