/** Details of a classified document: title, date, natural language. */
import { createRequire } from 'node:module';
import type { Doc } from './doc.js';
import type { KindId } from './ids.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janvier: 1, januar: 1, enero: 1,
  feb: 2, february: 2, février: 2, fevrier: 2, februar: 2, febrero: 2,
  mar: 3, march: 3, mars: 3, märz: 3, marzo: 3,
  apr: 4, april: 4, avril: 4, abril: 4,
  may: 5, mai: 5, mayo: 5,
  jun: 6, june: 6, juin: 6, juni: 6, junio: 6,
  jul: 7, july: 7, juillet: 7, juli: 7, julio: 7,
  aug: 8, august: 8, août: 8, aout: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septembre: 9, septiembre: 9,
  oct: 10, october: 10, octobre: 10, oktober: 10, octubre: 10,
  nov: 11, november: 11, novembre: 11, noviembre: 11,
  dec: 12, december: 12, décembre: 12, decembre: 12, dezember: 12, diciembre: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Find a date in a short string: ISO, "D Month YYYY", "Month D, YYYY", RFC 2822. */
export function parseDate(s: string): string | null {
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th|er)?\.? ([A-Za-zéûä]{3,10})\.?,? (\d{4})\b/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo) return iso(+m[3]!, mo, +m[1]!);
  }
  m = /\b([A-Za-zéûä]{3,10})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    if (mo) return iso(+m[3]!, mo, +m[2]!);
  }
  return null;
}

const DATE_LINE = /^\W{0,4}(date|published|updated|last updated|posted|publié le|mis à jour|veröffentlicht|publicado|meeting date(\/time)?|released?|effective date|created)\b/i;

export function findDate(doc: Doc, fm: Map<string, string> | undefined, emailDate: string | null): string | null {
  for (const k of ['date', 'published', 'discovered_date', 'created', 'start date', 'updated']) {
    const v = fm?.get(k);
    if (v) {
      const d = parseDate(v);
      if (d) return d;
    }
  }
  if (emailDate) {
    const d = parseDate(emailDate);
    if (d) return d;
  }
  const lim = Math.min(doc.headLines, doc.bodyStart + 40);
  // A date line near the top wins; then a short line that is only a date; then a dateline.
  for (let i = doc.bodyStart; i < lim; i++) {
    const l = doc.lines[i]!;
    if (DATE_LINE.test(l) || /^[-*]?\s*(Start Date|Date):/i.test(l)) {
      const d = parseDate(l);
      if (d) return d;
    }
  }
  for (let i = doc.bodyStart; i < lim; i++) {
    const l = doc.lines[i]!.trim();
    if (l.length > 0 && l.length <= 40) {
      const d = parseDate(l);
      if (d) return d;
    }
  }
  return null;
}

function clean(s: string): string {
  // cut first: every pattern below then runs on a short string
  return s
    .slice(0, 400)
    .replace(/^#+\s*/, '')
    .replace(/\s*#+$/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\*(.*)\*$/, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .slice(0, 200);
}

export function findTitle(doc: Doc, kind: KindId, fm: Map<string, string> | undefined, subject: string | null, kv: Map<string, string> | null): string | null {
  if (kind === 'binary' || kind === 'empty') return null;
  if (subject) return clean(subject);
  const t = fm?.get('title');
  if (t && t !== "''" && t !== '""') return clean(t);
  if (kind === 'card' || kind === 'data' || kind === 'issue') {
    for (const k of ['title', 'name', 'package']) {
      const v = kv?.get(k);
      if (v && !/^[|>]/.test(v)) return clean(v);
    }
  }
  if (kind === 'code' || kind === 'data' || kind === 'bundle') return null;
  const lim = Math.min(doc.headLines, doc.bodyStart + 60);
  for (let i = doc.bodyStart; i < lim; i++) {
    if (doc.inFence[i]) continue;
    const l = doc.lines[i]!;
    const th = /^\.TH +"?([^" ]+)"? +"?(\w+)/.exec(l);
    if (th) return `${th[1]!.toLowerCase()}(${th[2]})`;
    if (/^#{1,3} \S/.test(l)) {
      if (kind === 'conversation' && /^#+ *(user|assistant|human|ai|chatgpt|claude|gemini|copilot|system|prompt|response|me|you)\b:? *$/i.test(l)) continue;
      return clean(l);
    }
    const next = doc.lines[i + 1] ?? '';
    if (l.trim() && /^(=+|-+)\s*$/.test(next) && next.trim().length >= 3 && l.trim().length <= 120) return clean(l);
    const tm = /^\s*(?:Title|TITLE)\s*:\s*(.+)$/.exec(l);
    if (tm) return clean(tm[1]!);
    const lm = /^\\(?:title|chapter)\{([^}]+)\}/.exec(l);
    if (lm) return clean(lm[1]!);
  }
  // headline: the first non-empty line, when short and not a sentence (a chat's first line is a turn).
  for (let i = doc.bodyStart; i < lim && kind !== 'conversation'; i++) {
    const l = doc.lines[i]!.trim();
    if (!l) continue;
    if (/^(WEBVTT|\.\w+|%!|<\?xml|\*{3,}|-{3,}|={3,})/.test(l)) break; // format markers are not titles
    const words = l.split(/\s+/).length;
    if (l.length <= 160 && words <= 20 && !/[.,;:。，]$/.test(l) && !/[。！？]/.test(l) && !(l.length > 60 && /[，、]/.test(l)) && !/^[[<{(\\*-]/.test(l) && /\p{L}/u.test(l)) return clean(l);
    break;
  }
  return null;
}

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', rus: 'ru', ukr: 'uk', pol: 'pl', nld: 'nl',
  swe: 'sv', dan: 'da', nob: 'nb', fin: 'fi', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', bul: 'bg', srp: 'sr',
  hrv: 'hr', ell: 'el', tur: 'tr', ara: 'ar', arb: 'ar', pes: 'fa', fas: 'fa', heb: 'he', hin: 'hi', ben: 'bn',
  urd: 'ur', jpn: 'ja', cmn: 'zh', zho: 'zh', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms', msa: 'ms',
  tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', swh: 'sw', cat: 'ca', glg: 'gl',
  eus: 'eu', lit: 'lt', lav: 'lv', est: 'et', slv: 'sl', bel: 'be', kaz: 'kk', uzb: 'uz', aze: 'az', amh: 'am',
  hau: 'ha', yor: 'yo', ibo: 'ig', som: 'so', tgl: 'tl', afr: 'af', nep: 'ne', sin: 'si', mya: 'my', khm: 'km',
};

let francFn: ((s: string, o?: { minLength?: number }) => string) | null = null;

function franc(s: string): string {
  if (!francFn) {
    const req = createRequire(import.meta.url);
    francFn = (req('franc-min') as { franc: (s: string, o?: { minLength?: number }) => string }).franc;
  }
  return francFn(s);
}

/** Natural language of the prose (ISO 639-1 where known), `und` when there is too little. */
export function detectLanguage(doc: Doc, kind: KindId, proseSample: string, proseWords: number, english = false): string | null {
  if (kind === 'binary' || kind === 'empty') return null;
  if (proseWords < 25 || proseSample.length < 120) return 'und';
  if (english) return 'en';
  // Mostly CJK: franc-min confuses short CJK samples; script decides.
  const sample = proseSample.slice(0, 800);
  let kana = 0;
  let han = 0;
  let hangul = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  if (kana > 20) return 'ja';
  if (hangul > 40) return 'ko';
  if (han > 60) return 'zh';
  // English from its stop words, without franc's trigram comparison (~0.8 ms a call).
  if (looksEnglish(sample)) return 'en';
  const l3 = franc(sample);
  if (l3 === 'und') return 'und';
  return ISO3_TO_1[l3] ?? l3;
}

/**
 * Common English function words that are rare as words in other languages
 * written in Latin letters (no "a", "in", "is", "an", "on", "at", "be": those
 * are words in Dutch, German, Italian, Spanish, French or Tagalog too).
 */
const EN_FUNCTION = new Set(['the', 'and', 'of', 'that', 'with', 'this', 'which', 'from', 'have', 'has', 'you', 'your', 'are', 'were', 'would', 'should', 'could', 'there', 'their', 'they', 'what', 'when', 'where', 'will', 'not', 'but', 'or', 'it', 'its', 'to', 'for', 'by', 'if', 'we', 'our', 'can', 'was', 'is']);

/**
 * Is a prose sample English? Only a clear yes: at least 30 words of ASCII
 * letters, an eighth or more of them English function words, and at most 1%
 * of the letters accented or from another script (French, German, Spanish,
 * Polish… carry accents). Anything less is left to franc. On the kinds corpus
 * English samples score 0.06–0.34 and the others at most 0.07.
 */
export function looksEnglish(sample: string): boolean {
  let words = 0;
  let fn = 0;
  let nonAscii = 0;
  let the = 0;
  let letters = 0;
  let i = 0;
  const n = sample.length;
  while (i < n) {
    const c = sample.charCodeAt(i);
    const isLetter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!isLetter) {
      // letters of other alphabets and accented Latin (not punctuation, quotes or symbols)
      if ((c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || c >= 0x3040) {
        nonAscii++;
        letters++;
      }
      i++;
      continue;
    }
    const s = i;
    while (i < n) {
      const d = sample.charCodeAt(i);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) i++;
      else break;
    }
    letters += i - s;
    words++;
    const w = sample.slice(s, i).toLowerCase();
    if (EN_FUNCTION.has(w)) {
      fn++;
      if (w === 'the') the++;
    }
  }
  // technical English (mail headers, configuration, logs) has fewer function words, but "the" is English alone
  return words >= 30 && nonAscii <= letters * 0.01 && (fn >= words * 0.125 || (fn >= words * 0.06 && the >= 2));
}
