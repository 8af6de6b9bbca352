/**
 * The content-kind classifier (KINDS.md). Deterministic, no model, no
 * network. Structure first (empty, binary, email, bundle, data, code, card,
 * legal), then prose genres scored from normalised counts per 1,000 words.
 * Only the first and last 64 KiB are read.
 */
import type { BundleFileSummary, BundleSummary, KindResult } from './types.js';
import type { KindId } from './ids.js';
import type { Bundle } from '../bundle/types.js';
import { detectBundle } from '../bundle/index.js';
import { decodeDoc } from './decode.js';
import { buildDoc, isSpace, lineLabel, splitCount, type Doc } from './doc.js';
import { detectBundleMarkers, detectData, detectDiff, detectEmail, type DataHit } from './structure.js';
import { CODE_BASENAMES, CODE_EXT, codeLineScore, langFromContent, langFromShebang } from './codelang.js';
import { LEGAL_PHRASES, legalCueScore, spdxOf } from './licenses.js';
import { cnt, sum, wordStats, type WordStats } from './words.js';
import { detectLanguage, findDate, findTitle } from './details.js';

export interface ClassifyHints {
  /** Already-decoded text (e.g. from a legacy encoding), to avoid decoding twice. */
  text?: string;
  /** Already-parsed bundle of the same content, or null when it is known not to be one. */
  bundle?: Bundle | null;
  /** Total file size when `bytes` is only the head and tail of a large file. */
  totalBytes?: number;
}

interface Entry {
  score: number;
  ev: string[];
  subtype: string | null;
}

class Scores {
  readonly m = new Map<KindId, Entry>();
  get(k: KindId): Entry {
    let e = this.m.get(k);
    if (!e) {
      e = { score: 0, ev: [], subtype: null };
      this.m.set(k, e);
    }
    return e;
  }
  add(k: KindId, pts: number, ev?: string): void {
    if (pts === 0) return;
    const e = this.get(k);
    e.score += pts;
    if (ev && e.ev.length < 12) e.ev.push(ev);
  }
  sub(k: KindId, st: string): void {
    this.get(k).subtype = st;
  }
  ranked(): Array<[KindId, Entry]> {
    // stable order: score desc, then KIND_IDS order via insertion fallback
    return [...this.m.entries()].filter(([, e]) => e.score > 0).sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  }
}

const ONE_WORD_WINDOW = 1000;

function rate(n: number, words: number): number {
  return (n * ONE_WORD_WINDOW) / Math.max(words, 150);
}

function cap(x: number, c: number): number {
  return x > c ? c : x;
}

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s) !== null) {
    n++;
    if (n > 5000) break;
  }
  return n;
}

/** Map score and runner-up score to a 0..1 confidence. */
function confidence(s: number, r: number): number {
  const abs = 1 - Math.exp(-s / 2.2);
  const ratio = s > 0 ? r / s : 1;
  const c = abs * (1 - 0.65 * ratio * ratio);
  return Math.round(Math.max(0, Math.min(0.99, c)) * 100) / 100;
}

function runnerConfidence(s2: number, s1: number, conf: number): number {
  const c = (1 - Math.exp(-s2 / 2.2)) * (s1 > 0 ? s2 / s1 : 0);
  return Math.round(Math.max(0, Math.min(conf - 0.01, c)) * 100) / 100;
}

let debugSink: ((s: string) => void) | null = null;
/** For the evaluation script: receive the raw score table of the next classifications. */
export function setKindsDebug(fn: ((s: string) => void) | null): void {
  debugSink = fn;
}

function emptyResult(kind: KindId, over: Partial<KindResult> = {}): KindResult {
  return { kind, subtype: null, confidence: 0, runnerUp: null, evidence: [], title: null, date: null, language: null, lines: 0, words: 0, bundle: null, ...over };
}

export function classify(bytes: Uint8Array, name = '', hints: ClassifyHints = {}): KindResult {
  const dec = decodeDoc(bytes, hints.text, hints.totalBytes);
  if (dec.text === null) {
    return emptyResult('binary', { subtype: dec.binary, confidence: dec.binary ? 0.99 : 0.9, evidence: dec.evidence });
  }
  if (dec.text.trim() === '') {
    const lines = dec.text === '' ? 0 : dec.text.split('\n').length - (dec.text.endsWith('\n') ? 1 : 0);
    return emptyResult('empty', { confidence: 0.99, evidence: [dec.text === '' ? 'no bytes' : 'only whitespace'], lines });
  }
  let text = dec.text;
  const pre: string[] = [...dec.evidence];
  if (dec.truncated) pre.push(`classified from the first and last 64 KiB of ${dec.totalBytes} bytes`);
  // HTML pages: classify the text they show.
  const headLow = text.slice(0, 300).trimStart().toLowerCase();
  if (headLow.startsWith('<!doctype html') || headLow.startsWith('<html')) {
    text = stripHtml(text);
    pre.push('HTML page: classified its text');
  }
  const doc = buildDoc(text, text === dec.text ? dec.headText : text, dec.truncated && text === dec.text, name);
  const S = new Scores();
  const st = analyse(doc, S, hints, pre);
  if (debugSink) debugSink(S.ranked().map(([k, e]) => `${k}=${e.score.toFixed(2)}`).join(' '));
  return finish(doc, S, st, pre, dec.totalBytes, dec.truncated, bytes.length);
}

interface State {
  fm: Map<string, string> | undefined;
  emailSubject: string | null;
  emailDate: string | null;
  kv: Map<string, string> | null;
  bundle: BundleSummary | null;
  proseSample: string;
  proseWords: number;
  structural: boolean;
  english: boolean;
  codeLines: number;
  dataFormat: string | null;
}

/** Drop <script> and <style> elements, linearly (indexOf, no backtracking regex). */
function dropElements(t: string, tag: string): string {
  const low = t.toLowerCase();
  let out = '';
  let i = 0;
  for (;;) {
    const a = low.indexOf('<' + tag, i);
    if (a < 0) break;
    const b = low.indexOf('</' + tag + '>', a);
    out += t.slice(i, a);
    if (b < 0) return out;
    i = b + tag.length + 3;
  }
  return out + t.slice(i);
}

function stripHtml(t: string): string {
  return dropElements(dropElements(t, 'script'), 'style')
    .replace(/<\/(p|div|h\d|li|tr|br|section|article|header|footer|title)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

// ---------------------------------------------------------------------------

const FM_PAPER = ['authors', 'affiliations', 'bibliography', 'tags'];
const FM_BLOG = ['layout', 'tags', 'categories', 'permalink', 'excerpt', 'comments', 'published'];
const FM_SPEC = ['docname', 'ipr', 'area', 'workgroup', 'submissiontype', 'stand_alone', 'consensus'];

function analyse(doc: Doc, S: Scores, hints: ClassifyHints, pre: string[]): State {
  const st: State = { fm: doc.front?.keys, emailSubject: null, emailDate: null, kv: null, bundle: null, proseSample: '', proseWords: 0, structural: false, english: false, codeLines: 0, dataFormat: null };
  const { lines } = doc;

  // ---- front matter ----
  if (doc.front) {
    const keys = doc.front.keys;
    pre.push(`${doc.front.style === 'yaml' ? 'YAML' : 'TOML'} front matter: ${keys.size} keys (lines 1–${doc.front.endLine + 1})`);
    let bodyWords = 0;
    for (let i = doc.bodyStart; i < lines.length && bodyWords < 5; i++) if (lines[i]!.trim()) bodyWords++;
    if (bodyWords === 0) {
      S.add('card', 7, 'the document is only a front-matter head');
      st.structural = true;
      st.kv = keys;
    }
    const has = (k: string): boolean => keys.has(k);
    const paperKeys = FM_PAPER.filter(has);
    if (has('authors') && (has('affiliations') || has('bibliography'))) S.add('paper', 4, `front matter has ${paperKeys.join(', ')} (paper metadata)`);
    const blog = FM_BLOG.filter(has);
    if (blog.length >= 2 || has('layout')) S.add('prose', 1.5, `blog front matter (${blog.join(', ')})`);
    if (has('name') && has('about')) {
      S.add('issue', 5, 'issue-template front matter (name, about)');
      S.sub('issue', 'template');
    }
    const spec = FM_SPEC.filter(has);
    if (spec.length >= 2 || (has('category') && /^(std|bcp|info|exp)$/.test(keys.get('category') ?? ''))) S.add('spec', 4, `Internet-Draft front matter (${spec.join(', ')})`);
    if (has('status') && (has('discovered_date') || has('priority') || has('severity') || has('completed_at') || has('discovered_commit'))) S.add('issue', 2, 'tracker front matter (status, dates)');
  }

  // ---- email ----
  const email = detectEmail(doc);
  if (email) {
    S.add('email', email.known >= 5 ? 8 : 6.5);
    for (const e of email.evidence) S.get('email').ev.push(e);
    if (email.mbox) S.sub('email', 'mbox');
    st.emailSubject = email.subject;
    st.emailDate = email.date;
    st.structural = true;
  }

  // ---- bundles ----
  const diff = detectDiff(doc);
  if (diff) {
    S.add('bundle', 8 + cap(diff.files.length, 4) * 0.5);
    S.get('bundle').ev.push(...diff.evidence);
    S.sub('bundle', 'diff');
    st.structural = true;
    st.bundle = {
      dialect: 'diff',
      files: diff.files.map((f) => fileSummaryFromPath(f.path, f.line, f.endLine, f.bytes)),
    };
  }
  if (!diff) {
    let b: Bundle | null = null;
    if (hints.bundle !== undefined) b = hints.bundle;
    else {
      try {
        b = detectBundle(doc.text);
      } catch {
        b = null;
      }
    }
    if (b && b.blocks.length >= 1) {
      let blockBytes = 0;
      for (const bl of b.blocks) blockBytes += bl.bytes;
      const share = blockBytes / Math.max(doc.text.length, 1);
      const strong = b.dialect !== 'markdown-files' || share >= 0.5;
      S.add('bundle', b.blocks.length >= 2 ? (strong ? 9 : 3.5) : 4, `${b.blocks.length} file block${b.blocks.length === 1 ? '' : 's'} in ${b.dialect} syntax (first at line ${b.blocks[0]!.line})`);
      S.sub('bundle', b.dialect);
      st.structural = strong;
      st.bundle = { dialect: b.dialect, files: b.blocks.slice(0, 2000).map((bl, i) => blockSummary(bl.path, bl.line, bl.endLine, bl.bytes, bl.content, i)) };
    } else if (hints.bundle === undefined) {
      const mk = detectBundleMarkers(doc);
      if (mk) {
        S.add('bundle', 5 + cap(mk.count, 6) * 0.4);
        S.get('bundle').ev.push(...mk.evidence);
        S.sub('bundle', mk.dialect);
        st.structural = true;
        st.bundle = { dialect: mk.dialect, files: [] };
      }
    }
  }

  // ---- data / card ----
  const data = detectData(doc);
  if (data) {
    st.dataFormat = data.format;
    scoreDataCard(doc, S, data, st);
  }
  // A bundle serialised as JSON/XML parses as data too; the bundle is the better answer.
  if (data && (S.m.get('bundle')?.score ?? 0) >= 8) S.get('data').score *= 0.5;

  // ---- bold-key / prompt cards in Markdown ----
  scoreMarkdownCard(doc, S);

  // ---- code ----
  scoreCode(doc, S, st);

  // ---- prose pass: collect prose lines, then genre signals ----
  // The sample only feeds language detection, which reads its first 800 characters
  // (and nothing when classifying the files inside a bundle): stop collecting there.
  const prose: string[] = [];
  let proseWords = 0;
  let sampleLen = 0;
  for (let i = doc.bodyStart; i < lines.length && nested === 0; i++) {
    if (proseWords >= 300 || sampleLen > 800) break;
    if (doc.inFence[i]) continue;
    const l = lines[i]!;
    if (l.length > 12 && !/^\s*([<{}[\]|]|[-*] \w+:)/.test(l)) {
      const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(l);
      if (cjk || (l.length > 20 && l.includes(' '))) {
        prose.push(l.replace(/[`*_#>[\]]/g, ' '));
        sampleLen += l.length + 1;
        proseWords += cjk ? l.length / 2 : splitCount(l);
      }
    }
  }
  st.proseSample = prose.join('\n');
  st.proseWords = doc.proseWords;

  const lower = doc.text.toLowerCase();
  const ws = wordStats(lower, ALL_PHRASES, SINGLE_WORDS);
  scoreLegal(doc, S, lower, ws);
  // A licence header on a source file: the code is what the file holds.
  if (st.codeLines >= 10 && (S.m.get('code')?.score ?? 0) >= 4 && S.m.has('legal')) S.get('legal').score *= 0.5;
  // Certain structure (parsed data, code, a bundle, an email): prose genres cannot win, skip their cost.
  let certain = 0;
  for (const k of ['data', 'code', 'bundle', 'email'] as const) certain = Math.max(certain, S.m.get(k)?.score ?? 0);
  if (certain < 7.5) {
    scoreConversation(doc, S);
    scoreGenres(doc, S, lower, ws);
    // Docs is the fallback for software text: strong spec or issue structure beats it.
    const docs = S.m.get('docs');
    if (docs && ((S.m.get('spec')?.score ?? 0) >= 6 || (S.m.get('issue')?.score ?? 0) >= 5)) docs.score *= 0.75;
  }
  // English prose is recognised from its stop words without loading franc.
  const stop = sum(ws, EN_STOP);
  st.english = ws.total >= 40 && stop / ws.total >= 0.15 && cnt(ws, 'the') / ws.total >= 0.03;

  // LaTeX sources are papers (or docs) whose markup looks like code.
  scoreLatex(doc, S);
  return st;
}

function fileSummaryFromPath(path: string, line: number, endLine: number, bytes: number): BundleFileSummary {
  const base = (path.split('/').pop() ?? '').toLowerCase();
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const lang = CODE_EXT[ext] ?? CODE_BASENAMES[base] ?? null;
  const dataFmt = DATA_EXT[ext] ?? null;
  return {
    path,
    line,
    endLine,
    bytes,
    kind: lang ? 'code' : dataFmt ? 'data' : ext === 'md' || ext === 'rst' ? 'docs' : null,
    subtype: lang ?? dataFmt,
  };
}

/** > 0 while classifying the files inside a bundle: only kind and subtype are needed there. */
let nested = 0;

function blockSummary(path: string, line: number, endLine: number, bytes: number, content: string, index: number): BundleFileSummary {
  if (index >= 200) return fileSummaryFromPath(path, line, endLine, bytes);
  nested++;
  try {
    return blockSummaryInner(path, line, endLine, bytes, content);
  } finally {
    nested--;
  }
}

function blockSummaryInner(path: string, line: number, endLine: number, bytes: number, content: string): BundleFileSummary {
  const r = classify(new TextEncoder().encode(content.length > 140_000 ? content.slice(0, 140_000) : content), path, { text: content.length > 140_000 ? content.slice(0, 140_000) : content, bundle: null });
  return { path, line, endLine, bytes, kind: r.kind, subtype: r.subtype };
}

const DATA_EXT: Record<string, string> = {
  json: 'json', geojson: 'json', jsonl: 'jsonl', ndjson: 'jsonl', yaml: 'yaml', yml: 'yaml', toml: 'toml',
  ini: 'ini', cfg: 'ini', conf: 'ini', service: 'ini', csv: 'csv', tsv: 'tsv', xml: 'xml', svg: 'xml', plist: 'xml',
};

const CARD_IDENTITY = new Set([
  'name', 'title', 'package', 'description', 'abstract', 'summary', 'author', 'authors', 'message', 'cff-version',
  'version', 'license', 'maintainer', 'homepage', 'url', 'keywords', 'type', 'author_email', 'authors@r', 'genre',
  'publisher', 'language', 'date', 'subject', 'identifier', 'rights', 'repository-code', 'doi', 'branding',
]);
const DATA_CONFIG = new Set([
  'dependencies', 'devdependencies', 'dev-dependencies', 'build-dependencies', 'jobs', 'steps', 'on', 'services',
  'scripts', 'unit', 'service', 'install', 'features', 'profile', 'volumes', 'env', 'environment', 'targets',
  'include', 'exclude', 'workspace', 'tool', 'build-system', 'compileroptions', 'rules', 'extends', 'plugins',
]);

function scoreDataCard(doc: Doc, S: Scores, data: DataHit, st: State): void {
  const fmtEv = `${data.format}: ${data.evidence[0]}`;
  st.structural = true;
  let dataScore = 5 + 2 * data.strength;
  // key: value lines in a Markdown or text file are more likely notes than YAML
  if (((data.format === 'yaml' || data.format === 'ini') && /^(md|markdown|txt|rst|text)$/.test(doc.ext)) || data.prosey) {
    dataScore -= 3;
    st.structural = false;
  }
  // GitHub issue forms: YAML whose body is a list of form fields
  if (data.kv && data.kv.keys.includes('body') && data.kv.keys.includes('name') && /^\s*- type: (textarea|input|dropdown|checkboxes|markdown)\b/m.test(doc.text.slice(0, 20_000))) {
    S.add('issue', 9, 'issue form (name, body of form fields)');
    S.sub('issue', 'template');
  }
  if (DATA_EXT[doc.ext] === data.format || (DATA_EXT[doc.ext] === 'ini' && data.format === 'toml')) dataScore += 0.5;
  S.add('data', dataScore, fmtEv);
  S.sub('data', data.format);
  const kv = data.kv;
  if (!kv) return;
  st.kv = kv.values;
  const identity = kv.keys.filter((k) => CARD_IDENTITY.has(k));
  const config = [...kv.keys, ...kv.sections].filter((k) => DATA_CONFIG.has(k) || DATA_CONFIG.has(k.split('.')[0]!));
  let card = 0;
  const ev: string[] = [];
  if (identity.length >= 3) {
    card += 3;
    ev.push(`describes one thing: ${identity.slice(0, 5).join(', ')}`);
  } else if (identity.length >= 2) card += 1.5;
  if (kv.proseValues >= 1) {
    card += 1.5 + cap(kv.proseValues, 3) * 0.5;
    ev.push(`${kv.proseValues} human-written prose value${kv.proseValues === 1 ? '' : 's'}`);
  }
  const schema = kv.keys.includes('cff-version')
    ? 'citation'
    : kv.keys.includes('package') && kv.keys.includes('description')
      ? 'package'
      : kv.sections.includes('metadata')
        ? 'package'
        : kv.sections.includes('desktop entry')
          ? 'desktop'
          : kv.keys.includes('branding') || (kv.keys.includes('inputs') && kv.keys.includes('runs'))
            ? 'action'
            : null;
  if (schema) {
    card += 3;
    ev.push(`${schema} metadata shape`);
    S.sub('card', schema);
  }
  if (kv.lines > 150) card -= 2;
  if (kv.lines > 400) card -= 2;
  if (config.length) {
    S.add('data', cap(config.length, 3) * 0.7, `configuration keys (${config.slice(0, 4).join(', ')})`);
    card -= cap(config.length, 3) * 0.5;
  }
  if (kv.proseValues === 0) S.add('data', 1, 'no prose values');
  if (card > 0) {
    S.add('card', card + 3);
    S.get('card').ev.push(...ev);
  }
}

const BOLD_KEY = /^\s*(?:[-*] )?\*\*([^*]{1,80}?)(?::\*\*|\*\*\s?:|\?\*\*)/;
const PROMPT = /^\s*[*_]([^*_]{8,200}\?)[*_]\s*$/;

function scoreMarkdownCard(doc: Doc, S: Scores): void {
  const labels = new Map<string, number>();
  let prompts = 0;
  let first = -1;
  for (let i = doc.bodyStart; i < doc.lines.length; i++) {
    if (doc.inFence[i]) continue;
    const l = doc.lines[i]!;
    // both patterns start with optional white space then -, * or _
    let k0 = 0;
    while (k0 < l.length && isSpace(l.charCodeAt(k0))) k0++;
    const f = l.charCodeAt(k0);
    if (f !== 42 && f !== 45 && f !== 95) continue;
    const m = BOLD_KEY.exec(l);
    if (m) {
      const k = m[1]!.trim().toLowerCase();
      // a question or a long label is a prompt to fill in, never a speaker's name
      if (l.includes('?**') || splitCount(k, 5) > 4) prompts++;
      else labels.set(k, (labels.get(k) ?? 0) + 1);
      if (first < 0) first = i;
    } else if (PROMPT.test(l)) {
      prompts++;
      if (first < 0) first = i;
    }
  }
  let turns = 0;
  for (const n of labels.values()) turns += n;
  const distinct = labels.size;
  const fields = distinct + prompts;
  if (fields < 3) return;
  if (distinct >= 2 && turns > distinct * 1.5 && prompts < distinct) return; // repeated labels are speakers, not fields
  if (doc.proseWords > 3000) return;
  S.add('card', 3 + cap(fields, 8) * 0.5, `${fields} distinct bold field labels or prompts (first at ${lineLabel(doc, first)})`);
  S.sub('card', 'design');
}

function scoreCode(doc: Doc, S: Scores, st: State): void {
  const { lines } = doc;
  const shebang = langFromShebang(lines[0] ?? '');
  const extLang = CODE_EXT[doc.ext] ?? CODE_BASENAMES[doc.base] ?? null;
  let n = 0;
  let code = 0;
  let prose = 0;
  const lim = Math.min(lines.length, 3000);
  let inBlockComment = false;
  let inDocstring = '';
  for (let i = doc.bodyStart; i < lim; i++) {
    const t = doc.trimmed[i]!;
    if (!t) continue;
    n++;
    if (inDocstring) {
      // docstrings and licence blocks are neither code nor evidence against it
      if (t.includes(inDocstring)) inDocstring = '';
      n--;
      continue;
    }
    if ((t.startsWith('"""') || t.startsWith("'''")) && (t.length === 3 || !t.slice(3).includes(t.slice(0, 3)))) {
      inDocstring = t.slice(0, 3);
      n--;
      continue;
    }
    if (inBlockComment) {
      if (t.includes('*/')) inBlockComment = false;
      n--;
      continue;
    }
    if (t.startsWith('/*') && !t.includes('*/')) {
      inBlockComment = true;
      code += 0.5;
      continue;
    }
    if (t.startsWith('*') && !t.startsWith('*/') && !t.startsWith('**')) {
      n--;
      continue;
    }
    if (t.startsWith('#') && !t.startsWith('#include') && !t.startsWith('#define') && !t.startsWith('#if') && !t.startsWith('#!')) {
      // comment in scripts, heading in Markdown: neutral
      n--;
      continue;
    }
    if (t.startsWith('--') || t.startsWith(';;') || t.startsWith('%')) {
      code += 0.3;
      continue;
    }
    const c = codeLineScore(t);
    code += c;
    if (c >= 0.7) st.codeLines++;
    if (c === 0 && splitCount(t, 8) >= 8 && /[\p{L},.!?]$/u.test(t)) prose++;
  }
  if (n < 3) {
    if (shebang) S.add('code', 4, `shebang (${shebang})`);
    return;
  }
  const share = code / n;
  const proseShare = prose / n;
  let score = 0;
  const ev: string[] = [];
  if (share >= 0.3 && proseShare < 0.3) {
    score = 2 + 6 * cap(share, 0.9) - 6 * proseShare;
    ev.push(`${Math.round(share * 100)}% of ${n} lines look like code`);
  }
  if (shebang) {
    score += 4;
    ev.push(`shebang (${shebang}) on line 1`);
  }
  if (extLang && score > 0) {
    score += 1.5;
    ev.push(`.${doc.ext || doc.base} file name`);
  }
  if (doc.fenceCount > 0) score -= 2;
  if (st.structural && !shebang) score -= 2;
  // JSON and XML that parse are data, however code-like their punctuation
  const parsed = st.dataFormat === 'json' || st.dataFormat === 'jsonl' || st.dataFormat === 'xml';
  if (parsed && !extLang) score = Math.min(score, 2);
  if (score <= 0) return;
  S.add('code', score);
  S.get('code').ev.push(...ev);
  const lang = shebang ?? extLang ?? langFromContent(doc.trimmed);
  if (lang) S.sub('code', lang);
}

function scoreLatex(doc: Doc, S: Scores): void {
  const t = doc.text;
  // five substring searches instead of one alternation tried at every position
  const h = t.length > 200_000 ? t.slice(0, 200_000) : t;
  if (!(h.includes('\\documentclass') || h.includes('\\begin{document}') || h.includes('\\section{') || h.includes('\\chapter{') || h.includes('\\subsection{'))) return;
  const cmds = countMatches(t, /\\(section|subsection|chapter|begin|cite[pt]?|usepackage|documentclass|label|ref)\b/g);
  if (cmds < 5) return;
  const cites = countMatches(t, /\\cite[pt]?\*?(\[[^\]]*\])?\{/g);
  const abs = /\\begin\{abstract\}|\\abstract\{/.test(t);
  const bib = /\\bibliography\{|\\begin\{thebibliography\}|\\printbibliography/.test(t);
  let s = 3;
  const ev = [`LaTeX source (${cmds} sectioning/citation commands)`];
  if (cites) {
    s += cap(cites, 10) * 0.4;
    ev.push(`${cites} \\cite commands`);
  }
  if (abs) {
    s += 2;
    ev.push('abstract environment');
  }
  if (bib) {
    s += 1.5;
    ev.push('bibliography');
  }
  S.add('paper', s);
  S.get('paper').ev.push(...ev);
  S.sub('paper', 'latex');
  const code = S.get('code');
  code.score = Math.min(code.score, 2);
}

function scoreLegal(doc: Doc, S: Scores, lower: string, ws: WordStats): void {
  const { score, hits } = legalCueScore(ws);
  const density = rate(score, doc.words);
  const head = lower.slice(0, 6000).replace(/\s+/g, ' ');
  const spdx = spdxOf(head) ?? (doc.words < 8000 && density >= 10 ? spdxOf(lower.replace(/\s+/g, ' ')) : null);
  let pts = cap(density / 12, 6);
  const ev: string[] = [];
  if (hits.length) ev.push(`legal phrases ${hits.join(', ')} (${density.toFixed(0)} per 1,000 words)`);
  if (spdx) {
    pts += density >= 20 ? 3 : 1;
    ev.push(`licence text of ${spdx}`);
    S.sub('legal', spdx);
  }
  const lim = Math.min(doc.headLines, doc.bodyStart + 15);
  for (let i = doc.bodyStart; i < lim; i++) {
    const l = doc.lines[i]!.trim();
    if (l.length > 0 && l.length < 90 && /\b(licen[cs]e|terms of (service|use)|privacy (policy|notice)|terms and conditions|agreement|eula|legal code|disclaimer)\b/i.test(l) && !/\b(code of conduct|readme)\b/i.test(l)) {
      pts += density >= 8 ? 2.5 : 1;
      ev.push(`legal title "${l.slice(0, 60)}" (${lineLabel(doc, i)})`);
      break;
    }
  }
  if (/^(licen[cs]e|copying|notice|privacy|terms|eula|cla)([.-]|$)/.test(doc.base)) pts += 0.5;
  if (pts < 0.5) return;
  S.add('legal', pts);
  S.get('legal').ev.push(...ev);
}

// ---- conversation ----

/**
 * A necessary condition for a speaker pattern to match a line: which first UTF-16 code units it can
 * start with, or a substring it needs; null when there is no cheap one.
 */
type FirstChar = ((c: number, head: string) => boolean) | null;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const LRM_BRACKET: FirstChar = (c) => c === 0x200e || c === 91;
const LRM_DIGIT: FirstChar = (c) => c === 0x200e || isDigit(c);
const BRACKET_DIGIT_UPPER: FirstChar = (c) => c === 91 || isDigit(c) || isUpper(c);
const BRACKET_DIGIT: FirstChar = (c) => c === 91 || isDigit(c);
const LT: FirstChar = (c) => c === 60;
const HASH: FirstChar = (c) => c === 35;
const STAR: FirstChar = (c) => c === 42;
const YCGA: FirstChar = (c) => c === 89 || c === 67 || c === 71 || c === 65;
const UPPER: FirstChar = isUpper;
const DASH_STAR_UPPER: FirstChar = (c) => c === 45 || c === 42 || isUpper(c);
/** "Ana — Today at 10:02": a space, a dash and a space */
const SPACED_DASH: FirstChar = (_c, h) => h.includes(' - ') || h.includes(' \u2014 ');
/** "Ana  10:02 AM": two spaces */
const TWO_SPACES: FirstChar = (_c, h) => h.includes('  ');

const SPEAKERS: Array<[RegExp, boolean, FirstChar]> = [
  // [pattern, timestamped, which first code units it can start with (null: any)]
  [/^\u200e?\[\d{1,4}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap]\.?[Mm]\.?)?\] ([^:]{1,40}):/, true, LRM_BRACKET],
  [/^\u200e?\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d{2}(?:\s?[APap][Mm])? - ([^:]{1,40}):/, true, LRM_DIGIT],
  [/^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?|[A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)\s+<[@+%&~ ]?([^>\s]{1,32})>/, true, BRACKET_DIGIT_UPPER],
  [/^<[@+%&~ ]?([\w\-[\]\\^{}|`.]{1,32})>\s/, false, LT],
  // Discord ("Ana — Today at 10:02") and Slack ("Ana  10:02 AM") copies: the name line, then the message
  [/^([\p{L}][\p{L}\d_.' -]{0,30}?) +[—-] +(?:Today|Yesterday|\d{1,2}[./]\d{1,2}[./]\d{2,4}) (?:at )?\d{1,2}:\d{2}/u, true, SPACED_DASH],
  [/^([\p{L}][\p{L}\d_.'-]{0,20}(?: [\p{L}][\p{L}\d_.'-]{0,20})?)  +\d{1,2}:\d{2}(?: ?[AP]M)?$/u, true, TWO_SPACES],
  // chat-assistant transcripts: a heading or a line that names the speaker
  [/^#{1,4} *(User|Assistant|Human|AI|ChatGPT|Claude|Gemini|Copilot|Bard|System|Prompt|Response|Me|You|Question|Answer)\b:? *$/i, false, HASH],
  [/^(You|ChatGPT|Claude|Gemini|Copilot|Assistant) said:$/, false, YCGA],
  [/^\*\*([^*:]{1,40}?)(?::\*\*|\*\*:)/, false, STAR],
  [/^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}):\s/, true, BRACKET_DIGIT],
  [/^((?:MR|MRS|MS|DR|SEN|REP|THE)\.? [A-Z][A-Z'-]+|[A-Z][A-Z'-]{1,20}(?: [A-Z][A-Z'-]{1,20}){0,2}):(?:\s|$)/, false, UPPER],
  [/^(?:[-*] )?([A-Z][\w.'-]{0,20}(?: [A-Z][\w.'-]{0,20}){0,2}):\s+\S/, false, DASH_STAR_UPPER],
];

/** Labels that name a field, not a speaker. */
const FIELD_LABELS = /^(note|notes|warning|tip|example|examples|important|summary|status|date|time|version|from|to|subject|cc|source|question|answer|q|a|step \d+|threat|threats|impact|mitigation|mitigations|risk|risks|description|problem|solution|reason|cause|effect|pros|cons|input|output|default|type|usage|returns?|parameters?|todo|fixme|caution|danger|info|result|results|goal|goals|context|decision|consequences|priority|severity|owner|assets?|attack|attacker|scope|requirements?|rationale|definition|category|name|title|url|link|location|time|duration|agenda|action|actions|action items?|conclusion|resolution|outcome|possible outcome|background|details|fix|workaround|expected|actual|overview|recommendation|recommendations|impact|likelihood|mitigation|answer)$/;

function scoreConversation(doc: Doc, S: Scores): void {
  const { lines } = doc;
  const labels = new Map<string, number>();
  let turns = 0;
  let stamped = 0;
  let paras = 0;
  let paraTurns = 0;
  let first = -1;
  let joinPart = 0;
  let cues = 0;
  let firstCue = -1;
  let headingTurns = 0;
  let headingLines = 0;
  let prevBlank = true;
  const lim = Math.min(lines.length, 6000);
  for (let i = doc.bodyStart; i < lim; i++) {
    if (doc.inFence[i]) continue;
    const l = lines[i]!;
    if (doc.trimmed[i] === '') {
      prevBlank = true;
      continue;
    }
    if (prevBlank) paras++;
    const startsPara = prevBlank;
    prevBlank = false;
    if (l.startsWith('#')) headingLines++;
    if (l.includes(' --> ') && /^(\d{1,2}:)?\d{2}:\d{2}[.,]\d{3} --> /.test(l)) {
      cues++;
      if (firstCue < 0) firstCue = i;
      continue;
    }
    if (((l.includes(' has ') || l.includes(' joined the channel') || l.includes(' left the chat') || l.includes(' was added') || l.includes(' changed the ')) && / (has joined|has left|has quit|joined the channel|left the chat|was added|changed the subject|changed the group)\b/.test(l)) || ((l.includes('*') || l.includes('-->') || l.includes('<--')) && /^(\S+ ){0,3}(\*\*\*|-->|<--|\*)\s/.test(l))) joinPart++;
    const head = l.length > 200 ? l.slice(0, 200) : l;
    const f0 = head.charCodeAt(0);
    for (const [re, ts, canStart] of SPEAKERS) {
      // a pattern that cannot start with this character cannot match (and the first match wins)
      if (canStart !== null && !canStart(f0, head)) continue;
      const m = re.exec(head);
      if (!m) continue;
      const label = m[1]!.trim().toLowerCase();
      if (FIELD_LABELS.test(label)) break;
      turns++;
      if (ts) stamped++;
      if (startsPara) paraTurns++;
      if (l.startsWith('#')) headingTurns++;
      labels.set(label, (labels.get(label) ?? 0) + 1);
      if (first < 0) first = i;
      break;
    }
  }
  if (cues >= 3) {
    S.add('conversation', cap(2 + cues * 0.3, 4), `${cues} subtitle cue timings (first at ${lineLabel(doc, firstCue)})`);
    S.sub('conversation', 'transcript');
  }
  if (turns < 4) return;
  const distinct = labels.size;
  const repeat = turns / Math.max(distinct, 1);
  if (repeat < 1.5) return;
  const nonEmpty = Math.max(doc.nonEmpty, 1);
  const share = Math.max(turns / nonEmpty, paras ? paraTurns / paras : 0);
  if (share < 0.15) return;
  let s = 1 + 8 * cap(share, 0.8);
  const ev = [`${turns} speaker turns by ${distinct} speakers (${Math.round(share * 100)}% of lines or paragraphs; first at ${lineLabel(doc, first)})`];
  if (stamped >= turns * 0.5) {
    s += 1.5;
    ev.push(`${stamped} timestamped turns`);
  }
  if (headingTurns >= 4 && headingTurns >= headingLines * 0.6) {
    s += 2.5;
    ev.push(`${headingTurns} of ${headingLines} headings name a speaker`);
  }
  if (joinPart >= 2) {
    s += 1;
    ev.push(`${joinPart} join/part or system lines`);
  }
  S.add('conversation', s);
  S.get('conversation').ev.push(...ev);
  S.sub('conversation', stamped >= turns * 0.5 ? (/</.test(lines[first] ?? '') ? 'irc' : 'chat') : 'transcript');
}

// ---- prose genres ----

const RFC2119 = /\b(MUST(?: NOT)?|SHALL(?: NOT)?|SHOULD(?: NOT)?|REQUIRED|(?:NOT )?RECOMMENDED|OPTIONAL)\b/g;
const PR_HEADINGS = /^(changes|changes made|summary of changes|what changed|testing|test plan|how to test|how has this been tested\??|type of change|checklist|related issues?|breaking changes?|motivation and context|screenshots \(if appropriate\)|description of changes|pr checklist|reviewers?)$/i;
const DOCS_HEADINGS = /^(installation|install|installing|usage|getting started|quick ?start|configuration|options|api|api reference|examples?|contributing|faq|requirements|prerequisites|features|overview|documentation|parameters|arguments|returns|methods|events|properties|constructor|troubleshooting|setup|tutorial|architecture|roadmap|reference|commands|development|building|testing|license|support|limitations|goals|components|how it works|how to use|table of contents|contents|motivation|design|notes|changelog|uninstall(ing)?|license|credits|acknowledg(e)?ments|see also|related|structure|layout|dependencies|build|deployment|environment variables|cli|flags|instalación|uso|configuración|ejemplos?|utilisation|exemples?|verwendung|benutzung|konfiguration|beispiele?|instalação|configuração|установка|использование|настройка|примеры|安装|使用|用法|配置|示例|快速开始|贡献|许可证|インストール|使い方|使用方法|設定|例|ライセンス|our pledge|our standards|enforcement|enforcement guidelines|enforcement responsibilities|our responsibilities|reporting a vulnerability|supported versions|attribution|scope)(?![a-z0-9])/i;
const SPEC_SECTIONS = /^(motivation|rationale|drawbacks|alternatives|rationale and alternatives|unresolved questions|prior art|guide-level explanation|reference-level explanation|backwards? compatibility|detailed design|specification|security considerations|iana considerations|normative references|informative references|conformance|terminology|conventions and definitions|requirements language|future possibilities|abstract|how to teach this|reference implementation|rejected ideas|open issues|(abnf )?grammar|mime type|media type|filename extension|file extension|syntax|semantics|data model|error handling|processing model|versioning|compliance|definitions|notational conventions|wire format|message format|encoding|requirements notation|security|privacy considerations)\b/i;
const PAPER_SECTIONS = /^((\d+\.?|[IVX]+\.)\s*)?(abstract|introduction|related work|background|methods?|methodology|materials and methods|results|discussion|conclusions?|evaluation|experiments?|experimental (setup|results)|acknowledge?ments|references|bibliography|statement of need|summary|future work|limitations|data availability)\s*$/i;
const ISSUE_HEADINGS = /^(describe the bug|bug description|description of the bug|to reproduce|steps to reproduce|reproduction steps|how to reproduce|repro(duction)?|expected (behaviou?r|result|outcome)|actual (behaviou?r|result|outcome)|current behaviou?r|observed behaviou?r|environment|what happened|what did you expect|what steps|additional context|screenshots|proposed (fix|solution|change)|root cause|workaround|acceptance criteria|impact|severity|affected versions?|proof of concept|possible (fix|solution)|logs?|regression|operating system|system information|version information|your environment|is your feature request related to a problem|describe the solution you'?d like|describe alternatives you'?ve considered|evidence( from log)?|fix|solution|vulnerability|details|poc|reproducer|crash|stack ?trace)\b/i;

function c0r(t: string): number {
  return t.charCodeAt(0);
}

function headingText(l: string): string | null {
  if (l.length > 300) return null;
  if (/^#{1,6}\s/.test(l)) {
    let body = l.replace(/^#+/, '').trim();
    let e = body.length;
    while (e > 0 && body.charCodeAt(e - 1) === 35) e--;
    body = body.slice(0, e).trim();
    return body.replace(/[*_`]/g, '').replace(/^(\d+(\.\d+)*\.?|[IVX]+\.) +/, '').trim();
  }
  let m = /^\s*\*\*([^*]{2,80})\*\*:?\s*$/.exec(l);
  if (m) return m[1]!.replace(/:$/, '').trim();
  m = /^([A-Z][\w ,'/()?-]{2,60}):$/.exec(l);
  if (m) return m[1]!.trim();
  return null;
}

const PAPER_PHRASES = ['in this paper', 'this paper', 'we propose', 'we present', 'our results', 'state of the art', 'state-of-the-art', 'statement of need', 'related work', 'in this study', 'this study', 'our approach', 'we show that', 'experimental results', 'we evaluate', 'future work', 'proposed method', 'literature', 'hypothesis', 'dataset'];
const NEWS_NON_LATIN_WORDS = ['a déclaré', 'a annoncé', 'a indiqué', 'a précisé', 'selon', 'sagte', 'teilte', 'berichtet', 'laut', 'dijo', 'según', 'afirmó', 'informó'];
const SAID = ['said', 'says', 'told', 'according to', 'announced', 'reported', 'stated', 'added', 'explained'];
const OFFICIALS = ['president', 'minister', 'prime minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'police', 'government', 'chief executive', 'ceo', 'analyst', 'analysts', 'percent', 'per cent', 'million', 'billion', 'authorities', 'agency', 'department', 'committee', 'council', 'parliament', 'senator', 'governor', 'mayor', 'company', 'firm', 'shares', 'market', 'election', 'campaign', 'voters', 'vote', 'party', 'tax', 'budget', 'economy', 'economic', 'inflation', 'investors', 'profits', 'sales', 'court', 'judge', 'trial', 'chancellor', 'mp', 'mps', 'spokesman', 'statement', 'officials said', 'report', 'researchers', 'scientists', 'study', 'announced', 'bbc', 'reuters']; 
const ISSUE_PHRASES = ['proof of concept', 'steps to reproduce', 'to reproduce', 'expected behavior', 'expected behaviour', 'actual behavior', 'actual behaviour', 'fixed in', 'reported the', 'the bug', 'this bug', 'this issue', 'the issue', 'the vulnerability', 'a crash', 'error message', 'workaround'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'last week', 'last year', 'this week', 'this year',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'gestern',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'ayer', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье', 'накануне', 'вчера',
  'شنبه', 'یکشنبه', 'دوشنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'دیروز'];
const PRON3 = ['he', 'she', 'his', 'her', 'him', 'himself', 'herself'];
const PRON1 = ['i', 'me', 'my', 'myself', "i'm", "i've", "i'd", 'i’m', 'i’ve'];
const SPEECH = ['cried', 'exclaimed', 'replied', 'whispered', 'shouted', 'muttered', 'answered', 'asked he', 'he asked', 'she asked', 'sighed', 'laughed', 'smiled', 'nodded', 'gasped'];
const PAST = ['was', 'were', 'had', 'did', 'went', 'came', 'looked', 'turned', 'saw', 'felt', 'knew', 'thought'];
const SOFTWARE_WORDS = ['package', 'packages', 'module', 'modules', 'function', 'functions', 'api', 'library', 'configuration', 'install', 'command', 'commands', 'server', 'client', 'repository', 'contributors', 'implementation', 'tests', 'build', 'version', 'interface', 'protocol', 'plugin', 'option', 'options', 'default', 'file', 'files', 'directory', 'cli', 'runtime', 'compiler', 'type', 'types', 'method', 'methods', 'parameter', 'parameters', 'argument', 'arguments'];
const BUG_WORDS = ['vulnerable', 'poc', 'cve', 'injection', 'overflow', 'sanitizer', 'bug', 'crash', 'crashes', 'crashed', 'error', 'fails', 'fail', 'failed', 'failing', 'reproduce', 'reproducible', 'regression', 'vulnerability', 'exploit', 'workaround', 'broken', 'stack trace', 'expected', 'actually', 'instead'];
const IMPERATIVE = ['you can', 'you may', 'you need', 'you should', 'to install', 'to use', 'run the', 'use the', 'make sure', 'for example', 'e.g', 'see the'];
const ENCYCLOPEDIC = ['is a', 'was a', 'was an', 'is an', 'are a', 'located in', 'known as', 'born', 'died', 'century', 'founded', 'consists of', 'refers to'];
const NORMATIVE = ['this document defines', 'this document specifies', 'this document describes', 'this specification', 'conforming implementation', 'conforming implementations', 'normative'];

const ALL_PHRASES: readonly string[] = [
  ...new Set([...LEGAL_PHRASES, 'et al', ...PAPER_PHRASES, ...NEWS_NON_LATIN_WORDS, ...SAID, ...OFFICIALS, ...WEEKDAYS, ...SPEECH, ...BUG_WORDS, ...ISSUE_PHRASES, ...SOFTWARE_WORDS, ...IMPERATIVE, ...ENCYCLOPEDIC, ...NORMATIVE, 'key words', 'must not', 'required to']),
];

const EN_STOP = ['the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'it', 'for'];
const SINGLE_WORDS: readonly string[] = ['we', 'our', 'us', 'you', 'your', 'doi', 'keywords', 'must', 'shall', ...PRON3, ...PRON1, ...PAST, ...EN_STOP];

function scoreGenres(doc: Doc, S: Scores, lower: string, ws: WordStats): void {
  const { lines } = doc;
  const W = Math.max(doc.proseWords, 1);
  // ---- per-line pass ----
  let mustCount = 0;
  let mayCount = 0;
  let numberedHeads = 0;
  let abnf = 0;
  let rfcHeader = 0;
  let rfcHeaderLine = -1;
  let specSections = new Set<string>();
  let proposalHeaders = 0;
  let headings = 0;
  const docsHeads = new Set<string>();
  const paperHeads = new Set<string>();
  const issueHeads = new Set<string>();
  let installCmds = 0;
  let badges = 0;
  let tables = 0;
  let tasks = 0;
  let adr = 0;
  let chapters = 0;
  let chapterLine = -1;
  let playMarks = 0;
  let dialogueParas = 0;
  let paras = 0;
  let longParas = 0;
  let dateline: string | null = null;
  let datelineLine = -1;
  let byline = -1;
  let pubLine = -1;
  let structuredAbstract = 0;
  let stack = 0;
  let versionLines = 0;
  let stateLine = -1;
  let roff = 0;
  let quoteMarks = 0;
  let policyTitle = -1;
  let shortLines = 0;
  let textLines = 0;
  let unpunctEnds = 0;
  let stanzaBreaks = 0;
  const prHeads = new Set<string>();
  let recipeHeads = 0;
  let fixesLine = -1;
  let bugId = -1;
  let moral = -1;
  let gutenberg = -1;
  let listItems = 0;
  let prevBlank = true;
  let firstContent = -1;
  let abstractLine = -1;
  let refsLine = -1;
  const lim = Math.min(lines.length, 8000);
  for (let i = doc.bodyStart; i < lim; i++) {
    const l = lines[i]!;
    if (doc.inFence[i]) {
      prevBlank = false;
      continue;
    }
    const t = doc.trimmed[i]!;
    if (t === '') {
      prevBlank = true;
      continue;
    }
    if (firstContent < 0) firstContent = i;
    if (c0r(t) === 46 && /^\.(TH|SH|SS|TP|PP|IP|B|I|BR|IR|RB|nf|fi|br|sp|LP|P) ?/.test(t)) roff++;
    if (i < doc.bodyStart + 10 && policyTitle < 0 && /^(#+\s*)?.{0,40}\b(code of conduct|security policy|contributing guide|contributing to|contribution guidelines|governance)\b/i.test(t) && t.length < 100) policyTitle = i;
    if (/\p{L}/u.test(t)) {
      textLines++;
      if (t.length <= 60) shortLines++;
      // the last character, not an end-anchored pattern tried at every position
      const e = t.charCodeAt(t.length - 1);
      if (!(e === 46 || e === 33 || e === 63 || e === 58 || e === 59 || e === 34 || e === 0x201d || e === 39 || e === 0x2019 || e === 41 || e === 93)) unpunctEnds++;
      if (prevBlank && i > firstContent) stanzaBreaks++;
    }
    const startPara = prevBlank;
    prevBlank = false;
    if (startPara) {
      paras++;
      const c = t[0];
      if (c === '"' || c === '“' || c === '«' || c === '„' || c === '「' || c === '『' || (c === '—' && t[1] === ' ') || c === '‘' || (c === "'" && /^'[A-Z]/.test(t))) dialogueParas++;
    }
    if (t.includes('"') || t.includes('“') || t.includes('«') || t.includes('„')) quoteMarks += countMatches(t, /["“”„«»]/g);
    // long paragraphs (prose)
    if (t.length > 400 && !t.startsWith('|')) longParas++;
    // very long lines carry no line-level cue (headings, datelines, turns…): skip the per-line patterns
    if (t.length > 2000) continue;
    // RFC 2119 keywords on mixed-case lines
    if (/[A-Z]{3}/.test(t)) {
      let up = 0;
      let lo = 0;
      for (let k = 0; k < t.length && k < 300; k++) {
        const ch = t.charCodeAt(k);
        if (ch >= 65 && ch <= 90) up++;
        else if ((ch >= 97 && ch <= 122) || ch >= 0x3040) lo++;
      }
      if (lo > up) {
        const n = countMatches(t, RFC2119);
        mustCount += n;
        mayCount += countMatches(t, /\bMAY\b/g);
      }
    }
    const c0 = t.charCodeAt(0);
    const short = t.length < 120;
    const hasColon = t.includes(':');
    if ((c0 === 35 || (c0 >= 48 && c0 <= 57)) && /^(#{1,6}\s+)?(\d+\.)+\d*\.?\s+[A-Z\p{Lu}]/u.test(t) && t.length < 90 && !/[.;,]$/.test(t) && (/^#/.test(t) || /^\d+\.\d/.test(t) || startPara)) numberedHeads++;
    if (short && t.includes('=') && /^[A-Za-z][\w-]*\s+(=|::=|=\/)\s+\S/.test(t) && /(\/|%x|\*\(|\[|"|::=|<)/.test(t) && !/[.]$/.test(t)) abnf++;
    if (i < 80 && /^(Request for Comments|Network Working Group|Internet-Draft|Category:|Obsoletes:|Updates:|ISSN:|Intended status:|Status of (This|this) Memo|STD:|BCP:)/.test(t)) {
      rfcHeader++;
      if (rfcHeaderLine < 0) rfcHeaderLine = i;
    }
    if (t.charCodeAt(t.length - 1) === 93 && /\[Page \d+\]$/.test(t)) rfcHeader += 0.2;
    if (i < 40 && /^[-*]?\s*(Feature Name|Start Date|RFC PR|Rust Issue|PEP|Post-History|Python-Version|Created|Discussions-To|Requires|Replaces|Superseded-By|Author|Authors|Status|Type|Champion|Shepherd|Implementation):/.test(t)) proposalHeaders++;
    const h = c0 === 35 || c0 === 42 || t.endsWith(':') ? headingText(t) : null;
    if (h !== null) {
      headings++;
      const lowH = h.toLowerCase();
      if (DOCS_HEADINGS.test(lowH)) docsHeads.add(lowH.slice(0, 30));
      if (SPEC_SECTIONS.test(lowH)) specSections.add(lowH.slice(0, 30));
      if (PAPER_SECTIONS.test(lowH)) paperHeads.add(lowH.replace(/^[\dIVX.\s]+/, '').slice(0, 30));
      if (ISSUE_HEADINGS.test(lowH)) issueHeads.add(lowH.slice(0, 30));
      if (PR_HEADINGS.test(lowH)) prHeads.add(lowH.slice(0, 30));
      if (/^(ingredients|directions|method|instructions|preparation)$/.test(lowH)) recipeHeads++;
      if (/^(status|context|decision|consequences|decision outcome|considered options|decision drivers)$/.test(lowH)) adr++;
      if (/^(abstract)$/.test(lowH) && abstractLine < 0) abstractLine = i;
      if (/^(references|bibliography|works cited|参考文献)$/.test(lowH) && refsLine < 0) refsLine = i;
    } else {
      // anchored patterns: only tried on lines starting with a character they can start with
      if (c0 === 97 || c0 === 65 || c0 === 82 || c0 === 66) {
        if (/^(abstract|ABSTRACT)\s*[:.—-]?\s*$/.test(t) && abstractLine < 0) abstractLine = i;
        if (/^(Abstract|ABSTRACT)[:.—]\s+\S/.test(t) && abstractLine < 0) abstractLine = i;
        if (/^(References|REFERENCES|Bibliography|BIBLIOGRAPHY)\s*$/.test(t) && refsLine < 0) refsLine = i;
      }
      if ((c0 === 61 && /^=+$/.test(t)) || (c0 === 45 && /^-+$/.test(t))) {
        const p = (lines[i - 1] ?? '').trim();
        if (PAPER_SECTIONS.test(p)) paperHeads.add(p.toLowerCase());
        if (DOCS_HEADINGS.test(p)) docsHeads.add(p.toLowerCase());
      }
    }
    if (short && /^(SECTION [IVX]+\.|[IVX]+\.\s+[A-Z]{3,})/.test(t)) paperHeads.add(t.slice(0, 20).toLowerCase());
    if (short && /^(\$ |> )?(npm|yarn|pnpm) (install|add|i|run)\b|^(\$ )?(pip3?|pipx|uv pip) install\b|^(\$ )?cargo (add|install|build|run)\b|^(\$ )?go (get|install|run)\b|^(\$ )?brew install\b|^(\$ |sudo )?apt(-get)? install\b|^(\$ )?docker (run|build|pull)\b|^(\$ )?git clone\b|^(\$ )?npx \w/.test(t)) installCmds++;
    if (t.includes('[![')) badges++;
    const listy = c0 === 45 || c0 === 42;
    if ((c0 === 124 || c0 === 58 || c0 === 45) && /^\|?\s*:?-{3,}:?\s*\|/.test(t)) tables++;
    if (listy && /^[-*] \[[ xX]\] /.test(t)) tasks++;
    if ((listy || c0 === 43 || (c0 >= 48 && c0 <= 57)) && /^([-*+]|\d+[.)])\s+\S/.test(t)) listItems++;
    if (short && /^(#+\s*)?(CHAPTER|Chapter|CHAP\.|BOOK|Book|PART|Part|Glava|ГЛАВА|Глава)\s+([IVXLC]+|\d+|[A-Z][a-z]+|[A-Z]+)\b\.?/.test(t) && t.length < 80) {
      chapters++;
      if (chapterLine < 0) chapterLine = i;
    }
    if (c0 === 0x7b2c && /^第[一二三四五六七八九十百\d]+[章話回]/.test(t)) {
      chapters++;
      if (chapterLine < 0) chapterLine = i;
    }
    const upper = c0 >= 65 && c0 <= 90;
    // play marks start with an upper-case letter, [ or (
    if ((upper || c0 === 91 || c0 === 40) && (short && /^(ACT|Act|SCENE|Scene) ([IVX]+|\d+|[A-Z][a-z]+)\b/.test(t) || /^(DRAMATIS PERSON|Dramatis Person|PERSONS REPRESENTED|CHARACTERS|Characters|CAST OF CHARACTERS)/.test(t) || /^\[?(Enter|Exit|Exeunt|Re-enter)\b/.test(t) || /^\[[A-Z][^\]]{3,120}\]$/.test(t) || /^\((aside|to [A-Z]\w+|exit|enters|laughing|pause)/i.test(t) || /^[A-Z][A-Z'-]{1,20}( [A-Z][A-Z'-]{1,20})?\. (\[|[A-Z])/.test(t))) playMarks++;
    if (i < doc.bodyStart + 20 && dateline === null) {
      const m = t.length > 2000 ? null : /^([A-Z][A-Z'.\- ]{2,30}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?) ?(\([A-Za-z .&]{2,30}\))? ?(—|–|--|-) ?\S/.exec(t);
      if (m && (m[2] || /—|–/.test(m[3]!)) && !/^(NOTE|WARNING|TODO|TL;DR|UPDATE|EDIT|Q|A)\b/.test(m[1]!)) {
        dateline = (m[1]!.trim() + (m[2] ? ' ' + m[2] : '') + ' ' + m[3]).trim();
        datelineLine = i;
      }
    }
    if (i < doc.bodyStart + 25 && byline < 0 && /^(By|BY|Par|PAR|Von|Por|Door|Di|Автор:?)\s+[\p{Lu}][\p{L}'.-]+(\s+[\p{Lu}][\p{L}'.-]+){0,3}(,|\s+and\s|\s*$|\s+\||\s+Journaliste|\s*[-—|]\s)/u.test(t) && splitCount(t, 13) <= 12) byline = i;
    if (i < doc.bodyStart + 25 && pubLine < 0 && /^(Published|Updated|Publié le|Publiée le|Mis à jour|Veröffentlicht|Publicado|Опубликовано|Posted)\b/i.test(t)) pubLine = i;
    if (i < doc.bodyStart + 30 && /^(Objective|Background|Purpose|Aims?|Methods?|Results?|Conclusions?|Significance|Design|Findings|Context)\s*:\s*\S/.test(t)) {
      structuredAbstract += countMatches(t, /\b(Objective|Background|Purpose|Methods|Results|Conclusions?|Significance|Findings):/g);
    }
    if (t.length < 400 && (t.startsWith('at ') || t.startsWith('Traceback') || t.startsWith('==') || t.startsWith('panic') || t.startsWith('fatal') || t.startsWith('thread') || c0 === 35 || t.startsWith('SUMMARY') || (hasColon && (t.includes('Error: ') || t.includes('Exception: '))) || t.includes('Segmentation')) && (/^\s*at [\w.$<>\[\]]+ ?\(.*:\d+(:\d+)?\)$/.test(t) || /^Traceback \(most recent call last\)/.test(t) || /^==\d+==ERROR: /.test(t) || /^(panic|fatal error|thread '.*' panicked)/.test(t) || /^#\d+ 0x[0-9a-f]+ in /.test(t) || /^SUMMARY: \w+Sanitizer/.test(t) || /^[\w.]+(Error|Exception): /.test(t) || /Segmentation fault/.test(t))) stack++;
    if (short && hasColon && /^[-*]?\s*\**(OS|Operating System|Version|Node(\.js)? version|npm version|Browser|Platform|Python version|Go version|Rust version|Device|Environment)\**\s*:/i.test(t)) versionLines++;
    if (short && fixesLine < 0 && /^(Fixes|Closes|Resolves|Fixed|Closed|Resolved|Refs|Related to):? +(#\d+|https:\/\/\S+\/(issues|pull)\/\d+|[\w.-]+\/[\w.-]+#\d+)/i.test(t)) fixesLine = i;
    if (short && /^State: \[(open|closed)\]/.test(t)) stateLine = i;
    if (i < doc.bodyStart + 10 && bugId < 0 && /^(#+\s*)?(BUG|ISSUE|ENH|FEAT|CVE)-\d+/.test(t)) bugId = i;
    if ((upper || c0 === 0x41c) && (short && /^(Moral|MORAL|The Moral|Application|Lehre|Morale|Moraleja|Мораль)\s*[:.]/.test(t) || /^(The moral|Moral:)/.test(t))) moral = i;
    if (i < 60 && /Project Gutenberg/.test(t) && gutenberg < 0) gutenberg = i;
  }

  // ---- whole-text counts (one tokenised pass, see words.ts) ----
  const text200 = doc.text.length > 200_000 ? doc.text.slice(0, 200_000) : doc.text;
  const etal = cnt(ws, 'et al');
  const numCites = countMatches(text200, /\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]/g);
  const ayCites = countMatches(text200, /\([A-Z][\p{L}'-]+(?: et al\.| (?:and|&) [A-Z][\p{L}'-]+)?,? (?:19|20)\d{2}[a-z]?[;)]/gu);
  const pandocCites = countMatches(text200, /\[-?@[\w:.-]+[;\]]/g);
  const doi = cnt(ws, 'doi') + countMatches(text200, /doi\.org\/|arxiv[:.]\d/gi);
  const paperPhr = PAPER_PHRASES.filter((p) => cnt(ws, p) > 0);
  let newsNon = sum(ws, NEWS_NON_LATIN_WORDS);
  if (/[\u0400-\u04ff\u0600-\u06ff\u3040-\u9fff]/.test(lower.slice(0, 4000))) newsNon += countMatches(lower.slice(0, 40_000), /(сообщил|заявил|отметил|по данным|по словам|по информации|сообщает|передает|говорится|корреспондент|агентств|به گزارش|خبرگزاری|گفت|によると|と述べ|报道|记者|新华社)/g);
  const said = sum(ws, SAID);
  const officials = sum(ws, OFFICIALS);
  const weekdays = sum(ws, WEEKDAYS);
  // the alternation has no common prefix: run it only when one of its literals occurs
  const credits =
    text200.includes('©') || text200.includes('Photo') || text200.includes('AFP') || text200.includes('Getty Images') || text200.includes('(AP)') || text200.includes('Associated Press') || text200.includes('(Reuters)')
      ? countMatches(text200, /©|\(Photo|Photo:|\/ ?AFP|Getty Images|\(AP\)|Associated Press|\(Reuters\)/g)
      : 0;
  const pron3 = sum(ws, PRON3);
  const pron1 = sum(ws, PRON1);
  const we = sum(ws, ['we', 'our', 'us']);
  const you = sum(ws, ['you', 'your']);
  const speechVerbs = sum(ws, SPEECH);
  const past = sum(ws, PAST);
  const bugWords = sum(ws, BUG_WORDS);
  const inlineCode = countMatches(text200, /`[^`\n]{1,80}`/g);
  const imperative = sum(ws, IMPERATIVE);
  const encyclopedic = sum(ws, ENCYCLOPEDIC);
  const jpQuotes = countMatches(doc.text.slice(0, 100_000), /「/g);
  // quotation marks outside code fences (counted in the line pass)
  const digitRate = rate(ws.digits, W);
  const sample = lower.length > 20_000 ? lower.slice(0, 20_000) : lower;
  const W1k = (n: number): number => rate(n, W);

  // ---- spec ----
  {
    const ev: string[] = [];
    let s = 0;
    const kw = mustCount + (mustCount >= 2 ? mayCount : 0);
    if (kw >= 3) {
      s += cap(1.5 + kw * 0.1 + W1k(kw) / 2.5, 6);
      ev.push(`${kw} RFC 2119 keywords (${W1k(kw).toFixed(1)} per 1,000 words)`);
    } else if (kw > 0) s += kw * 0.3;
    if ((lower.includes('rfc 2119') || lower.includes('rfc2119') || lower.includes('bcp 14') || lower.includes('bcp14')) && (cnt(ws, 'key words') > 0 || cnt(ws, 'keywords') > 0)) {
      s += 3;
      ev.push('RFC 2119 / BCP 14 boilerplate');
    }
    if (rfcHeader >= 1) {
      s += cap(rfcHeader * 1.5, 5);
      ev.push(`RFC header or memo lines (${lineLabel(doc, rfcHeaderLine)})`);
      S.sub('spec', 'rfc');
    }
    if (numberedHeads >= 3) {
      s += cap(numberedHeads / 5, 2);
      ev.push(`${numberedHeads} numbered section headings`);
    }
    if (abnf >= 3) {
      s += cap(abnf / 4, 2);
      ev.push(`${abnf} grammar rules (ABNF/BNF)`);
    }
    if (specSections.size >= 2) {
      s += cap(specSections.size * 0.7, 3.5);
      ev.push(`proposal/spec sections: ${[...specSections].slice(0, 4).join(', ')}`);
    }
    const modalN = sum(ws, ['must', 'shall', 'must not', 'required to']);
    const modal = W1k(modalN);
    if (modal >= 3 && modalN >= 4) {
      s += cap((modal - 2) / 1.2, 4);
      ev.push(`normative "must"/"shall" (${modal.toFixed(1)} per 1,000 words)`);
    }
    if (proposalHeaders >= 3) {
      s += 6;
      ev.push(`${proposalHeaders} RFC/PEP-style header fields`);
      S.sub('spec', 'proposal');
    }
    if (sum(ws, NORMATIVE) > 0) {
      s += 1;
      ev.push('normative wording ("this specification…")');
    }
    if (s > 0) {
      S.add('spec', s);
      S.get('spec').ev.push(...ev);
    }
  }

  // ---- docs ----
  {
    const ev: string[] = [];
    let s = 0;
    if (headings >= 2 && doc.fenceCount >= 1) {
      s += cap(0.8 + doc.fenceCount * 0.4, 2.5);
      ev.push(`${headings} headings and ${doc.fenceCount} fenced code blocks`);
    } else if (headings >= 3) s += 0.8;
    if (docsHeads.size) {
      s += cap(docsHeads.size * 0.6, 3);
      ev.push(`documentation sections: ${[...docsHeads].slice(0, 4).join(', ')}`);
    }
    if (installCmds) {
      s += cap(installCmds * 0.8, 2.5);
      ev.push(`${installCmds} install/run commands`);
    }
    if (badges) {
      s += 1.5;
      ev.push(`${badges} badge lines`);
    }
    if (tables) s += cap(tables * 0.5, 1.5);
    if (tasks >= 2) {
      s += cap(1 + tasks * 0.5, 3.5);
      ev.push(`${tasks} task-list items`);
    }
    if (roff >= 3) {
      s += 6;
      ev.push(`${roff} man-page (roff) macros (.TH, .SH…)`);
      S.sub('docs', 'manpage');
    }
    if (policyTitle >= 0) {
      s += 3;
      ev.push(`project policy page (${lineLabel(doc, policyTitle)})`);
      S.sub('docs', 'policy');
    }
    if (adr >= 3) {
      s += 4;
      ev.push('ADR sections (Status, Context, Decision…)');
      S.sub('docs', 'adr');
    }
    const ic = W1k(inlineCode);
    if (ic >= 5) {
      s += cap(ic / 12, headings >= 2 ? 2 : 0.8);
      ev.push(`${inlineCode} inline code spans`);
    }
    const sw = W1k(sum(ws, SOFTWARE_WORDS));
    if (sw >= 12) {
      s += cap(sw / 15, 2);
      ev.push(`software vocabulary (${sw.toFixed(0)} per 1,000 words)`);
    }
    const imp = W1k(imperative + you * 0.3);
    if (imp >= 4) s += cap(imp / 10, 1.5);
    if (listItems >= 5 && headings >= 2) s += cap(listItems / 20, 1);
    // Without documentation structure, software words and inline code only say what a text is about:
    // a one-heading note in the first person is prose.
    const structured = headings >= 2 || docsHeads.size > 0 || badges > 0 || tasks >= 2 || adr >= 3 || roff >= 3 || policyTitle >= 0 || installCmds > 0 || tables > 0;
    if (!structured) s = Math.min(s, 3);
    if (s > 0) {
      S.add('docs', s);
      S.get('docs').ev.push(...ev);
      if (docsHeads.has('installation') || docsHeads.has('install') || badges) S.sub('docs', 'readme');
    }
  }

  // ---- paper ----
  {
    const ev: string[] = [];
    let s = 0;
    if (abstractLine >= 0) {
      s += 2;
      ev.push(`"Abstract" (${lineLabel(doc, abstractLine)})`);
    }
    if (refsLine >= 0) {
      s += 1.5;
      ev.push(`references section (${lineLabel(doc, refsLine)})`);
    }
    if (etal) {
      s += cap(etal * 0.4, 2);
      ev.push(`${etal} × "et al."`);
    }
    const cites = numCites + ayCites + pandocCites;
    const other = (abstractLine >= 0 ? 1 : 0) + (refsLine >= 0 ? 1 : 0) + (etal ? 1 : 0) + (doi ? 1 : 0) + (paperPhr.length >= 2 ? 1 : 0) + (paperHeads.size >= 2 ? 1 : 0);
    if (cites >= 2) {
      s += other >= 1 ? cap(1 + cites * 0.25, 3.5) : cap(cites * 0.1, 1);
      ev.push(`${cites} citations`);
    }
    if (doi) {
      s += cap(doi * 0.5, 1.5);
      ev.push(`${doi} DOI/arXiv ids`);
    }
    if (paperPhr.length) {
      s += cap(paperPhr.length * 0.6, 3);
      ev.push(`academic phrases: ${paperPhr.slice(0, 3).map((p) => `"${p}"`).join(', ')}`);
    }
    if (paperHeads.size >= 2) {
      s += cap(paperHeads.size * 0.6, 3);
      ev.push(`paper sections: ${[...paperHeads].slice(0, 4).join(', ')}`);
    }
    if (structuredAbstract >= 3) {
      s += 5;
      ev.push(`structured abstract (${structuredAbstract} labelled parts)`);
      S.sub('paper', 'abstract');
    }
    const weRate = W1k(we);
    if (weRate > 12 && s > 1) s += 0.5;
    if (s > 0) {
      S.add('paper', s);
      S.get('paper').ev.push(...ev);
    }
  }

  // ---- issue ----
  {
    const ev: string[] = [];
    let s = 0;
    if (issueHeads.size) {
      s += cap(issueHeads.size * 1.3, 6);
      ev.push(`issue template sections: ${[...issueHeads].slice(0, 4).join(', ')}`);
    }
    if (stateLine >= 0) {
      s += 2.5;
      ev.push(`"State:" line (${lineLabel(doc, stateLine)})`);
    }
    if (bugId >= 0) {
      s += 2;
      ev.push(`tracker id in the title (${lineLabel(doc, bugId)})`);
    }
    if (prHeads.size >= 2 || (fixesLine >= 0 && prHeads.size >= 1)) {
      s += cap(2 + prHeads.size, 5) + (fixesLine >= 0 ? 1 : 0);
      ev.push(`pull-request sections: ${[...prHeads].slice(0, 4).join(', ')}${fixesLine >= 0 ? `; "Fixes #…" (${lineLabel(doc, fixesLine)})` : ''}`);
      S.sub('issue', 'pr');
    } else if (fixesLine >= 0) {
      s += 1.5;
      ev.push(`"Fixes #…" reference (${lineLabel(doc, fixesLine)})`);
    }
    if (stack) {
      s += cap(stack * 0.5, 2.5);
      ev.push(`${stack} stack-trace or sanitizer lines`);
    }
    if (versionLines) {
      s += cap(versionLines * 0.5, 1.5);
      ev.push(`${versionLines} version/OS lines`);
    }
    const ip = sum(ws, ISSUE_PHRASES);
    if (ip >= 2) {
      s += cap(ip * 0.5, 2.5);
      ev.push(`${ip} bug-report phrases ("to reproduce", "the issue"…)`);
    }
    const bw = W1k(bugWords);
    if (bw >= 4) {
      s += cap(bw / 6, 2.5);
      ev.push(`bug vocabulary (${bw.toFixed(0)} per 1,000 words)`);
    }
    if (s > 0) {
      S.add('issue', s);
      S.get('issue').ev.push(...ev);
      if (S.get('issue').subtype === null) S.sub('issue', issueHeads.has('is your feature request related to a problem') ? 'feature' : 'bug');
    }
  }

  // ---- news ----
  {
    const ev: string[] = [];
    let s = 0;
    if (dateline) {
      s += 3;
      ev.push(`dateline "${dateline}" (${lineLabel(doc, datelineLine)})`);
      if (/reuters|ap\b|afp|upi|xinhua/i.test(dateline)) S.sub('news', 'wire');
    }
    if (byline >= 0) {
      s += 1.5;
      ev.push(`byline (${lineLabel(doc, byline)})`);
    }
    if (pubLine >= 0) {
      s += 1.5;
      ev.push(`publication date line (${lineLabel(doc, pubLine)})`);
    }
    const sr = W1k(said + newsNon);
    const orr = W1k(officials);
    const wd = W1k(weekdays);
    // Reporting verbs count fully only beside news content (numbers, institutions, days): fiction says "said" too.
    const newsy = (orr >= 3 ? 1 : 0) + (digitRate >= 8 ? 1 : 0) + (wd >= 1 ? 1 : 0) + (dateline || byline >= 0 || pubLine >= 0 ? 1 : 0) + (newsNon >= 2 ? 1 : 0);
    if (sr >= 2) {
      s += cap(sr / 3, newsy >= 2 ? 3 : newsy === 1 ? 1.5 : 0.5);
      ev.push(`${said + newsNon} reporting verbs ("said", "according to"…; ${sr.toFixed(1)} per 1,000 words)`);
    }
    if (orr >= 3) {
      s += cap(orr / 6, 2.5);
      ev.push(`${officials} institutional/economic terms`);
    }
    if (wd >= 1) {
      s += cap(wd / 2, 1.5);
      ev.push(`${weekdays} day references ("on Tuesday"…)`);
    }
    if (digitRate >= 8 && sr >= 2 && newsy >= 2) {
      s += cap(digitRate / 15, 1.5);
      ev.push(`${ws.digits} numbers (${digitRate.toFixed(0)} per 1,000 words)`);
    }
    if (credits) {
      s += cap(credits * 0.7, 1.5);
      ev.push(`${credits} agency or photo credits`);
    }
    if (/press release|for immediate release|media contact/.test(sample.slice(0, 5000))) {
      s += 3;
      S.sub('news', 'press-release');
      ev.push('press-release wording');
    }
    if (headings >= 4 || doc.fenceCount > 0) s -= 1.5;
    if (s > 0) {
      S.add('news', s);
      S.get('news').ev.push(...ev);
    }
  }

  // ---- fiction ----
  {
    const ev: string[] = [];
    let s = 0;
    if (chapters) {
      s += cap(1.5 + chapters * 0.5, 4);
      ev.push(`${chapters} chapter/part headings (first at ${lineLabel(doc, chapterLine)})`);
    }
    if (gutenberg >= 0) {
      s += 1.5;
      ev.push(`Project Gutenberg header (${lineLabel(doc, gutenberg)})`);
    }
    if (playMarks >= 3) {
      s += cap(1 + playMarks * 0.3, 5);
      ev.push(`${playMarks} act/scene/stage-direction lines`);
      S.sub('fiction', 'play');
    }
    const dq = paras ? dialogueParas / paras : 0;
    if (dialogueParas >= 2 && dq >= 0.08) {
      s += cap(dq * 8, 3);
      ev.push(`${dialogueParas} of ${paras} paragraphs open with dialogue`);
    }
    const jq = rate(jpQuotes, W);
    if (jq >= 3) {
      s += cap(jq / 3, 3);
      ev.push(`${jpQuotes} 「」 dialogue quotes`);
    }
    const sv = W1k(speechVerbs);
    if (sv >= 1) {
      s += cap(sv / 1.5, 3);
      ev.push(`${speechVerbs} speech/gesture verbs ("she said", "cried"…)`);
    }
    const p3 = W1k(pron3);
    const pa = W1k(past);
    const qr = W1k(quoteMarks);
    if (qr >= 15 && digitRate < 10) {
      s += cap(qr / 20, 2);
      ev.push(`${quoteMarks} quotation marks (${qr.toFixed(0)} per 1,000 words)`);
    }
    if (p3 >= 20 && pa >= 15) {
      const literary = dialogueParas >= 2 || sv >= 1 || chapters > 0 || moral >= 0;
      s += cap((p3 - 15) / 10 + (pa - 10) / 15, literary && digitRate < 8 ? 2.5 : 1);
      ev.push(`third-person past-tense narration (${p3.toFixed(0)} he/she, ${pa.toFixed(0)} past verbs per 1,000 words)`);
    } else if (pa >= 25 && W1k(pron1) >= 20) {
      s += 1;
    }
    // verse: short lines in stanzas, not a list, not code, not headings
    if (textLines >= 8 && shortLines >= textLines * 0.85 && stanzaBreaks >= 2 && listItems < textLines * 0.2 && headings < 3 && doc.fenceCount === 0 && textLines / (stanzaBreaks + 1) <= 12) {
      const avg = textLines / (stanzaBreaks + 1);
      if (avg >= 2) {
        s += 3.5;
        ev.push(`verse: ${textLines} short lines in ${stanzaBreaks + 1} stanzas`);
        S.sub('fiction', 'poem');
      }
    }
    if (moral >= 0) {
      s += 2.5;
      ev.push(`moral line (${lineLabel(doc, moral)})`);
      S.sub('fiction', 'fable');
    }
    if (/\bonce upon a time\b|\bonce there (was|lived)\b|\bthere once (was|lived)\b/.test(sample.slice(0, 3000))) {
      s += 1.5;
      ev.push('"once upon a time" opening');
    }
    if (s > 0) {
      S.add('fiction', s);
      S.get('fiction').ev.push(...ev);
    }
  }

  // ---- prose (the fallback for paragraphs of text) ----
  {
    const ev: string[] = [];
    let s = 0;
    if (doc.proseWords >= 50) {
      s += 1.8;
      ev.push(`${doc.proseWords} words of prose with no stronger genre cues`);
    }
    if (paras && longParas / paras > 0.2) s += 0.7;
    const enc = W1k(encyclopedic);
    if (enc >= 4) {
      s += cap(enc / 6, 1.5);
      ev.push(`expository phrasing (${enc.toFixed(0)} per 1,000 words)`);
    }
    const p1 = W1k(pron1);
    if (p1 >= 10) {
      s += cap(p1 / 15, 1.5);
      ev.push(`first-person voice (${p1.toFixed(0)} per 1,000 words)`);
      S.sub('prose', 'essay');
    }
    if (recipeHeads >= 2) {
      s += 2;
      ev.push('recipe sections (ingredients, directions)');
    }
    if (s > 0) {
      S.add('prose', s);
      if (recipeHeads >= 2) S.sub('prose', 'recipe');
      S.get('prose').ev.push(...ev);
    }
  }
}

// ---------------------------------------------------------------------------

const PROSE_GENRES = new Set<KindId>(['spec', 'docs', 'paper', 'issue', 'news', 'prose', 'fiction', 'conversation']);

function finish(doc: Doc, S: Scores, st: State, pre: string[], totalBytes: number, truncated: boolean, sampleBytes: number): KindResult {
  const ranked = S.ranked();
  let kind: KindId = 'unknown';
  let subtype: string | null = null;
  let conf = 0;
  let runnerUp: KindResult['runnerUp'] = null;
  const evidence: string[] = [...pre];
  const best = ranked[0];
  const second = ranked[1];
  const s1 = best ? best[1].score : 0;
  const s2 = second ? second[1].score : 0;
  const tooShort = doc.proseWords < 50 && !st.structural && (best === undefined || PROSE_GENRES.has(best[0])) && s1 < 5;
  if (!best || s1 < 1.5 || tooShort) {
    kind = 'unknown';
    conf = 0;
    evidence.push(doc.proseWords < 50 ? `only ${doc.proseWords} words of prose and no structural signal` : 'no kind scored above its threshold');
    if (best) {
      runnerUp = { kind: best[0], confidence: Math.round(confidence(s1, 0) * 50) / 100 };
      evidence.push(...best[1].ev.slice(0, 3).map((e) => `${best[0]}?: ${e}`));
    }
  } else {
    kind = best[0];
    subtype = best[1].subtype;
    conf = confidence(s1, s2);
    evidence.push(...best[1].ev);
    if (second) runnerUp = { kind: second[0], confidence: runnerConfidence(s2, s1, conf) };
  }
  const lines = doc.lines.length;
  const words = doc.words;
  const scale = truncated && sampleBytes > 0 ? totalBytes / Math.max(doc.text.length, 1) : 1;
  if (nested > 0) {
    return { kind, subtype, confidence: conf, runnerUp, evidence, title: null, date: null, language: null, lines: doc.lines.length, words: doc.words, bundle: null };
  }
  const title = findTitle(doc, kind, st.fm, st.emailSubject, st.kv);
  const date = kind === 'code' || kind === 'data' || kind === 'bundle' ? null : findDate(doc, st.fm, st.emailDate);
  const proseLang = kind === 'code' || kind === 'data' || kind === 'bundle' ? 0 : st.proseWords;
  const language = detectLanguage(doc, kind, st.proseSample, proseLang, st.english);
  return {
    kind,
    subtype,
    confidence: conf,
    runnerUp,
    evidence,
    title: title || null,
    date,
    language,
    lines: truncated ? Math.round(lines * scale) : lines,
    words: truncated ? Math.round(words * scale) : words,
    bundle: kind === 'bundle' ? st.bundle : null,
  };
}
