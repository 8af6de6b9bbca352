/**
 * One pass over the text: lower-cased word frequencies and counts of the
 * multi-word cue phrases the scorers ask for. Replaces many whole-text regex
 * scans, so classification stays linear and cheap.
 *
 * The scan walks the text once with a separator table and looks each token up
 * in a small open-addressing hash table of the words the cue lists use, so it
 * allocates nothing per token (no split array, no substrings).
 */

export interface WordStats {
  total: number;
  /** tokens that start with a digit */
  digits: number;
  /** word or phrase → count, for every word and phrase of the index */
  counts: Int32Array;
  slots: Map<string, number>;
}

/**
 * Separators, the character class
 * [\s!-&(-,./:-@[-`{-~\u00a0-\u00bf\u2000-\u2018\u201a-\u206f\u3000-\u303f\uff01-\uff0f]:
 * whitespace, ASCII punctuation except ' and -, Latin-1 and general punctuation, CJK punctuation.
 */
let SEP: Uint8Array | null = null;

function sepTable(): Uint8Array {
  if (SEP) return SEP;
  const t = new Uint8Array(65536);
  const range = (a: number, b: number): void => {
    for (let c = a; c <= b; c++) t[c] = 1;
  };
  // \s: ECMAScript WhiteSpace and LineTerminator
  range(9, 13);
  for (const c of [32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) t[c] = 1;
  range(0x2000, 0x200a);
  range(0x21, 0x26);
  range(0x28, 0x2c);
  range(0x2e, 0x2f);
  range(0x3a, 0x40);
  range(0x5b, 0x60);
  range(0x7b, 0x7e);
  range(0xa0, 0xbf);
  range(0x2000, 0x2018);
  range(0x201a, 0x206f);
  range(0x3000, 0x303f);
  range(0xff01, 0xff0f);
  SEP = t;
  return t;
}

interface Index {
  /** word or phrase → slot in the counts array */
  slots: Map<string, number>;
  /** vocabulary: every distinct word of every key */
  vocab: string[];
  /** open-addressing hash table: hash & mask → vocab id + 1 (0 = empty) */
  table: Int32Array;
  mask: number;
  /** vocab id → slot of the word itself, or -1 */
  wordSlot: Int32Array;
  /** vocab id → phrases starting with this word: [ids of the words, slot] */
  phrases: Array<Array<[Int32Array, number]>>;
  maxPhrase: number;
}
const indexCache = new WeakMap<readonly string[], Index>();

function hashRange(s: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function indexOf(phrases: readonly string[], words: readonly string[]): Index {
  let ix = indexCache.get(phrases);
  if (ix) return ix;
  const slots = new Map<string, number>();
  const vocabId = new Map<string, number>();
  const vocab: string[] = [];
  const id = (w: string): number => {
    let v = vocabId.get(w);
    if (v === undefined) {
      v = vocab.length;
      vocabId.set(w, v);
      vocab.push(w);
    }
    return v;
  };
  const wordSlotL: number[] = [];
  const phrasesL: Array<Array<[Int32Array, number]>> = [];
  let maxPhrase = 1;
  for (const p of [...words, ...phrases]) {
    if (slots.has(p)) continue;
    const ws = p.split(' ');
    const ids = ws.map(id);
    const first = ids[0]!;
    for (let v = wordSlotL.length; v < vocab.length; v++) {
      wordSlotL.push(-1);
      phrasesL.push([]);
    }
    const slot = slots.size;
    slots.set(p, slot);
    if (ws.length < 2) wordSlotL[first] = slot;
    else {
      phrasesL[first]!.push([Int32Array.from(ids), slot]);
      maxPhrase = Math.max(maxPhrase, ws.length);
    }
  }
  let size = 64;
  while (size < vocab.length * 4) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let v = 0; v < vocab.length; v++) {
    let h = hashRange(vocab[v]!, 0, vocab[v]!.length) & mask;
    while (table[h] !== 0) h = (h + 1) & mask;
    table[h] = v + 1;
  }
  ix = { slots, vocab, table, mask, wordSlot: Int32Array.from(wordSlotL), phrases: phrasesL, maxPhrase };
  indexCache.set(phrases, ix);
  return ix;
}

function isTrim(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019;
}

/** Token ids of the last scan, reused between calls (the scan is not re-entered). */
let idBuf = new Int32Array(1024);

/** `phrases` and `words` should be module constants: their index is cached per phrases array. */
export function wordStats(lower: string, phrases: readonly string[], words: readonly string[]): WordStats {
  const ix = indexOf(phrases, words);
  const { table, mask, vocab, wordSlot } = ix;
  const sep = sepTable();
  const counts = new Int32Array(ix.slots.size);
  const n = lower.length;
  let total = 0;
  let digits = 0;
  let nt = 0;
  let i = 0;
  while (i < n) {
    if (sep[lower.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && sep[lower.charCodeAt(i)] === 0) i++;
    // token [s, i)
    total++;
    const c0 = lower.charCodeAt(s);
    if (c0 >= 48 && c0 <= 57) digits++;
    let a = s;
    let b = i;
    while (a < b && isTrim(lower.charCodeAt(a))) a++;
    while (b > a && isTrim(lower.charCodeAt(b - 1))) b--;
    let v = -1;
    if (b > a) {
      let h = hashRange(lower, a, b) & mask;
      for (;;) {
        const e = table[h]!;
        if (e === 0) break;
        const w = vocab[e - 1]!;
        if (w.length === b - a && lower.startsWith(w, a)) {
          v = e - 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    if (nt === idBuf.length) {
      const nb = new Int32Array(idBuf.length * 2);
      nb.set(idBuf);
      idBuf = nb;
    }
    idBuf[nt++] = v;
  }
  const ids = idBuf;
  const { phrases: ph } = ix;
  for (let k = 0; k < nt; k++) {
    const v = ids[k]!;
    if (v < 0) continue;
    const ws = wordSlot[v]!;
    if (ws >= 0) counts[ws]!++;
    const list = ph[v]!;
    for (let p = 0; p < list.length; p++) {
      const [pid, slot] = list[p]!;
      let ok = k + pid.length <= nt;
      for (let j = 1; ok && j < pid.length; j++) if (ids[k + j] !== pid[j]) ok = false;
      if (ok) counts[slot]!++;
    }
  }
  // keep the buffer from growing without bound after one huge document
  if (idBuf.length > 1 << 20) idBuf = new Int32Array(1024);
  return { total, digits, counts, slots: ix.slots };
}

/** Count of a word or phrase. */
export function cnt(ws: WordStats, w: string): number {
  const s = ws.slots.get(w);
  return s === undefined ? 0 : ws.counts[s]!;
}

export function sum(ws: WordStats, list: readonly string[]): number {
  let n = 0;
  for (const w of list) n += cnt(ws, w);
  return n;
}
