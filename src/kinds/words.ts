/**
 * One pass over the text: lower-cased word frequencies and counts of the
 * multi-word cue phrases the scorers ask for. Replaces many whole-text regex
 * scans, so classification stays linear and cheap.
 */

export interface WordStats {
  total: number;
  /** tokens that start with a digit */
  digits: number;
  freq: Map<string, number>;
  phrase: Map<string, number>;
}

// Separators: whitespace, ASCII punctuation except ' and -, Latin-1 and general punctuation, CJK punctuation.
const SEP = /[\s!-&(-,./:-@[-`{-~\u00a0-\u00bf\u2000-\u2018\u201a-\u206f\u3000-\u303f\uff01-\uff0f]+/;

interface Index {
  byFirst: Map<string, string[][]>;
  singles: string[];
}
const indexCache = new WeakMap<readonly string[], Index>();

function indexOf(phrases: readonly string[], words: readonly string[]): Index {
  let ix = indexCache.get(phrases);
  if (ix) return ix;
  const byFirst = new Map<string, string[][]>();
  const singles: string[] = [...words];
  for (const p of phrases) {
    const ws = p.split(' ');
    if (ws.length < 2) {
      singles.push(p);
      continue;
    }
    const list = byFirst.get(ws[0]!) ?? [];
    list.push(ws);
    byFirst.set(ws[0]!, list);
  }
  ix = { byFirst, singles };
  indexCache.set(phrases, ix);
  return ix;
}

/** `phrases` and `words` should be module constants: their index is cached per phrases array. */
export function wordStats(lower: string, phrases: readonly string[], words: readonly string[]): WordStats {
  const { byFirst, singles } = indexOf(phrases, words);
  const freq = new Map<string, number>();
  const phrase = new Map<string, number>();
  for (const w of singles) freq.set(w, 0);
  const toks = lower.split(SEP);
  let total = 0;
  let digits = 0;
  for (let k = 0; k < toks.length; k++) {
    let w = toks[k]!;
    if (w.length === 0) continue;
    total++;
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) digits++;
    const cl = w.charCodeAt(w.length - 1);
    if (c0 === 39 || c0 === 45 || c0 === 0x2019 || cl === 39 || cl === 45 || cl === 0x2019) {
      let a = 0;
      let b = w.length;
      while (a < b && isTrim(w.charCodeAt(a))) a++;
      while (b > a && isTrim(w.charCodeAt(b - 1))) b--;
      w = w.slice(a, b);
      toks[k] = w;
    }
  }
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!;
    const f = freq.get(w);
    if (f !== undefined) freq.set(w, f + 1);
    const cands = byFirst.get(w);
    if (!cands) continue;
    for (const ws of cands) {
      let ok = true;
      for (let j = 1; j < ws.length; j++) {
        if (toks[k + j] !== ws[j]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const key = ws.join(' ');
        phrase.set(key, (phrase.get(key) ?? 0) + 1);
      }
    }
  }
  return { total, digits, freq, phrase };
}

function isTrim(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019;
}

/** Count of a word or phrase. */
export function cnt(ws: WordStats, w: string): number {
  return w.includes(' ') ? (ws.phrase.get(w) ?? 0) : (ws.freq.get(w) ?? 0);
}

export function sum(ws: WordStats, list: readonly string[]): number {
  let n = 0;
  for (const w of list) n += cnt(ws, w);
  return n;
}
