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

interface Entry {
  /** slot in the counts array for the word itself, or -1 */
  slot: number;
  /** phrases starting with this word: [words, slot] */
  phrases: Array<[string[], number]>;
}

interface Index {
  map: Map<string, Entry>;
  /** slot → word or phrase */
  keys: string[];
}
const indexCache = new WeakMap<readonly string[], Index>();

function indexOf(phrases: readonly string[], words: readonly string[]): Index {
  let ix = indexCache.get(phrases);
  if (ix) return ix;
  const map = new Map<string, Entry>();
  const keys: string[] = [];
  const entry = (w: string): Entry => {
    let e = map.get(w);
    if (!e) {
      e = { slot: -1, phrases: [] };
      map.set(w, e);
    }
    return e;
  };
  for (const p of [...words, ...phrases]) {
    const ws = p.split(' ');
    const e = entry(ws[0]!);
    if (ws.length < 2) {
      if (e.slot < 0) {
        e.slot = keys.length;
        keys.push(p);
      }
    } else if (!e.phrases.some(([q]) => q.join(' ') === p)) {
      e.phrases.push([ws, keys.length]);
      keys.push(p);
    }
  }
  ix = { map, keys };
  indexCache.set(phrases, ix);
  return ix;
}

/** `phrases` and `words` should be module constants: their index is cached per phrases array. */
export function wordStats(lower: string, phrases: readonly string[], words: readonly string[]): WordStats {
  const { map, keys } = indexOf(phrases, words);
  const counts = new Int32Array(keys.length);
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
    const e = map.get(toks[k]!);
    if (e === undefined) continue;
    if (e.slot >= 0) counts[e.slot]!++;
    for (const [ws, slot] of e.phrases) {
      let ok = true;
      for (let j = 1; j < ws.length; j++) {
        if (toks[k + j] !== ws[j]) {
          ok = false;
          break;
        }
      }
      if (ok) counts[slot]!++;
    }
  }
  const freq = new Map<string, number>();
  const phrase = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    (key.includes(' ') ? phrase : freq).set(key, counts[i]!);
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
