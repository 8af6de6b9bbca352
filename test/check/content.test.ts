import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/fs.js';
import { check } from '../../src/check/run.js';
import { ContentScanner, scanBytes, scanText } from '../../src/check/content.js';
import { decodeLegacy } from '../../src/check/encoding.js';
import { createHash } from 'node:crypto';
import { expectValidReport } from '../helpers/report.js';

const NAME = '000_0123456789abcdef.txt';
const enc = new TextEncoder();
const INDEX = `| # | Seed | Kind |\n|---|---|---|\n| 000 | [${NAME}](${NAME}) | prose |\n`;

async function checkSeed(content: string | Uint8Array, config: Record<string, unknown> = {}) {
  const r = expectValidReport(await check({ fs: memoryFs({ [`seeds/${NAME}`]: content, 'seeds/INDEX.md': INDEX }), config }));
  return r;
}
// The fixtures declare every seed as prose: the classifier's verdict on them is not what these tests are about.
const pos = (r: Awaited<ReturnType<typeof checkSeed>>) => r.diagnostics.filter((d) => d.ruleId !== 'index/kind-mismatch').map((d) => [d.ruleId, d.line, d.column]);
const ruleIds = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

function chunked(bytes: Uint8Array, size: number) {
  const s = new ContentScanner();
  for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
  return s.end();
}

describe('content rules through check()', () => {
  it('a clean seed has no diagnostics, and sha256/lines/words', async () => {
    const text = 'Hello, seeds.\nA second line with words.\n';
    const r = await checkSeed(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.seeds[0]).toMatchObject({
      bytes: enc.encode(text).length,
      sha256: createHash('sha256').update(text).digest('hex'),
      lines: 2,
      words: 7,
    });
  });

  it('content/empty', async () => {
    expect(pos(await checkSeed(''))).toEqual([['content/empty', 1, 1]]);
    expect(pos(await checkSeed(' \n\t\n  \n'))).toEqual([['content/empty', 1, 1]]);
    expect(pos(await checkSeed('x\n'))).toEqual([]);
  });

  it('content/too-large, without reading past the limit', async () => {
    const big = 'word '.repeat(400);
    const r = await checkSeed(big, { maxSeedBytes: 1000 });
    expect(pos(r)).toEqual([['content/too-large', 1, 1]]);
    expect(r.diagnostics[0]!.data).toMatchObject({ bytes: 2000, limit: 1000 });
    expect(r.seeds[0]!.sha256).toBeNull();
    expect(r.seeds[0]!.bytes).toBe(2000);
    expect(pos(await checkSeed(big, { maxSeedBytes: 2000 }))).toEqual([]);
  });

  it('content/binary (magic, NUL) suppresses the text checks', async () => {
    const pdf = enc.encode('%PDF-1.7\n\u202e\u0007 stuff\n');
    const r = await checkSeed(pdf);
    expect(pos(r)).toEqual([['content/binary', 1, 1]]);
    expect(r.diagnostics[0]!.data).toMatchObject({ format: 'pdf', reason: 'magic' });
    const nul = await checkSeed(new Uint8Array([0x41, 0x00, 0x42, 0x07]));
    expect(nul.diagnostics.filter((d) => d.ruleId !== 'index/kind-mismatch').map((d) => [d.ruleId, d.data])).toEqual([['content/binary', { format: null, reason: 'nul' }]]);
    expect(pos(await checkSeed('%PDF is a format name.\n'))).toEqual([]);
  });

  it('content/binary when undecodable throughout', async () => {
    const bytes = new Uint8Array(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 ? 0x81 : 0x41;
    const r = await checkSeed(bytes);
    expect(r.diagnostics.filter((d) => d.ruleId !== 'index/kind-mismatch').map((d) => [d.ruleId, d.data])).toEqual([['content/binary', { format: null, reason: 'undecodable' }]]);
  });

  it('content/invalid-utf8 at the first bad sequence, with the count', async () => {
    // "ok\nab" + lone continuation byte + "c" + truncated 3-byte sequence + "d\n" + 0xFF
    const bytes = new Uint8Array([0x6f, 0x6b, 0x0a, 0x61, 0x62, 0x80, 0x63, 0xe2, 0x82, 0x64, 0x0a, 0xff]);
    const r = await checkSeed(bytes);
    const d = r.diagnostics.find((x) => x.ruleId === 'content/invalid-utf8')!;
    expect([d.line, d.column]).toEqual([2, 3]);
    expect(d.data).toMatchObject({ byte: 0x80, count: 3 });
    expect(pos(await checkSeed('ok\nabc\n'))).toEqual([]);
  });

  it('counts columns in UTF-16 units before a bad byte', async () => {
    const bytes = new Uint8Array([...enc.encode('é😀'), 0xc3, 0x28]);
    const r = scanBytes(bytes);
    expect(r.invalidUtf8).toMatchObject({ line: 1, column: 4, byte: 0xc3, count: 1 });
  });

  it('UTF-8 sequences split across chunk boundaries, and bad ones', () => {
    const text = 'aé😀\u202e\nb\r\nc';
    const bytes = enc.encode(text);
    const whole = scanBytes(bytes);
    for (const size of [1, 2, 3, 5]) expect(chunked(bytes, size)).toEqual(whole);
    const bad = new Uint8Array([0x61, 0xf0, 0x9f, 0x98, 0x41, 0xe2, 0x82]);
    const w = scanBytes(bad);
    expect(w.invalidUtf8).toMatchObject({ line: 1, column: 2, byte: 0xf0, count: 2 });
    for (const size of [1, 2, 3]) expect(chunked(bad, size)).toEqual(w);
    // A CRLF split between chunks is one line ending.
    const crlf = enc.encode('a\r\nb\r\nc\n');
    expect(chunked(crlf, 2).findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['content/mixed-line-endings', 3, 2]]);
  });

  it('legacy encodings: windows-1252, gb18030, shift_jis, euc-kr', async () => {
    const latin1 = new Uint8Array([...enc.encode('Caf'), 0xe9, ...enc.encode(' au lait, cr'), 0xe8, ...enc.encode('me br'), 0xfb, ...enc.encode('l'), 0xe9, ...enc.encode('e.\n')]);
    const r = await checkSeed(latin1);
    const d = r.diagnostics.find((x) => x.ruleId === 'content/invalid-utf8')!;
    expect([d.line, d.column]).toEqual([1, 4]);
    expect(d.data).toMatchObject({ encoding: 'windows-1252', count: 4, byte: 0xe9 });

    // 中文文本，这是一个测试。 in GBK
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xce, 0xc4, 0xb1, 0xbe, 0xa3, 0xac, 0xd5, 0xe2, 0xca, 0xc7, 0xd2, 0xbb, 0xb8, 0xf6, 0xb2, 0xe2, 0xca, 0xd4, 0xa1, 0xa3, 0x0a]);
    expect(decodeLegacy(gbk)).toEqual({ encoding: 'gb18030', text: '中文文本，这是一个测试。\n' });
    // これはテストです。 in Shift_JIS
    const sjis = new Uint8Array([0x82, 0xb1, 0x82, 0xea, 0x82, 0xcd, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42, 0x0a]);
    expect(decodeLegacy(sjis)).toEqual({ encoding: 'shift_jis', text: 'これはテストです。\n' });
    // 안녕하세요 세계 in EUC-KR
    const euckr = new Uint8Array([0xbe, 0xc8, 0xb3, 0xe7, 0xc7, 0xcf, 0xbc, 0xbc, 0xbf, 0xe4, 0x20, 0xbc, 0xbc, 0xb0, 0xe8, 0x0a]);
    expect(decodeLegacy(euckr)).toEqual({ encoding: 'euc-kr', text: '안녕하세요 세계\n' });
    // Latin-1 text whose bytes also form GBK pairs is still windows-1252.
    expect(decodeLegacy(new Uint8Array([...enc.encode('caf'), 0xe9, 0x73, ...enc.encode(' et th'), 0xe9, 0x73]))?.encoding).toBe('windows-1252');

    // The other checks run on the decoded text: a C1-free legacy seed with a control char.
    const withBell = new Uint8Array([...enc.encode('caf'), 0xe9, 0x0a, 0x07, 0x0a]);
    const rb = await checkSeed(withBell);
    expect(pos(rb)).toEqual([
      ['content/invalid-utf8', 1, 4],
      ['content/control-char', 2, 1],
    ]);
  });

  it('UTF-16 with a BOM is text in the wrong encoding, not binary', async () => {
    const le = (t: string) => {
      const out = new Uint8Array(2 + t.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < t.length; i++) {
        out[2 + 2 * i] = t.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = t.charCodeAt(i) >> 8;
      }
      return out;
    };
    const r = await checkSeed(le('Hello from PowerShell\r\nzero\u200bwidth\r\n'));
    expect(pos(r)).toEqual([
      ['content/invalid-utf8', 1, 1],
      ['content/invisible-char', 2, 5],
    ]);
    expect(r.diagnostics[0]!.data).toMatchObject({ encoding: 'utf-16le', byte: 0xff });
    // With NUL characters inside, it stays binary.
    expect(pos(await checkSeed(le('a\u0000b')))).toEqual([['content/binary', 1, 1]]);
  });

  it('content/bom', async () => {
    expect(pos(await checkSeed('\ufeffTitle\n'))).toEqual([['content/bom', 1, 1]]);
    // Columns after a BOM do not count it.
    expect(pos(await checkSeed('\ufeffab\u200b\n'))).toEqual([
      ['content/bom', 1, 1],
      ['content/invisible-char', 1, 3],
    ]);
    expect(pos(await checkSeed('Title\n'))).toEqual([]);
  });

  it('content/control-char (not TAB, LF, CR, FF)', async () => {
    const r = await checkSeed('line one\nBell\u0007 here\u001b[31m and \u0085\n');
    expect(pos(r)).toEqual([['content/control-char', 2, 5]]);
    expect(r.diagnostics[0]!.data).toEqual({ codePoint: 7, count: 3 });
    expect(pos(await checkSeed('tab\there\fform feed\n'))).toEqual([]);
  });

  it('content/bidi-control', async () => {
    const r = await checkSeed('x\naccess\u202e level \u2066y\u2069\n');
    expect(pos(r)).toEqual([['content/bidi-control', 2, 7]]);
    expect(r.diagnostics[0]!.data).toEqual({ codePoint: 0x202e, count: 3 });
    expect(pos(await checkSeed('access level\n'))).toEqual([]);
  });

  it('content/invisible-char', async () => {
    const r = await checkSeed('😀zero\u200bwidth \u00ad \ufeff\n');
    expect(pos(r)).toEqual([['content/invisible-char', 1, 7]]);
    expect(r.diagnostics[0]!.data).toEqual({ codePoint: 0x200b, count: 3 });
    expect(pos(await checkSeed('zero width\n'))).toEqual([]);
  });

  it('content/tag-char decodes the hidden text', async () => {
    const hidden = [...'hi there'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const r = await checkSeed(`Hello\nab${hidden}\u{e007f}\n`);
    expect(pos(r)).toEqual([['content/tag-char', 2, 3]]);
    expect(r.diagnostics[0]!.data).toEqual({ decoded: 'hi there', count: 9 });
    // The emoji flag of England is a legitimate tag sequence.
    expect(pos(await checkSeed('Go \u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} team\n'))).toEqual([]);
  });

  it('content/mixed-line-endings at the first ending of the minority style', async () => {
    const r = await checkSeed('one\r\ntwo\nthree\r\nfour\r\n');
    expect(pos(r)).toEqual([['content/mixed-line-endings', 2, 4]]);
    expect(r.diagnostics[0]!.data).toEqual({ lf: 1, crlf: 3, cr: 0 });
    const cr = scanText('a\rb\nc\n');
    expect(cr.findings.map((f) => [f.ruleId, f.line, f.column, f.data])).toEqual([['content/mixed-line-endings', 1, 2, { lf: 2, crlf: 0, cr: 1 }]]);
    expect(pos(await checkSeed('one\r\ntwo\r\n'))).toEqual([]);
  });

  it('one finding per rule with positions across lines (lone CR counts as a line break)', () => {
    const r = scanText('a\rb\u0007\n');
    expect(r.findings.find((f) => f.ruleId === 'content/control-char')).toMatchObject({ line: 2, column: 2 });
    expect(ruleIds(r.findings).sort()).toEqual(['content/control-char', 'content/mixed-line-endings']);
  });
});
