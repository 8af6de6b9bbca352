/** Every recognised dialect (SPEC §4.2), with fixtures written for these tests. */
import { describe, it, expect } from 'vitest';
import { detectBundle, parseBundle } from '../../src/bundle/index.js';
import type { Bundle } from '../../src/bundle/types.js';

const summary = (b: Bundle | null) => (b ? { dialect: b.dialect, blocks: b.blocks.map((x) => [x.path, x.line, x.endLine, x.bytes]) } : null);
const rules = (b: Bundle | null) => (b ? b.findings.map((f) => [f.ruleId, f.line, f.column]) : null);
const lines = (...ls: string[]) => ls.join('\n');

describe('txtar', () => {
  const archive = lines('comment line', '', '-- go.mod --', 'module example', '-- a/a.go --', 'package a', '', '-- empty.txt --', '-- last.txt --', 'no newline');
  it('reads markers, content, empty files and adds the final newline (fixNL)', () => {
    const b = detectBundle(archive);
    expect(summary(b)).toEqual({
      dialect: 'txtar',
      blocks: [
        ['go.mod', 3, 4, 15],
        ['a/a.go', 5, 7, 11],
        ['empty.txt', 8, 8, 0],
        ['last.txt', 9, 10, 11],
      ],
    });
    expect(b!.blocks[3]!.content).toBe('no newline\n');
    expect(b!.findings).toEqual([]);
  });

  it("follows isMarker: '-- --', blank names, trailing space and '---' are content", () => {
    const t = lines('-- a.txt --', '-- --', '--   --', '-- b -- ', '-- foo ---', '-- b.txt --', 'x', '');
    const b = detectBundle(t);
    expect(b!.blocks.map((x) => x.path)).toEqual(['a.txt', 'b.txt']);
    expect(b!.blocks[0]!.content).toBe('-- --\n--   --\n-- b -- \n-- foo ---\n');
    // near-miss markers are ambiguous: the tool has no escaping
    expect(rules(b)).toEqual([
      ['block/ambiguous-delimiter', 2, 1],
      ['block/ambiguous-delimiter', 3, 1],
      ['block/ambiguous-delimiter', 4, 1],
      ['block/ambiguous-delimiter', 5, 1],
    ]);
  });

  it('trims the name, keeps inner spaces, strips one CR before LF', () => {
    const b = detectBundle('--   my file.txt   --\r\nx\r\n-- b.go --\r\ny\r\n');
    expect(b!.blocks.map((x) => [x.path, x.pathColumn, x.content])).toEqual([
      ['my file.txt', 6, 'x\r\n'],
      ['b.go', 4, 'y\r\n'],
    ]);
  });

  it('$WORK/ names are fine; duplicates and unsafe names are reported', () => {
    const b = detectBundle(lines('-- $WORK/a.txt --', 'x', '-- ../up.txt --', 'y', '-- a.go --', '-- a.go --', ''));
    expect(rules(b)).toEqual([
      ['block/unsafe-path', 3, 4],
      ['block/duplicate-path', 6, 4],
    ]);
  });

  it('go-internal ">"-quoted content stays as written', () => {
    const b = detectBundle(lines('unquote f', '-- f --', '>-- x --', '>y', '-- g.txt --', ''));
    expect(b!.blocks[0]!.content).toBe('>-- x --\n>y\n');
  });

  it('names without a dot count when there are several and none has spaces', () => {
    expect(detectBundle('exec foo\n-- stdout --\nok\n-- flags --\n-x\n')!.blocks.map((x) => x.path)).toEqual(['stdout', 'flags']);
  });

  it('an archive with no files, or one marker that does not name a file, is not a bundle', () => {
    expect(detectBundle('# only a comment\nexec foo\n')).toBeNull();
    expect(detectBundle('Intro\n-- end of part one --\nmore text\n')).toBeNull();
    expect(detectBundle('-- Table: users --\nCREATE TABLE users (id int);\n-- Table: posts --\nCREATE TABLE posts (id int);\n')).toBeNull();
  });
});

describe('repomix-xml', () => {
  const xml = lines(
    'This file is a merged representation of the entire codebase, combined into a single document by Repomix.',
    '',
    '<directory_structure>',
    'src/a.ts',
    '</directory_structure>',
    '',
    '<files>',
    "This section contains the contents of the repository's files.",
    '',
    '<file path="src/a.ts">',
    'const a = 1 < 2 && true;',
    '</file>',
    '',
    '<file path="docs/nested.xml">',
    '<file path="inner.txt">',
    '</file>',
    'tail',
    '</file>',
    '',
    '<file path="src/open.ts">',
    'never closed',
    '</files>',
    '',
  );
  it('reads line-framed blocks, not XML; a </file> not followed by a blank line is content', () => {
    const b = detectBundle(xml);
    expect(summary(b)).toEqual({
      dialect: 'repomix-xml',
      blocks: [
        ['src/a.ts', 10, 12, 25],
        ['docs/nested.xml', 14, 18, 37],
        ['src/open.ts', 20, 22, 22],
      ],
    });
    expect(rules(b)).toEqual([
      ['block/ambiguous-delimiter', 15, 1],
      ['block/ambiguous-delimiter', 16, 1],
      ['block/unterminated', 20, 1],
    ]);
  });

  it('older <repository_files> output and CRLF content with LF markers', () => {
    const b = detectBundle(lines('<repository_files>', '<file path="a.txt">', 'x\r', 'y\r', '</file>', '', '</repository_files>', ''));
    expect(b!.dialect).toBe('repomix-xml');
    expect(b!.blocks[0]!.content).toBe('x\r\ny\r\n');
  });

  it('unsafe paths are reported at the path column', () => {
    const b = detectBundle(lines('<files>', '<file path="/etc/passwd">', 'x', '</file>', '', '</files>', ''));
    expect(rules(b)).toEqual([['block/unsafe-path', 2, 13]]);
  });
});

describe('repomix-markdown', () => {
  const md = lines(
    'This file is a merged representation of the entire codebase, combined into a single document by Repomix.',
    '',
    '# Files',
    '',
    '## File: src/a.ts',
    '````typescript',
    'const s = ```not a fence```;',
    '```',
    '````',
    '',
    '## File: README.md',
    '````markdown',
    '# Title',
    '````',
    '',
  );
  it('reads blocks with the global fence, longer than any backtick run in content', () => {
    const b = detectBundle(md);
    expect(summary(b)).toEqual({
      dialect: 'repomix-markdown',
      blocks: [
        ['src/a.ts', 5, 9, 33],
        ['README.md', 11, 14, 8],
      ],
    });
    expect(b!.findings).toEqual([]);
  });

  it('an unclosed block is unterminated; a longer bare fence inside content is ambiguous', () => {
    const b = detectBundle(lines('# Files', '', '## File: a.md', '```md', '`````', 'text', ''));
    expect(rules(b)).toEqual([
      ['block/unterminated', 3, 1],
      ['block/ambiguous-delimiter', 5, 1],
    ]);
  });
});

describe('repomix-plain and Repopack', () => {
  const EQ16 = '='.repeat(16);
  const EQ64 = '='.repeat(64);
  it('reads 16-= triples; a 64-= banner ends the last block; trailing blank lines are the template', () => {
    const t = lines(EQ64, 'Files', EQ64, '', EQ16, 'File: a.txt', EQ16, 'alpha', '', EQ16, 'File: dir/b.txt', EQ16, 'beta', EQ16, 'not a marker', '', EQ64, 'End of Codebase', EQ64, '');
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'repomix-plain',
      blocks: [
        ['a.txt', 6, 8, 6],
        ['dir/b.txt', 11, 15, 35],
      ],
    });
    expect(rules(b)).toEqual([['block/ambiguous-delimiter', 14, 1]]);
  });

  it('older Repopack output is the same dialect', () => {
    const t = lines(EQ64, 'Repopack Output File', EQ64, '', 'Repository Files:', '', EQ16, 'File: x.py', EQ16, 'print(1)', '');
    expect(summary(detectBundle(t))).toEqual({ dialect: 'repomix-plain', blocks: [['x.py', 8, 10, 9]] });
  });
});

describe('repomix-json', () => {
  it('reads the files object; positions are the key lines; duplicate keys are seen', () => {
    const t = lines(
      '{',
      '  "fileSummary": { "purpose": "x" },',
      '  "directoryStructure": "a.txt",',
      '  "files": {',
      '    "a.txt": "hello\\n",',
      '    "b/c.md": "# T",',
      '    "a.txt": "again"',
      '  },',
      '  "other": { "files": { "z": "not a file" } }',
      '}',
    );
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'repomix-json',
      blocks: [
        ['a.txt', 5, 5, 6],
        ['b/c.md', 6, 6, 3],
        ['a.txt', 7, 7, 5],
      ],
    });
    expect(b!.blocks[0]!.pathColumn).toBe(5);
    expect(rules(b)).toEqual([['block/duplicate-path', 7, 5]]);
  });

  it('JSON without a files object of strings is not a bundle', () => {
    expect(detectBundle('{"files": ["a", "b"]}')).toBeNull();
    expect(detectBundle('{"name": "x", "files": {"a": 1}}')).toBeNull();
    expect(detectBundle('{"files": {"a.txt": "x"}')).toBeNull(); // invalid JSON
  });
});

describe('gitingest', () => {
  const EQ48 = '='.repeat(48);
  it('reads FILE:, File: and SYMLINK: triples, CRLF, and placeholders', () => {
    const t = [
      'Directory structure:',
      '└── repo/',
      '',
      EQ48,
      'FILE: README.md',
      EQ48,
      '# Repo',
      '',
      '',
      EQ48,
      'File: src/old.py',
      EQ48,
      '[Empty file]',
      '',
      '',
      EQ48,
      'SYMLINK: link -> target',
      EQ48,
      '',
    ].join('\r\n');
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'gitingest',
      blocks: [
        ['README.md', 5, 7, 8],
        ['src/old.py', 11, 13, 14],
        ['link', 17, 18, 0],
      ],
    });
  });

  it('a lone 48-= line inside content is ambiguous', () => {
    const t = lines(EQ48, 'FILE: a.txt', EQ48, 'x', EQ48, 'y', '');
    expect(rules(detectBundle(t))).toEqual([['block/ambiguous-delimiter', 5, 1]]);
  });
});

describe('files-to-prompt', () => {
  it('default format: path, ---, content, blank, ---; a --- in content is ambiguous', () => {
    const t = lines('src/a.py', '---', 'print(1)', '---', 'still a.py', '', '---', 'docs/b.md', '---', '# B', '', '---', '');
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'files-to-prompt',
      blocks: [
        ['src/a.py', 1, 7, 24],
        ['docs/b.md', 8, 12, 4],
      ],
    });
    expect(b!.blocks[0]!.content).toBe('print(1)\n---\nstill a.py\n');
    expect(rules(b)).toEqual([['block/ambiguous-delimiter', 4, 1]]);
  });

  it('default format without the closing --- is unterminated', () => {
    const b = detectBundle(lines('a/x.txt', '---', 'one', '', '---', 'a/y.txt', '---', 'cut off', ''));
    expect(rules(b)).toEqual([['block/unterminated', 6, 1]]);
  });

  it('--cxml format, and the older <document path=…> form', () => {
    const t = lines(
      '<documents>',
      '<document index="1">',
      '<source>src/a.py</source>',
      '<document_content>',
      'print(1)',
      '</document_content>',
      '</document>',
      '<document index="2">',
      '<source>b.txt</source>',
      '<document_content>',
      '</document_content>',
      'inside',
      '</document_content>',
      '</document>',
      '</documents>',
      '',
    );
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'files-to-prompt',
      blocks: [
        ['src/a.py', 2, 7, 9],
        ['b.txt', 8, 14, 27],
      ],
    });
    expect(rules(b)).toEqual([['block/ambiguous-delimiter', 11, 1]]);
    const old = detectBundle(lines('<documents>', '<document path="a.txt">', 'x', '</document>', '</documents>', ''));
    expect(summary(old)).toEqual({ dialect: 'files-to-prompt', blocks: [['a.txt', 2, 4, 2]] });
  });
});

describe('markdown-files', () => {
  it('code2prompt: `path`: then a fence', () => {
    const t = lines('Project Path: /home/me/p', '', 'Source Tree:', '', '```txt', 'p', '└── a.rs', '```', '', '`src/main.rs`:', '', '```rust', 'fn main() {}', '```', '', '`Cargo.toml`:', '', '```toml', '[package]', '```', '');
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'markdown-files',
      blocks: [
        ['src/main.rs', 10, 14, 13],
        ['Cargo.toml', 16, 20, 10],
      ],
    });
    expect(b!.blocks[0]!.pathColumn).toBe(2);
  });

  it('files-to-prompt --markdown and headings; fences close CommonMark-style', () => {
    const t = lines('a/b.py', '````python', '```', 'nested', '```', '````', '', '### `c/d.ts`', '~~~ts', 'x', '~~~~', '');
    const b = detectBundle(t);
    expect(summary(b)).toEqual({
      dialect: 'markdown-files',
      blocks: [
        ['a/b.py', 1, 6, 15],
        ['c/d.ts', 8, 11, 2],
      ],
    });
  });

  it('a Markdown tutorial with code fences is not a bundle', () => {
    const t = lines('# Getting started', '', 'Install it:', '', '```bash', 'npm i x', '```', '', 'Then create `src/app.ts`:', '', '```ts', 'x()', '```', '', 'Done.', '');
    expect(detectBundle(t)).toBeNull();
  });

  it('one labelled fence among many plain ones is not a bundle', () => {
    const t = lines('Intro', '```', 'a', '```', '`a.ts`', '```', 'b', '```', '`b.ts`', '```', 'c', '```', 'x', '```', 'd', '```', 'y', '```', 'e', '```', 'z', '```', 'f', '```', '');
    expect(detectBundle(t)).toBeNull();
  });
});

describe('detection', () => {
  it('prose, YAML front matter, an email signature and a review are not bundles', () => {
    expect(detectBundle('Hello world.\n\nThis is a plain note.\n')).toBeNull();
    expect(detectBundle('---\ntitle: x\n---\n\n# Body\n\n---\n\nMore.\n')).toBeNull();
    expect(detectBundle('Hi,\n\nsee you.\n\n-- \nJane\n')).toBeNull();
    expect(detectBundle('Nice work!\n\n---\n\n## 1) Fix the theme\n\n* **theme.toml**\n\n  ```toml\n  ```\n\n---\n')).toBeNull();
    expect(detectBundle('')).toBeNull();
  });

  it('never uses a file name: the same text is the same answer', () => {
    const t = lines('-- a.txt --', 'x', '-- b.txt --', 'y', '');
    expect(detectBundle(t)!.dialect).toBe('txtar');
  });

  it('the outer bundle wins: canonical holding repomix, repomix holding txtar', () => {
    const repomix = lines('<files>', '<file path="x.ts">', 'x', '</file>', '', '</files>', '');
    const canonical = `=== BEGIN out.xml ===\n${repomix}=== END out.xml ===\n`;
    const b = detectBundle(canonical);
    expect(summary(b)).toEqual({ dialect: 'seedcheck', blocks: [['out.xml', 1, 8, repomix.length]] });
    const xml = lines('<files>', '<file path="t.txtar">', '-- a.go --', 'package a', '-- b.go --', 'package b', '</file>', '', '</files>', '');
    expect(detectBundle(xml)!.dialect).toBe('repomix-xml');
  });

  it('a Markdown page that shows a canonical bundle in a code fence is not a bundle', () => {
    const doc = '# Format\n\nExample:\n\n```text\n=== BEGIN a.txt ===\nx\n=== END a.txt ===\n```\n\nThat is all.\n';
    expect(detectBundle(doc)).toBeNull();
    expect(parseBundle(doc).blocks).toHaveLength(1); // the strict parser, asked directly, still reads it
    const txtarDoc = '# txtar\n\n```text\n-- a.txt --\nx\n-- b.txt --\ny\n```\n';
    expect(detectBundle(txtarDoc)).toBeNull();
  });

  it('a canonical preamble may hold other markers; the first === line decides', () => {
    const t = '-- a.txt --\nintro\n=== BEGIN b ===\nx\n=== END b ===\n';
    expect(summary(detectBundle(t))).toEqual({ dialect: 'seedcheck', blocks: [['b', 3, 5, 2]] });
    expect(detectBundle('====\n-- a.txt --\nx\n-- b.txt --\n')!.dialect).toBe('txtar');
  });
});

describe('detectBundle properties', () => {
  it('never throws on arbitrary text made of dialect markers, and positions stay inside', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom(
      '-- a.go --', '-- --', '<files>', '<file path="a.ts">', '</file>', '</files>', '## File: x.md', '```', '````md', '# Files',
      '='.repeat(16), '='.repeat(48), '='.repeat(64), 'File: a.txt', 'FILE: b.txt', '---', 'src/a.py', '<documents>', '<document index="1">',
      '<source>a</source>', '<document_content>', '</document_content>', '</document>', '`a.rs`:', '{"files": {"a": "b"}}', '', '\r', 'text',
      '=== BEGIN a ===', '=== END a ===',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (ps, eol) => {
        const t = ps.join(eol);
        const b = detectBundle(t);
        if (!b) return;
        const n = t.split(/\r\n|\r|\n/).length;
        for (const f of b.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(n);
        }
        for (const x of b.blocks) {
          expect(x.endLine).toBeGreaterThanOrEqual(x.line);
          expect(x.endLine).toBeLessThanOrEqual(n);
          expect(x.bytes).toBe(Buffer.byteLength(x.content));
        }
      }),
      { numRuns: 400 },
    );
  });
});
