/** The canonical parser (SPEC §4.1): every block/* rule with its position. */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { parseBundle } from '../../src/bundle/index.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const rules = (text: string) => parseBundle(text).findings.map((f) => [f.ruleId, f.line, f.column]);

describe('parseBundle: well-formed input', () => {
  it('reads blocks, quoted paths, noeol, empty files and positions', () => {
    const text = [
      'Some preamble text.',
      '',
      '=== BUNDLE v1 ===',
      '=== BEGIN src/app.ts size=27 ===',
      'export const x = 1;',
      '// end',
      '=== END src/app.ts ===',
      '',
      '=== BEGIN "docs/read me.md" noeol ===',
      'no trailing newline here',
      '=== END "docs/read me.md" ===',
      '=== BEGIN empty ===',
      '=== END empty ===',
      '=== BUNDLE-END count=3 ===',
      '',
    ].join('\n');
    const b = parseBundle(text);
    expect(b.dialect).toBe('seedcheck');
    expect(b.findings).toEqual([]);
    expect(b.blocks.map((x) => [x.path, x.line, x.endLine, x.content, x.bytes, x.pathColumn])).toEqual([
      ['src/app.ts', 4, 7, 'export const x = 1;\n// end\n', 27, 11],
      ['docs/read me.md', 9, 11, 'no trailing newline here', 24, 11],
      ['empty', 12, 13, '', 0, 11],
    ]);
    expect(b.blocks[1]!.attrs).toEqual({ noeol: true });
  });

  it('keeps CR bytes as content and accepts a CR at the end of marker lines', () => {
    const b = parseBundle('=== BEGIN a ===\r\nx\r\ny\r\n=== END a ===\r\n');
    expect(b.findings).toEqual([]);
    expect(b.blocks[0]!.content).toBe('x\r\ny\r\n');
  });

  it('nests by fence length: other fence lengths are content', () => {
    const inner = '=== BEGIN x ===\nhi\n=== END x ===\n';
    const b = parseBundle(`==== BEGIN outer.txt ====\n${inner}==== END outer.txt ====\n`);
    expect(b.findings).toEqual([]);
    expect(b.blocks).toHaveLength(1);
    expect(b.blocks[0]!.content).toBe(inner);
    expect(parseBundle(b.blocks[0]!.content).blocks[0]!.content).toBe('hi\n');
  });

  it('checks size and sha256 when present, mode is read', () => {
    const b = parseBundle(`=== BEGIN a size=3 sha256=${sha('hi\n')} mode=0755 ===\nhi\n=== END a ===\n`);
    expect(b.findings).toEqual([]);
    expect(b.blocks[0]!.attrs).toEqual({ size: 3, sha256: sha('hi\n'), mode: '0755' });
  });
});

describe('parseBundle: every block/* rule', () => {
  it('block/unterminated at the BEGIN line', () => {
    expect(rules('intro\n=== BEGIN a.txt ===\nhello\n')).toEqual([['block/unterminated', 2, 1]]);
    const b = parseBundle('=== BEGIN a.txt ===\nhello\n');
    expect(b.blocks[0]!.content).toBe('hello\n');
    expect(b.blocks[0]!.endLine).toBe(2);
  });

  it('block/unterminated when the END has another fence length', () => {
    expect(rules('=== BEGIN a ===\nx\n==== END a ====\n')).toEqual([['block/unterminated', 1, 1]]);
  });

  it('block/end-without-begin', () => {
    expect(rules('=== BEGIN a ===\n=== END a ===\n=== END b ===\n')).toEqual([['block/end-without-begin', 3, 1]]);
  });

  it('block/mismatched-end at the END path, and the block still closes', () => {
    const b = parseBundle('=== BEGIN a.txt ===\nx\n=== END b.txt ===\n=== BEGIN c ===\n=== END c ===\n');
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column, f.data])).toEqual([
      ['block/mismatched-end', 3, 9, { begin: 'a.txt', end: 'b.txt', beginLine: 1 }],
    ]);
    expect(b.blocks.map((x) => x.path)).toEqual(['a.txt', 'c']);
  });

  it('block/delimiter-in-content for same-fence lines, including a BEGIN', () => {
    expect(rules('=== BEGIN a.txt ===\n=== BEGIN b.txt ===\n=== oops\n=== END a.txt ===\n')).toEqual([
      ['block/delimiter-in-content', 2, 1],
      ['block/delimiter-in-content', 3, 1],
    ]);
  });

  it('reports at most 100 delimiter lines per bundle', () => {
    const b = parseBundle('=== BEGIN a ===\n' + '=== x\n'.repeat(150) + '=== END a ===\n');
    expect(b.findings).toHaveLength(100);
    expect(b.findings[99]!.line).toBe(101);
    expect(b.blocks[0]!.content).toBe('=== x\n'.repeat(150));
  });

  it('block/stray-text between blocks, once per run, and "===" lines in the preamble', () => {
    expect(rules('=== BEGIN a ===\n=== END a ===\nstray\nmore\n\nagain\n=== BEGIN b ===\n=== END b ===\n')).toEqual([
      ['block/stray-text', 3, 1],
      ['block/stray-text', 6, 1],
    ]);
    expect(rules('title\n=====\n=== BEGIN a ===\n=== END a ===\n')).toEqual([['block/stray-text', 2, 1]]);
  });

  it('block/duplicate-path at the second path', () => {
    const b = parseBundle('=== BEGIN a ===\n=== END a ===\n=== BEGIN a ===\n=== END a ===\n');
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column, f.data])).toEqual([['block/duplicate-path', 3, 11, { path: 'a', firstLine: 1 }]]);
  });

  it('block/path-collision after case folding and after NFC', () => {
    expect(rules('=== BEGIN README.md ===\n=== END README.md ===\n=== BEGIN readme.md ===\n=== END readme.md ===\n')).toEqual([
      ['block/path-collision', 3, 11],
    ]);
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(rules(`=== BEGIN "${nfc}" ===\n=== END "${nfc}" ===\n=== BEGIN "${nfd}" ===\n=== END "${nfd}" ===\n`)).toEqual([
      ['block/path-collision', 3, 11],
    ]);
  });

  it('block/file-dir-conflict in both orders', () => {
    expect(rules('=== BEGIN a ===\n=== END a ===\n=== BEGIN a/b ===\n=== END a/b ===\n')).toEqual([['block/file-dir-conflict', 3, 11]]);
    expect(rules('=== BEGIN a/b ===\n=== END a/b ===\n=== BEGIN a ===\n=== END a ===\n')).toEqual([['block/file-dir-conflict', 3, 11]]);
  });

  it.each([
    ['../etc/passwd', '".." segment'],
    ['/etc/passwd', 'absolute path'],
    ['"C:/x"', 'drive letter'],
    ['a//b', 'empty segment'],
    ['./a', '"." segment'],
    ['"a\\\\b"', 'backslash'],
    ['"a\\u0001"', 'control character'],
    ['"a /b"', 'segment ends with a space or dot'],
    ['a./b', 'segment ends with a space or dot'],
  ])('block/unsafe-path: %s', (p, reason) => {
    const b = parseBundle(`=== BEGIN ${p} ===\n=== END ${p} ===\n`);
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['block/unsafe-path', 1, 11]]);
    expect((b.findings[0]!.data as { reason: string }).reason).toBe(reason);
  });

  it('block/unsafe-path for a path over 4096 bytes', () => {
    const p = 'a/'.repeat(2048) + 'b';
    expect(rules(`=== BEGIN ${p} ===\n=== END ${p} ===\n`)).toEqual([['block/unsafe-path', 1, 11]]);
  });

  it('block/size-mismatch at the size attribute', () => {
    const b = parseBundle('=== BEGIN a size=9 ===\nhi\n=== END a ===\n');
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column, f.data])).toEqual([['block/size-mismatch', 1, 13, { path: 'a', declared: 9, actual: 3 }]]);
  });

  it('size counts UTF-8 bytes after noeol', () => {
    expect(rules('=== BEGIN a size=2 noeol ===\né\n=== END a ===\n')).toEqual([]);
  });

  it('block/digest-mismatch at the sha256 attribute', () => {
    const b = parseBundle(`=== BEGIN a size=3 sha256=${'0'.repeat(64)} ===\nhi\n=== END a ===\n`);
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['block/digest-mismatch', 1, 20]]);
    expect((b.findings[0]!.data as { actual: string }).actual).toBe(sha('hi\n'));
  });

  it('block/bad-attribute: malformed values, repeats, noeol on empty, bad quoted path', () => {
    expect(rules('=== BEGIN a size=abc ===\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 13]]);
    expect(rules('=== BEGIN a sha256=00 ===\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 13]]);
    expect(rules('=== BEGIN a mode=0777 ===\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 13]]);
    expect(rules('=== BEGIN a noeol=1 ===\nx\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 13]]);
    expect(rules('=== BEGIN a size=2 size=2 ===\nx\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 20]]);
    expect(rules('=== BEGIN a noeol ===\n=== END a ===\n')).toEqual([['block/bad-attribute', 1, 13]]);
    // a malformed quoted path is kept raw (so END can match it) and is unsafe too
    expect(rules('=== BEGIN "a\\q" ===\n=== END "a\\q" ===\n')).toEqual([
      ['block/bad-attribute', 1, 11],
      ['block/unsafe-path', 1, 11],
    ]);
  });

  it('block/unknown-attribute is reported and the block still reads', () => {
    const b = parseBundle('=== BEGIN a colour=red ===\nx\n=== END a ===\n');
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['block/unknown-attribute', 1, 13]]);
    expect(b.blocks[0]!.content).toBe('x\n');
  });

  it('block/count-mismatch: wrong count, and header without trailer', () => {
    expect(rules('=== BUNDLE v1 ===\n=== BEGIN a ===\n=== END a ===\n=== BUNDLE-END count=2 ===\n')).toEqual([['block/count-mismatch', 4, 16]]);
    const b = parseBundle('=== BUNDLE v1 ===\n=== BEGIN a ===\n=== END a ===\n');
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column, f.data])).toEqual([['block/count-mismatch', 1, 1, { declared: null, actual: 1 }]]);
  });

  it('text after the trailer is stray', () => {
    expect(rules('=== BUNDLE v1 ===\n=== BUNDLE-END count=0 ===\nmore\n')).toEqual([['block/stray-text', 3, 1]]);
  });

  it('positions use editor lines when the text has lone CRs', () => {
    const b = parseBundle('note\r\r\n=== BEGIN a ===\n=== END b ===\n');
    expect(b.blocks[0]!.line).toBe(3);
    expect(b.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['block/mismatched-end', 4, 9]]);
  });
});

describe('parseBundle: linear behaviour', () => {
  it('handles many short lines and one very long line without blowing up', () => {
    const many = '=== BEGIN a ===\n' + 'x\n'.repeat(200_000) + '=== END a ===\n';
    expect(parseBundle(many).blocks[0]!.bytes).toBe(400_000);
    const long = '=== BEGIN a ===\n' + '='.repeat(500_000) + '\n=== END a ===\n';
    expect(parseBundle(long).findings).toEqual([]);
  });
});
