/**
 * The one registry of rules: id, default severity, one-line description,
 * docs anchor, and for `seedcheck rules ID` an example of a failing and a
 * passing case. Rule ids and default severities are public interface
 * (SPEC §6). The typed data each rule reports is declared in RuleDataMap.
 */
import type { Severity } from './types.js';

export const DOCS_BASE = 'https://github.com/seedcheck/seedcheck/blob/main/docs/rules.md';

/** Typed data carried by each rule's findings. */
export interface RuleDataMap {
  'layout/missing-index': { seeds: number };
  'layout/bad-seed-name': { name: string; pattern: string };
  'layout/duplicate-ordinal': { ordinal: number; other: string };
  'layout/duplicate-id': { id: string; other: string };
  'layout/ordinal-gap': { expected: number; found: number };
  'layout/nested-dir': { name: string };
  'layout/symlink': { name: string };
  'layout/unreadable': { name: string; reason: string };

  'content/empty': { bytes: number };
  'content/too-large': { bytes: number; limit: number };
  'content/binary': { format: string | null; reason: 'magic' | 'nul' | 'undecodable' };
  'content/invalid-utf8': { count: number; byte: number; encoding: string | null };
  'content/bom': Record<string, never>;
  'content/control-char': { codePoint: number; count: number };
  'content/bidi-control': { codePoint: number; count: number };
  'content/invisible-char': { codePoint: number; count: number };
  'content/tag-char': { decoded: string; count: number };
  'content/mixed-line-endings': { lf: number; crlf: number; cr: number };

  'index/no-seed-table': { tables: number };
  'index/duplicate-seed-table': { firstLine: number };
  'index/missing-column': { column: string };
  'index/duplicate-column': { column: string };
  'index/row-cells': { expected: number; found: number };
  'index/bad-reference': { reference: string; reason: 'empty' | 'absolute' | 'url' | 'parent' | 'outside' | 'not-a-file' };
  'index/missing-seed': { name: string };
  'index/unlisted-seed': { name: string };
  'index/duplicate-entry': { name: string; firstLine: number };
  'index/link-text-mismatch': { text: string; target: string };
  'index/ordinal-mismatch': { declared: string; actual: number };
  'index/unsorted': { name: string; previous: string };
  'index/unknown-kind': { kind: string };
  'index/kind-mismatch': { declared: string; detected: string; confidence: number };
  'index/size-mismatch': { declared: string; actual: number };
  'index/digest-mismatch': { declared: string; actual: string };
  'index/bad-cell': { column: string; value: string; expected: string };

  'block/unterminated': { path: string; dialect: string };
  'block/end-without-begin': { path: string };
  'block/mismatched-end': { begin: string; end: string; beginLine: number };
  'block/delimiter-in-content': { path: string; text: string };
  'block/ambiguous-delimiter': { path: string; text: string; dialect: string };
  'block/stray-text': { text: string };
  'block/duplicate-path': { path: string; firstLine: number };
  'block/path-collision': { path: string; other: string; otherLine: number };
  'block/file-dir-conflict': { path: string; dir: string };
  'block/unsafe-path': { path: string; reason: string };
  'block/size-mismatch': { path: string; declared: number; actual: number };
  'block/digest-mismatch': { path: string; declared: string; actual: string };
  'block/bad-attribute': { path: string; attribute: string; reason: string };
  'block/unknown-attribute': { path: string; attribute: string };
  'block/count-mismatch': { declared: number | null; actual: number };
}

export type RuleId = keyof RuleDataMap;

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: string;
  /** Example input that triggers the rule, and one that does not. */
  example: { fail: string; pass: string };
  /** Short advice on how to fix. */
  fix: string;
}

function r(
  id: RuleId,
  severity: Severity,
  description: string,
  fix: string,
  fail: string,
  pass: string,
): RuleMeta {
  return { id, severity, description, fix, example: { fail, pass } };
}

const TBL = '| # | Seed | Kind |\n|---|---|---|\n';
const ROW0 = '| 000 | [000_0123456789abcdef.txt](000_0123456789abcdef.txt) | prose |\n';

export const RULES: readonly RuleMeta[] = [
  r('layout/missing-index', 'error', 'Seeds exist but seeds/INDEX.md does not.', 'Run `seedcheck init` to write INDEX.md from the seeds present.',
    'seeds/000_0123456789abcdef.txt (no seeds/INDEX.md)', 'seeds/INDEX.md listing seeds/000_0123456789abcdef.txt'),
  r('layout/bad-seed-name', 'error', 'A file in the seeds folder is not allowed and does not match the seed name pattern.', 'Rename it to NNN_<16 hex digits>.ext, or add it to `ignore` in the config.',
    'seeds/notes.txt', 'seeds/003_0123456789abcdef.txt'),
  r('layout/duplicate-ordinal', 'error', 'Two seeds share an ordinal.', 'Give each seed its own ordinal.',
    'seeds/001_0123456789abcdef.txt and seeds/001_fedcba9876543210.md', 'seeds/001_0123456789abcdef.txt and seeds/002_fedcba9876543210.md'),
  r('layout/duplicate-id', 'error', 'Two seeds share an id.', 'Give each seed a unique 16-hex-digit id.',
    'seeds/000_0123456789abcdef.txt and seeds/001_0123456789abcdef.md', 'seeds/000_0123456789abcdef.txt and seeds/001_fedcba9876543210.md'),
  r('layout/ordinal-gap', 'warning', 'Ordinals are not contiguous from 0.', 'Renumber the seeds so ordinals run 000, 001, 002…',
    'seeds/000_….txt, seeds/002_….txt (001 missing)', 'seeds/000_….txt, seeds/001_….txt'),
  r('layout/nested-dir', 'error', 'A folder inside the seeds folder (seeds are flat).', 'Move its files up into the seeds folder, or bundle them into one seed with `seedcheck pack`.',
    'seeds/extra/', 'seeds/000_0123456789abcdef.txt'),
  r('layout/symlink', 'error', 'A symbolic link inside the seeds folder (never followed).', 'Replace the link with a copy of the file it points to.',
    'seeds/000_0123456789abcdef.txt -> ../elsewhere.txt', 'seeds/000_0123456789abcdef.txt (a regular file)'),
  r('layout/unreadable', 'error', 'A seed cannot be read (permissions, I/O).', 'Fix the file permissions so the seed can be read.',
    'seeds/000_0123456789abcdef.txt with mode 000', 'seeds/000_0123456789abcdef.txt with mode 644'),

  r('content/empty', 'error', 'A seed with no non-whitespace content.', 'Put the seed text in the file, or delete the seed and its INDEX.md row.',
    '(a file of three blank lines)', 'Hello, seeds.'),
  r('content/too-large', 'error', 'A seed over `maxSeedBytes` (default 10 MiB).', 'Shrink the seed, or raise `maxSeedBytes` in the config.',
    '(a 12 MiB seed with the default limit)', '(a 2 MiB seed)'),
  r('content/binary', 'warning', 'A seed that is not text (magic number or NUL bytes).', 'Keep seeds as text where you can; set this rule to "off" if binary seeds are intended.',
    '%PDF-1.7 …', 'A text seed.'),
  r('content/invalid-utf8', 'error', 'Invalid UTF-8 sequences in an otherwise text seed.', 'Re-save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`).',
    'caf\\xE9 (a Latin-1 é)', 'café'),
  r('content/bom', 'warning', 'A UTF-8 byte order mark at the start of the seed.', 'Remove the first three bytes (EF BB BF).',
    '\\uFEFFTitle', 'Title'),
  r('content/control-char', 'warning', 'C0/C1 control characters other than TAB, LF, CR and FF.', 'Delete the control character; it is invisible in most editors.',
    'Bell\\u0007 here', 'No bell here'),
  r('content/bidi-control', 'error', 'Bidirectional control characters U+202A–U+202E, U+2066–U+2069 (Trojan Source, CVE-2021-42574).', 'Delete the bidi control; it can make text display differently from what it says.',
    'access\\u202E level', 'access level'),
  r('content/invisible-char', 'warning', 'Zero-width and other invisible characters.', 'Delete the invisible character.',
    'zero\\u200Bwidth', 'zero width'),
  r('content/tag-char', 'error', 'Unicode tag characters U+E0000–U+E007F, which can hide text.', 'Delete the tag characters; the message shows the text they spell.',
    'Hello\\u{E0068}\\u{E0069}', 'Hello'),
  r('content/mixed-line-endings', 'warning', 'LF and CRLF (or CR) line endings mixed in one seed.', 'Normalise the line endings (e.g. with your editor or `dos2unix`).',
    'line one\\r\\nline two\\n', 'line one\\nline two\\n'),

  r('index/no-seed-table', 'error', 'INDEX.md has no seed table (a GFM table with a Seed or File column).', 'Add a table with at least `Seed` and `Kind` columns, or run `seedcheck init`.',
    '# Seeds\n\nNo table here.\n', '# Seeds\n\n' + TBL + ROW0),
  r('index/duplicate-seed-table', 'error', 'More than one table in INDEX.md qualifies as the seed table.', 'Keep one table with a Seed/File column; rename the column in the other.',
    TBL + ROW0 + '\n' + TBL + ROW0, TBL + ROW0),
  r('index/missing-column', 'error', 'The seed table has a Seed/File column but no Kind column.', 'Add a `Kind` column with a kind id for each seed.',
    '| Seed |\n|---|\n| 000_0123456789abcdef.txt |\n', TBL + ROW0),
  r('index/duplicate-column', 'error', 'A known column is named twice in the seed table.', 'Remove or rename one of the two columns.',
    '| Seed | Kind | Kind |\n|---|---|---|\n', '| Seed | Kind |\n|---|---|\n'),
  r('index/row-cells', 'error', "A row's cell count differs from the header's.", 'Add or remove cells so the row has one per column.',
    TBL + '| 000 | 000_0123456789abcdef.txt |\n', TBL + ROW0),
  r('index/bad-reference', 'error', 'An empty Seed cell, an absolute path, a URL, `..`, or a path outside the seeds folder.', 'Name the seed file relative to the seeds folder, e.g. `[000_….txt](000_….txt)`.',
    TBL + '| 000 | [x](https://example.com/x.txt) | prose |\n', TBL + ROW0),
  r('index/missing-seed', 'error', 'A row names a file that does not exist.', 'Remove the row, or restore the file (`seedcheck --fix` drops rows of missing files).',
    TBL + '| 000 | 000_ffffffffffffffff.txt | prose | (no such file)\n', TBL + ROW0),
  r('index/unlisted-seed', 'error', 'A seed file has no row in INDEX.md.', 'Add a row for it (`seedcheck --fix` adds one with the detected kind).',
    'seeds/001_fedcba9876543210.txt exists, INDEX.md lists only 000', 'INDEX.md lists every seed'),
  r('index/duplicate-entry', 'error', 'Two rows name the same seed.', 'Delete one of the rows.',
    TBL + ROW0 + ROW0, TBL + ROW0),
  r('index/link-text-mismatch', 'warning', "A link's text differs from its target's file name.", 'Make the link text the file name.',
    TBL + '| 000 | [intro](000_0123456789abcdef.txt) | prose |\n', TBL + ROW0),
  r('index/ordinal-mismatch', 'error', "The # cell differs from the file's ordinal.", 'Correct the # cell (`seedcheck --fix` does it).',
    TBL + '| 007 | [000_0123456789abcdef.txt](000_0123456789abcdef.txt) | prose |\n', TBL + ROW0),
  r('index/unsorted', 'warning', 'Rows are not in ordinal order.', 'Sort the rows by ordinal (`seedcheck --fix` does it).',
    'rows 001 then 000', 'rows 000 then 001'),
  r('index/unknown-kind', 'error', 'The Kind cell is not a kind id from KINDS.md.', 'Use one of: spec, docs, card, code, bundle, data, paper, issue, news, prose, fiction, conversation, email, legal, binary, empty, unknown (optionally kind:subtype).',
    TBL + '| 000 | [000_0123456789abcdef.txt](000_0123456789abcdef.txt) | article |\n', TBL + ROW0),
  r('index/kind-mismatch', 'warning', 'The declared kind (or subtype) differs from the detected one, when detection is confident.', 'Correct the Kind cell, or check what the seed really holds with `seedcheck kinds --explain FILE`.',
    'Kind `code` for a news article', 'Kind `news` for a news article'),
  r('index/size-mismatch', 'error', 'The Bytes cell differs from the file size.', 'Correct the Bytes cell (`seedcheck --fix` does it).',
    '| Seed | Kind | Bytes |\n|---|---|---|\n| 000_0123456789abcdef.txt | prose | 10 | (file has 12 bytes)\n', '… | 12 |'),
  r('index/digest-mismatch', 'error', "The SHA-256 cell differs from the file's digest: the seed changed after it was sealed.", 'If the change is intended, update the digest (`seedcheck --fix`); otherwise restore the file.',
    '| Seed | Kind | SHA-256 |\n|---|---|---|\n| 000_0123456789abcdef.txt | prose | 0000…0000 |\n', '… | <sha256 of the file> |'),
  r('index/bad-cell', 'error', 'A malformed ordinal, size, digest, date or language cell.', 'Write the cell in the expected form (given in the message).',
    '| Seed | Kind | Date |\n|---|---|---|\n| 000_0123456789abcdef.txt | prose | 25/11/2026 |\n', '… | 2026-11-25 |'),

  r('block/unterminated', 'error', 'A block has no end before end of file (where the dialect has end markers).', 'Add the END line for the block.',
    '=== BEGIN a.txt ===\nhello\n', '=== BEGIN a.txt ===\nhello\n=== END a.txt ===\n'),
  r('block/end-without-begin', 'error', 'An END line with no open block.', 'Remove the END line, or add the BEGIN line it closes.',
    '=== END a.txt ===\n', '=== BEGIN a.txt ===\n=== END a.txt ===\n'),
  r('block/mismatched-end', 'error', 'An END line whose path differs from its BEGIN.', 'Make the END path equal to the BEGIN path.',
    '=== BEGIN a.txt ===\nx\n=== END b.txt ===\n', '=== BEGIN a.txt ===\nx\n=== END a.txt ===\n'),
  r('block/delimiter-in-content', 'error', '(canonical) A line inside a block that looks like a marker of the same fence.', 'Lengthen the fence of that block (e.g. ==== instead of ===); `seedcheck pack` does this itself.',
    '=== BEGIN a.txt ===\n=== BEGIN b.txt ===\n=== END a.txt ===\n', '==== BEGIN a.txt ====\n=== BEGIN b.txt ===\n==== END a.txt ====\n'),
  r('block/ambiguous-delimiter', 'warning', '(other dialects) A content line that looks like a marker of its dialect.', 'Nothing to escape in this dialect: check that the file boundaries are what you meant.',
    '-- a.txt --\n-- --\n-- b.txt -- \n', '-- a.txt --\nhello\n'),
  r('block/stray-text', 'warning', 'Non-blank text between blocks.', 'Move the text into a block, or delete it.',
    '=== BEGIN a ===\n=== END a ===\nstray\n', '=== BEGIN a ===\n=== END a ===\n'),
  r('block/duplicate-path', 'error', 'Two blocks with the same path.', 'Rename or remove one of the blocks.',
    '=== BEGIN a ===\n=== END a ===\n=== BEGIN a ===\n=== END a ===\n', '=== BEGIN a ===\n=== END a ===\n=== BEGIN b ===\n=== END b ===\n'),
  r('block/path-collision', 'warning', 'Paths equal after case folding or NFC normalisation.', 'Rename one path; they collide on case-insensitive or normalising file systems.',
    'blocks README.md and readme.md', 'blocks README.md and docs/readme.md'),
  r('block/file-dir-conflict', 'error', 'A path is both a file and a folder.', 'Rename the file or the folder.',
    'blocks a and a/b', 'blocks a.txt and a/b'),
  r('block/unsafe-path', 'error', 'An absolute path, drive letter, `..`, `.`, empty segment, backslash, control character, or a path over 4096 bytes.', 'Use a relative path with `/` separators that stays inside the bundle.',
    '=== BEGIN ../etc/passwd ===', '=== BEGIN etc/passwd ==='),
  r('block/size-mismatch', 'error', '`size=` differs from the content.', 'Correct the size, or re-create the bundle with `seedcheck pack`.',
    '=== BEGIN a size=9 ===\nhi\n=== END a ===\n', '=== BEGIN a size=3 ===\nhi\n=== END a ===\n'),
  r('block/digest-mismatch', 'error', '`sha256=` differs from the content.', 'Correct the digest, or re-create the bundle with `seedcheck pack`.',
    '=== BEGIN a sha256=00…00 ===', '=== BEGIN a sha256=<sha256 of the content> ==='),
  r('block/bad-attribute', 'error', 'A malformed attribute, or `noeol` on an empty block.', 'Write attributes as `size=N`, `sha256=<64 hex>`, `mode=0644|0755` or `noeol`.',
    '=== BEGIN a size=abc ===', '=== BEGIN a size=3 ==='),
  r('block/unknown-attribute', 'warning', 'An attribute seedcheck does not know.', 'Remove the attribute, or check its spelling.',
    '=== BEGIN a colour=red ===', '=== BEGIN a ==='),
  r('block/count-mismatch', 'error', "The trailer's count= differs from the number of blocks, or a header has no trailer.", 'Correct the count, or add the trailer `=== BUNDLE-END count=N ===`.',
    '=== BUNDLE v1 ===\n=== BEGIN a ===\n=== END a ===\n=== BUNDLE-END count=2 ===\n', '=== BUNDLE v1 ===\n=== BEGIN a ===\n=== END a ===\n=== BUNDLE-END count=1 ===\n'),
];

const BY_ID = new Map<string, RuleMeta>(RULES.map((m) => [m.id, m]));

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function ruleMeta(id: RuleId): RuleMeta {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown rule ${id}`);
  return m;
}

/** Docs URL of a rule: its anchor in docs/rules.md. */
export function ruleDocsUrl(id: RuleId): string {
  return `${DOCS_BASE}#${id.replace('/', '')}`;
}
