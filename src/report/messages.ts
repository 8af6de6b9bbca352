/**
 * All wording of seedcheck's diagnostics lives here. Rules report a rule id
 * and typed data; this module turns them into one sentence. Any seed text
 * that reaches a message goes through `sanitize`.
 */
import type { RuleDataMap, RuleId } from './rules.js';
import type { Finding } from './types.js';
import { sanitize as s, uplus } from './sanitize.js';

type Formatters = { [K in RuleId]: (d: RuleDataMap[K]) => string };

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const more = (count: number) => (count > 1 ? ` (${count} in this file)` : '');

const MESSAGES: Formatters = {
  'layout/missing-index': (d) => `${plural(d.seeds, 'seed')} but no INDEX.md manifest`,
  'layout/bad-seed-name': (d) => `"${s(d.name)}" is not a seed name (NNN_<16 hex>.ext) and not an allowed file`,
  'layout/duplicate-ordinal': (d) => `ordinal ${String(d.ordinal).padStart(3, '0')} is also used by ${s(d.other)}`,
  'layout/duplicate-id': (d) => `id ${d.id} is also used by ${s(d.other)}`,
  'layout/ordinal-gap': (d) => `ordinal ${d.found} follows a gap: expected ${d.expected}`,
  'layout/nested-dir': (d) => `folder "${s(d.name)}" inside the seeds folder: seeds are flat`,
  'layout/symlink': (d) => `"${s(d.name)}" is a symbolic link (not followed)`,
  'layout/unreadable': (d) => `cannot read "${s(d.name)}": ${s(d.reason)}`,

  'content/empty': (d) => (d.bytes === 0 ? 'seed is empty' : `seed has only whitespace (${plural(d.bytes, 'byte')})`),
  'content/too-large': (d) => `seed is ${d.bytes} bytes, over the limit of ${d.limit} (maxSeedBytes); not read past the limit`,
  'content/binary': (d) =>
    d.reason === 'magic' ? `seed is binary (${d.format ?? 'unknown format'})` : d.reason === 'nul' ? 'seed is binary (contains NUL bytes)' : 'seed is binary (not decodable as text)',
  'content/invalid-utf8': (d) =>
    `invalid UTF-8 byte 0x${d.byte.toString(16).toUpperCase().padStart(2, '0')}` +
    (d.count > 1 ? ` (${d.count} invalid sequences in all)` : '') +
    (d.encoding ? `; the file decodes cleanly as ${d.encoding}` : ''),
  'content/bom': () => 'UTF-8 byte order mark at start of file',
  'content/control-char': (d) => `control character ${uplus(d.codePoint)}${more(d.count)}`,
  'content/bidi-control': (d) => `bidirectional control ${uplus(d.codePoint)} can reorder how text displays${more(d.count)}`,
  'content/invisible-char': (d) => `invisible character ${uplus(d.codePoint)}${more(d.count)}`,
  'content/tag-char': (d) => `${plural(d.count, 'Unicode tag character')} hide the text "${s(d.decoded)}"`,
  'content/mixed-line-endings': (d) => `mixed line endings: ${d.lf} LF, ${d.crlf} CRLF, ${d.cr} CR`,

  'index/no-seed-table': (d) => (d.tables === 0 ? 'INDEX.md has no table' : `none of the ${plural(d.tables, 'table')} in INDEX.md has a Seed or File column`),
  'index/duplicate-seed-table': (d) => `a second seed table (the first is on line ${d.firstLine})`,
  'index/missing-column': (d) => `seed table has no ${d.column} column`,
  'index/duplicate-column': (d) => `column ${s(d.column)} appears twice`,
  'index/row-cells': (d) => `row has ${plural(d.found, 'cell')}, the header has ${d.expected}`,
  'index/bad-reference': (d) => {
    const why = {
      empty: 'the Seed cell is empty',
      absolute: 'is an absolute path',
      url: 'is a URL, not a file in the seeds folder',
      parent: 'goes up with ..',
      outside: 'points outside the seeds folder',
      'not-a-file': 'is not a file name',
    }[d.reason];
    return d.reason === 'empty' ? why : `"${s(d.reference)}" ${why}`;
  },
  'index/missing-seed': (d) => `"${s(d.name)}" is listed but does not exist`,
  'index/unlisted-seed': (d) => `"${s(d.name)}" has no row in INDEX.md`,
  'index/duplicate-entry': (d) => `"${s(d.name)}" is already listed on line ${d.firstLine}`,
  'index/link-text-mismatch': (d) => `link text "${s(d.text)}" differs from its target "${s(d.target)}"`,
  'index/ordinal-mismatch': (d) => `# is "${s(d.declared)}" but the file's ordinal is ${String(d.actual).padStart(3, '0')}`,
  'index/unsorted': (d) => `"${s(d.name)}" is listed after "${s(d.previous)}": rows are not in ordinal order`,
  'index/unknown-kind': (d) => `"${s(d.kind)}" is not a kind id`,
  'index/kind-mismatch': (d) => `declared kind "${s(d.declared)}" but the content looks like ${d.detected} (confidence ${d.confidence.toFixed(2)})`,
  'index/size-mismatch': (d) => `Bytes says ${s(d.declared)} but the file has ${d.actual}`,
  'index/digest-mismatch': (d) => `SHA-256 ${s(d.declared, 16)} does not match the file (${d.actual.slice(0, 16)}…): the seed changed after it was sealed`,
  'index/bad-cell': (d) => `${d.column} cell "${s(d.value)}" is malformed: expected ${d.expected}`,

  'block/unterminated': (d) => `block "${s(d.path)}" has no end marker before end of file`,
  'block/end-without-begin': (d) => `END "${s(d.path)}" closes no open block`,
  'block/mismatched-end': (d) => `END "${s(d.end)}" does not match BEGIN "${s(d.begin)}" on line ${d.beginLine}`,
  'block/delimiter-in-content': (d) => `line "${s(d.text)}" inside block "${s(d.path)}" looks like a marker of the same fence`,
  'block/ambiguous-delimiter': (d) => `line "${s(d.text)}" inside "${s(d.path)}" looks like a ${d.dialect} file marker`,
  'block/stray-text': (d) => `text between blocks: "${s(d.text)}"`,
  'block/duplicate-path': (d) => `"${s(d.path)}" already appears on line ${d.firstLine}`,
  'block/path-collision': (d) => `"${s(d.path)}" collides with "${s(d.other)}" (line ${d.otherLine}) after case folding or normalisation`,
  'block/file-dir-conflict': (d) => `"${s(d.path)}" is a file, but "${s(d.dir)}" uses it as a folder`,
  'block/unsafe-path': (d) => `unsafe path "${s(d.path)}": ${d.reason}`,
  'block/size-mismatch': (d) => `"${s(d.path)}" declares size=${d.declared} but has ${d.actual} bytes`,
  'block/digest-mismatch': (d) => `"${s(d.path)}" declares sha256=${s(d.declared, 16)} but its content hashes to ${d.actual.slice(0, 16)}…`,
  'block/bad-attribute': (d) => `bad attribute "${s(d.attribute)}" on "${s(d.path)}": ${d.reason}`,
  'block/unknown-attribute': (d) => `unknown attribute "${s(d.attribute)}" on "${s(d.path)}"`,
  'block/count-mismatch': (d) => (d.declared === null ? `bundle header without trailer (${plural(d.actual, 'block')})` : `trailer says count=${d.declared} but there are ${plural(d.actual, 'block')}`),
};

export function formatMessage(f: Finding): string {
  const fn = MESSAGES[f.ruleId] as (d: unknown) => string;
  return fn(f.data);
}
