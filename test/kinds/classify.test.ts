import { describe, expect, it } from 'vitest';
import { classify } from '../../src/kinds/classify.js';
import { sniffMagic } from '../../src/kinds/magic.js';
import type { KindResult } from '../../src/kinds/types.js';
import * as F from './fixtures.js';

const enc = new TextEncoder();
const c = (text: string, name?: string): KindResult => classify(enc.encode(text), name);

describe('classify: one document per kind', () => {
  const cases: Array<[string, string, string | undefined, string | null | undefined]> = [
    // [fixture, expected kind, file name, expected subtype (undefined: not checked)]
    ['SPEC', 'spec', 'rfc.txt', 'rfc'],
    ['SPEC_MARKDOWN', 'spec', 'tally.md', undefined],
    ['DOCS', 'docs', 'README.md', undefined],
    ['DOCS_TROUBLESHOOTING', 'docs', 'troubleshooting.md', undefined],
    ['CARD', 'card', 'card.yml', undefined],
    ['CARD_MARKDOWN', 'card', 'game.md', 'design'],
    ['DATA_YAML', 'data', 'stations.yml', 'yaml'],
    ['DATA_JSON', 'data', 'x.json', 'json'],
    ['DATA_CSV', 'data', 'weather.csv', 'csv'],
    ['DATA_TOML', 'data', 'Cargo.toml', 'toml'],
    ['DATA_INI', 'data', 'lantern.service', 'ini'],
    ['DATA_XML', 'data', 'stations.xml', 'xml'],
    ['CODE_PY', 'code', 'wc.py', 'python'],
    ['CODE_TS', 'code', 'notes.ts', 'typescript'],
    ['BUNDLE_DIFF', 'bundle', 'fix.diff', 'diff'],
    ['PAPER', 'paper', 'paper.md', undefined],
    ['ISSUE', 'issue', 'bug.md', 'bug'],
    ['NEWS', 'news', 'story.txt', undefined],
    ['FICTION', 'fiction', 'story.txt', undefined],
    ['PROSE', 'prose', 'essay.txt', undefined],
    ['PROSE_WITH_CODE', 'prose', 'essay.md', undefined],
    ['CONVERSATION', 'conversation', 'chat.txt', 'chat'],
    ['TRANSCRIPT', 'conversation', 'episode.md', 'transcript'],
    ['EMAIL', 'email', 'msg.eml', undefined],
    ['LEGAL_MIT', 'legal', 'LICENSE', 'mit'],
    ['LEGAL_TERMS', 'legal', 'terms.md', undefined],
    ['PR', 'issue', 'pr.md', 'pr'],
    ['RECIPE', 'prose', 'soup.md', 'recipe'],
    ['PLAY', 'fiction', 'play.txt', 'play'],
    ['PEP', 'spec', 'pep.txt', 'proposal'],
    ['PRESS', 'news', 'release.txt', 'press-release'],
    ['ADR', 'docs', '0007-sqlite.md', 'adr'],
    ['IRC', 'conversation', 'lantern.log', 'irc'],
    ['SCRIPT', 'code', 'count', 'shell'],
    ['PRIVACY', 'legal', 'privacy.md', undefined],
    ['CFF', 'card', 'CITATION.cff', 'citation'],
    ['ZH_NEWS', 'news', 'news.txt', undefined],
    ['POEM', 'fiction', 'keeper.txt', 'poem'],
    ['CODE_OF_CONDUCT', 'docs', 'CODE_OF_CONDUCT.md', 'policy'],
    ['MANPAGE', 'docs', 'lantern-relay.1', 'manpage'],
    ['INTERVIEW', 'conversation', 'interview.txt', 'transcript'],
    ['SUBTITLES', 'conversation', 'meeting.vtt', 'transcript'],
    ['DOCKERFILE', 'code', 'Dockerfile', 'dockerfile'],
    ['CHANGELOG', 'docs', 'CHANGELOG.md', undefined],
    ['TUTORIAL', 'docs', 'tutorial.md', undefined],
    ['MBOX', 'email', 'list.mbox', 'mbox'],
    ['AP_NEWS', 'news', 'wire.txt', 'wire'],
    ['ISSUE_FORM', 'issue', 'bug.yml', 'template'],
    ['MEETING_NOTES', 'conversation', 'sync.md', undefined],
    ['WIKI', 'prose', 'lighthouse.md', undefined],
    ['PAPER_TXT', 'paper', 'frames.txt', undefined],
    ['HTML_NEWS', 'news', 'story.html', undefined],
    ['JSONC', 'data', 'tsconfig.json', 'json'],
    ['ROMAN', 'fiction', 'roman.txt', undefined],
    ['ZH_FICTION', 'fiction', 'xiaoshuo.txt', undefined],
    ['ASSISTANT_CHAT', 'conversation', 'chat.md', 'transcript'],
    ['SLACK', 'conversation', 'slack.txt', 'chat'],
    ['SRS', 'spec', 'requirements.md', undefined],
    ['README_ZH', 'docs', 'README.zh.md', undefined],
    ['NOTEBOOK', 'data', 'frames.ipynb', 'json'],
  ];
  for (const [name, kind, file, subtype] of cases) {
    it(`${name} → ${kind}`, () => {
      const r = c((F as Record<string, string>)[name]!, file);
      expect(r.kind, r.evidence.join(' | ')).toBe(kind);
      if (subtype !== undefined) expect(r.subtype).toBe(subtype);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.evidence.length).toBeGreaterThan(0);
    });
  }

  it('does not use the file name to decide the genre', () => {
    // prose named like a paper, news named like code
    expect(c(F.PROSE, 'paper.txt').kind).toBe('prose');
    expect(c(F.NEWS, 'codebase.md').kind).toBe('news');
  });

  it('gives a txtar bundle its dialect (via the bundle parser or the marker fallback)', () => {
    const r = c(F.BUNDLE_TXTAR, 'case.txtar');
    expect(r.kind).toBe('bundle');
    expect(r.subtype).toBe('txtar');
    expect(r.bundle?.dialect).toBe('txtar');
  });

  it('lists the files of a diff bundle with their lines', () => {
    const r = c(F.BUNDLE_DIFF);
    expect(r.bundle?.files.map((f) => [f.path, f.line])).toEqual([
      ['src/relay.c', 1],
      ['README.md', 12],
    ]);
    expect(r.bundle?.files[0]?.kind).toBe('code');
  });
});

describe('ambiguous pairs (KINDS.md)', () => {
  it('news vs fiction: dateline and officials make news; chapters and dialogue make fiction', () => {
    const n = c(F.NEWS);
    const f = c(F.FICTION);
    expect(n.kind).toBe('news');
    expect(n.evidence.some((e) => e.startsWith('dateline "PORTWELL (Coastal Press) —"') && e.includes('line 3'))).toBe(true);
    expect(f.kind).toBe('fiction');
    expect(f.evidence.some((e) => /chapter/.test(e))).toBe(true);
  });

  it('conversation vs email headers: a header block is email, timestamped turns are a chat', () => {
    const e = c(F.EMAIL);
    expect(e.kind).toBe('email');
    expect(e.title).toBe('Relay frame size');
    expect(e.date).toBe('2026-02-03');
    expect(c(F.CONVERSATION).kind).toBe('conversation');
  });

  it('card vs data: one described thing with prose values is a card; uniform records are data', () => {
    const card = c(F.CARD);
    expect(card.kind).toBe('card');
    expect(card.title).toBe('Lantern relay');
    expect(c(F.DATA_YAML).kind).toBe('data');
    expect(c(F.DATA_TOML).kind).toBe('data');
  });

  it('spec vs docs: RFC 2119 keywords make a spec; install/usage sections make docs', () => {
    const s = c(F.SPEC_MARKDOWN);
    expect(s.kind).toBe('spec');
    expect(s.evidence.some((e) => /RFC 2119 keywords/.test(e))).toBe(true);
    expect(c(F.DOCS).kind).toBe('docs');
    expect(c(F.DOCS).runnerUp?.kind).not.toBe('spec');
  });

  it('a README that says MUST once is still docs', () => {
    const r = c(F.DOCS.replace('You can then create', 'You MUST then create'));
    expect(r.kind).toBe('docs');
  });

  it('docs vs issue: template headings make an issue; a troubleshooting page is docs', () => {
    expect(c(F.ISSUE).kind).toBe('issue');
    expect(c(F.DOCS_TROUBLESHOOTING).kind).toBe('docs');
  });

  it('quoted mail inside an issue is still an issue', () => {
    const quoted = F.ISSUE + '\n**Additional context**\nThe user wrote:\n\n> From: Ana <ana@example.org>\n> Subject: frames\n> Date: Tue, 03 Feb 2026\n>\n> It drops big frames.\n';
    expect(c(quoted).kind).toBe('issue');
  });

  it('a source file with a licence header is code; the licence alone is legal', () => {
    const q = '"'.repeat(3);
    const src = q + '\n' + F.LEGAL_MIT + q + '\n' + F.CODE_PY.replace('#!/usr/bin/env python3\n', '');
    expect(c(src, 'wc.py').kind).toBe('code');
    expect(c(F.LEGAL_MIT, 'LICENSE').kind).toBe('legal');
  });

  it('a CSV whose values are prose is still data, and says so', () => {
    const csv = 'author,quote,year\n' + ['Ada', 'Ben', 'Cleo', 'Dan'].map((a, i) => `"${a}","A relay is a promise that somebody, somewhere, is still listening to you.",${2020 + i}`).join('\n') + '\n';
    const r = c(csv, 'quotes.csv');
    expect(r.kind).toBe('data');
    expect(r.subtype).toBe('csv');
    expect(r.evidence.some((e) => /prose/.test(e))).toBe(true);
  });

  it('the runner-up is a different kind with a lower confidence', () => {
    for (const t of [F.NEWS, F.FICTION, F.SPEC_MARKDOWN, F.ISSUE, F.CARD]) {
      const r = c(t);
      expect(r.runnerUp).not.toBeNull();
      expect(r.runnerUp!.kind).not.toBe(r.kind);
      expect(r.runnerUp!.confidence).toBeLessThan(r.confidence);
    }
  });

  it('a prose text that mentions code is prose, not code or docs', () => {
    const r = c(F.PROSE_WITH_CODE);
    expect(r.kind).toBe('prose');
  });

  it('front matter is evidence and the body is classified; a head alone is a card', () => {
    const withFront = `---\ntitle: Garden notes\ndate: 2026-03-01\nlayout: post\ntags: [garden]\n---\n${F.PROSE}`;
    const r = c(withFront, 'post.md');
    expect(r.kind).toBe('prose');
    expect(r.title).toBe('Garden notes');
    expect(r.date).toBe('2026-03-01');
    expect(r.evidence.some((e) => e.startsWith('YAML front matter'))).toBe(true);
    const headOnly = c('---\ntitle: Garden notes\nauthor: Ada\ndate: 2026-03-01\n---\n', 'meta.md');
    expect(headOnly.kind).toBe('card');
  });
});

describe('empty, unknown, binary', () => {
  it('empty: nothing or only whitespace', () => {
    expect(c('').kind).toBe('empty');
    expect(c(' \n\t\n').kind).toBe('empty');
  });

  it('unknown: too short to call, with a runner-up still reported', () => {
    const r = c('Remember to water the moss.\n');
    expect(r.kind).toBe('unknown');
    expect(r.confidence).toBe(0);
    const r2 = c('He said the boats were late and she laughed.\n');
    expect(r2.kind).toBe('unknown');
  });

  it('binary subtypes come from magic bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 0, 0]);
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]);
    const pdf = enc.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n');
    for (const [bytes, sub] of [[png, 'png'], [gz, 'gzip'], [zip, 'zip'], [pdf, 'pdf']] as const) {
      const r = classify(bytes);
      expect(r.kind).toBe('binary');
      expect(r.subtype).toBe(sub);
      expect(sniffMagic(bytes)).toBe(sub);
    }
  });

  it('NUL bytes without a known signature: binary with no subtype', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 7 === 0 ? 0 : 65 + (i % 26)));
    const r = classify(bytes);
    expect(r.kind).toBe('binary');
    expect(r.subtype).toBeNull();
  });

  it('text starting like a magic number is still text', () => {
    const r = c('GIF89 is an old image format. ' + F.PROSE);
    expect(r.kind).not.toBe('binary');
  });

  it('legacy-encoded text is read as Windows-1252, or from hints.text', () => {
    const latin1 = new Uint8Array([...enc.encode('Die G'), 0xe4, ...enc.encode('ste kamen sp'), 0xe4, ...enc.encode('t. ')]);
    const r = classify(latin1);
    expect(r.kind).not.toBe('binary');
    const r2 = classify(new Uint8Array([0xe4]), 'x.txt', { text: F.NEWS });
    expect(r2.kind).toBe('news');
  });
});

describe('details', () => {
  it('title, date, language, lines and words', () => {
    const r = c(F.NEWS);
    expect(r.title).toBe('Harbour town votes to rebuild its sea wall');
    expect(r.language).toBe('en');
    expect(r.lines).toBe(F.NEWS.trimEnd().split('\n').length);
    expect(r.words).toBe(F.NEWS.split(/\s+/).filter(Boolean).length);
    expect(c(F.DOCS).title).toBe('quillpad');
    expect(c(F.SPEC).date).toBeNull(); // "April 2026" has no day: never invented
    expect(c(F.MANPAGE).title).toBe('lantern-relay(1)');
    expect(c(F.SUBTITLES).title).toBeNull();
    expect(c(F.ASSISTANT_CHAT).title).toBeNull(); // a speaker heading is not a title
    expect(c(F.MBOX).date).toBe('2026-03-03');
    expect(c(F.MEETING_NOTES).date).toBe('2026-03-03');
    expect(c(F.ISSUE_FORM).title).toBe('Bug report');
    expect(c(F.HTML_NEWS).title).toBe('Harbour town votes to rebuild its sea wall');
  });

  it('reports the language of non-English prose', () => {
    expect(c(F.ZH_NEWS).language).toBe('zh');
    expect(c(F.ZH_FICTION).language).toBe('zh');
    expect(c(F.ROMAN).language).toBe('fr');
  });

  it('language is und when there is too little prose, and never decides the kind', () => {
    expect(c(F.DATA_CSV).language).toBe('und');
    const fr = `Le conseil municipal a voté mardi la reconstruction de la digue du port.\n\n${'Les habitants ont approuvé le projet à une large majorité, selon le maire, qui a déclaré que les travaux commenceraient en mars. '.repeat(3)}`;
    expect(c(fr).language).toBe('fr');
  });
});

describe('determinism and cost', () => {
  it('gives the same result twice', () => {
    for (const t of [F.NEWS, F.SPEC, F.CARD, F.FICTION]) expect(c(t)).toEqual(c(t));
  });

  it('reads only the first and last 64 KiB of a large input', () => {
    // 5 MB: a news story at the head, filler prose in the middle, code at the tail
    const middle = 'lorem ipsum dolor sit amet consectetur '.repeat(130_000);
    const big = F.NEWS + '\n' + middle + '\n' + F.NEWS;
    expect(big.length).toBeGreaterThan(5_000_000);
    const bytes = enc.encode(big);
    const t0 = performance.now();
    const r = classify(bytes, 'big.txt');
    const ms = performance.now() - t0;
    expect(r.evidence.some((e) => e.includes('first and last 64 KiB'))).toBe(true);
    expect(r.lines).toBeGreaterThan(0);
    // the middle is never scanned: a second classification of just head+tail gives the same kind
    const head = bytes.subarray(0, 64 * 1024);
    const tail = bytes.subarray(bytes.length - 64 * 1024);
    const both = new Uint8Array(head.length + tail.length);
    both.set(head);
    both.set(tail, head.length);
    expect(classify(both, 'big.txt', { totalBytes: bytes.length }).kind).toBe(r.kind);
    expect(ms).toBeLessThan(2000);
  });

  it('stays fast on a 20 KB document', () => {
    const doc = (F.NEWS + '\n' + F.FICTION + '\n').repeat(12).slice(0, 20_000);
    classify(enc.encode(doc)); // warm up
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) classify(enc.encode(doc));
    const per = (performance.now() - t0) / 20;
    expect(per).toBeLessThan(50); // generous: shared CI machines; the bench measures the real figure
  });
});

describe('linear time on hostile input', () => {
  // Patterns that once made a regular expression backtrack: long runs of
  // whitespace, brackets or hashes after a cue.
  const hostile = [
    'MR. ' + ' '.repeat(40_000) + 'x',
    'CHAPTER ' + ' \t'.repeat(20_000) + 'x',
    '# ' + '#'.repeat(40_000) + 'x',
    '# ' + '['.repeat(40_000) + '\n',
    'at ' + 'a'.repeat(40_000) + ' (',
    ' \t'.repeat(20_000) + 'x',
    ('## 1. ' + ' \t'.repeat(100) + ' x\n').repeat(200),
    'diff --git ' + ' b/'.repeat(13_000) + '\n@@ -1 +1 @@\n-a\n+b\n',
    '<!DOCTYPE html>' + '<script>'.repeat(5_000),
  ];
  it('classifies each in well under a second', () => {
    for (const h of hostile) {
      const t0 = performance.now();
      classify(enc.encode(h));
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});
