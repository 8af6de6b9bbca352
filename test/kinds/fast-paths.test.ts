/**
 * The classifier's allocation-free helpers must give exactly what the
 * straightforward versions they replaced gave (split arrays, regex matches).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSpace, splitCount, buildDoc } from '../../src/kinds/doc.js';
import { cnt, wordStats } from '../../src/kinds/words.js';
import { looksEnglish } from '../../src/kinds/details.js';

// The separator class and trimming of the original split-based word pass.
const SEP = /[\s!-&(-,./:-@[-`{-~\u00a0-\u00bf\u2000-\u2018\u201a-\u206f\u3000-\u303f\uff01-\uff0f]+/;
const isTrim = (c: number): boolean => c === 39 || c === 45 || c === 0x2019;

function referenceStats(lower: string, keys: readonly string[]): { total: number; digits: number; counts: Map<string, number> } {
  const toks = lower.split(SEP);
  let total = 0;
  let digits = 0;
  for (let k = 0; k < toks.length; k++) {
    let w = toks[k]!;
    if (w.length === 0) continue;
    total++;
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) digits++;
    let a = 0;
    let b = w.length;
    while (a < b && isTrim(w.charCodeAt(a))) a++;
    while (b > a && isTrim(w.charCodeAt(b - 1))) b--;
    w = w.slice(a, b);
    toks[k] = w;
  }
  const counts = new Map<string, number>();
  for (const key of keys) {
    const ws = key.split(' ');
    let n = 0;
    for (let k = 0; k < toks.length; k++) {
      let ok = true;
      for (let j = 0; j < ws.length && ok; j++) if (toks[k + j] !== ws[j]) ok = false;
      if (ok) n++;
    }
    counts.set(key, n);
  }
  return { total, digits, counts };
}

const PHRASES = ['as is', 'according to', 'et al', 'the issue', 'i’m sure', 'a b c', 'it', 'x-y z'];
const WORDS = ['the', 'a', 'b', 'he', 'i’m', "don't", '42', 'x-y', 'über', 'агентств'];

// Text from pieces that exercise separators, trim characters and the keys themselves.
const piece = fc.constantFrom(
  ...PHRASES, ...WORDS, ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '.', ',', '-', "'", '’', '--', "'the'", '-he-',
  '(', ')', '"', '“', '”', '…', '—', '1', '9x', 'abc', 'xyz', 'É', '中', '\u2019s', '\u201a', '/', '_', '`', '~', '©',
);
const textArb = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(''));

describe('wordStats: same counts as the split-based pass', () => {
  it('on generated text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const lower = text.toLowerCase();
        const ref = referenceStats(lower, [...WORDS, ...PHRASES]);
        const got = wordStats(lower, PHRASES, WORDS);
        expect(got.total).toBe(ref.total);
        expect(got.digits).toBe(ref.digits);
        for (const k of [...WORDS, ...PHRASES]) expect(cnt(got, k)).toBe(ref.counts.get(k));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a token trimmed to nothing in the sequence (it breaks a phrase)', () => {
    const ws = wordStats('as - is, as is, as-is', PHRASES, WORDS);
    expect(cnt(ws, 'as is')).toBe(1);
    expect(ws.total).toBe(6);
  });
});

describe('splitCount', () => {
  it('equals split(/\\s+/).length, and stops at the limit', () => {
    const ws = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b', 'a', 'bc', '.');
    fc.assert(
      fc.property(fc.array(ws, { maxLength: 30 }).map((a) => a.join('')), fc.integer({ min: 1, max: 12 }), (s, stop) => {
        const n = s.split(/\s+/).length;
        expect(splitCount(s)).toBe(n);
        expect(splitCount(s, stop) >= stop).toBe(n >= stop);
      }),
      { numRuns: 400 },
    );
  });

  it('isSpace is \\s for every UTF-16 code unit', () => {
    const re = /\s/;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('buildDoc: CJK count', () => {
  it('equals the regex count', () => {
    const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
    const part = fc.constantFrom('中文', 'かな', '한국', '\uf900', '\u4dbf', '\u303f', ' ', '\n', '\r\n', 'abc', '\u3000', '。');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const doc = buildDoc(text, text, false, 'x.txt');
        expect(doc.cjkChars).toBe(text.match(CJK)?.length ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('looksEnglish', () => {
  it('says yes to English prose', () => {
    const en =
      'The package installs a command that checks the seeds folder of a project. It reads the manifest, compares the digests with the files and reports what it finds. If you want to run it before every commit, add it to your hooks and it will stop the commit when there are errors.';
    expect(looksEnglish(en)).toBe(true);
  });

  it('leaves other languages to franc', () => {
    const samples = [
      'Le paquet installe une commande qui vérifie le dossier des graines du projet. Elle lit le manifeste, compare les empreintes avec les fichiers et signale ce qu’elle trouve avant chaque validation.',
      'Das Paket installiert einen Befehl, der den Ordner mit den Samen eines Projekts prüft. Er liest das Manifest, vergleicht die Prüfsummen mit den Dateien und meldet, was er findet, vor jedem Commit.',
      'Het pakket installeert een opdracht die de map met zaden van een project controleert. Het leest het manifest, vergelijkt de controlesommen met de bestanden en meldt wat het vindt of niet vindt, dat is alles.',
      'Paket ini memasang perintah yang memeriksa folder benih dari sebuah proyek. Perintah itu membaca manifes, membandingkan ringkasan dengan berkas dan melaporkan apa yang ditemukan sebelum setiap komit dilakukan.',
      'Пакет устанавливает команду, которая проверяет папку с семенами проекта. Она читает манифест, сравнивает контрольные суммы с файлами и сообщает о том, что нашла.',
    ];
    for (const s of samples) expect(looksEnglish(s)).toBe(false);
  });

  it('needs enough words', () => {
    expect(looksEnglish('the cat and the dog')).toBe(false);
  });
});
