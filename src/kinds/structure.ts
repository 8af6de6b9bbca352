/**
 * Structural detectors: email, diff, bundle markers, data formats, key/value
 * cards. Each looks at lines with anchored, linear-time patterns.
 */
import type { Doc } from './doc.js';
import { lineLabel, splitCount } from './doc.js';

// ---------- email ----------

const EMAIL_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version',
  'content-type', 'content-transfer-encoding', 'reply-to', 'delivered-to', 'in-reply-to', 'references',
  'sender', 'dkim-signature', 'authentication-results', 'x-mailer', 'user-agent', 'thread-topic', 'thread-index',
  'x-original-to', 'envelope-to', 'list-id', 'list-unsubscribe', 'precedence', 'importance', 'x-priority',
  'arc-seal', 'arc-message-signature', 'arc-authentication-results', 'received-spf', 'x-received', 'x-google-smtp-source',
  'content-language', 'accept-language', 'organization', 'errors-to', 'x-spam-status', 'x-spam-score', 'auto-submitted',
]);
const EMAIL_ANCHORS = new Set(['from', 'received', 'return-path', 'message-id', 'delivered-to', 'x-original-to', 'envelope-to']);

export interface EmailHit {
  mbox: boolean;
  fields: number;
  known: number;
  endLine: number;
  evidence: string[];
  subject: string | null;
  date: string | null;
}

export function detectEmail(doc: Doc): EmailHit | null {
  const { lines } = doc;
  let i = 0;
  while (i < lines.length && i < 3 && lines[i]!.trim() === '') i++;
  let mbox = false;
  const ev: string[] = [];
  if (/^From \S+ .*\d{4}$/.test(lines[i] ?? '') || /^From \S+@\S+/.test(lines[i] ?? '')) {
    mbox = true;
    ev.push(`mbox "From " line (${lineLabel(doc, i)})`);
    i++;
  }
  const start = i;
  let fields = 0;
  let known = 0;
  let anchor = false;
  let bad = 0;
  let subject: string | null = null;
  let date: string | null = null;
  const seen: string[] = [];
  for (; i < lines.length && i < start + 400; i++) {
    const l = lines[i]!;
    if (l.trim() === '') break;
    if (l.startsWith(' ') || l.startsWith('\t')) continue;
    const m = /^([A-Za-z][A-Za-z0-9-]{0,60}):(?:[ \t]|$)/.exec(l);
    if (!m) {
      bad++;
      if (bad > 1) break;
      continue;
    }
    fields++;
    const k = m[1]!.toLowerCase();
    if (EMAIL_HEADERS.has(k) || k.startsWith('x-')) {
      known++;
      if (seen.length < 4 && !seen.includes(m[1]!)) seen.push(m[1]!);
    }
    if (EMAIL_ANCHORS.has(k)) anchor = true;
    if (k === 'subject' && subject === null) subject = l.slice(m[0].length).trim();
    if (k === 'date' && date === null) date = l.slice(m[0].length).trim();
  }
  if (known < 3 || !anchor || bad > 1 || known < fields * 0.6) return null;
  ev.push(`header block of ${fields} fields (${seen.join(', ')}…) then a blank line (lines ${start + 1}–${i})`);
  return { mbox, fields, known, endLine: i, evidence: ev, subject, date };
}

// ---------- diff ----------

export interface DiffHit {
  files: Array<{ path: string; line: number; endLine: number; bytes: number }>;
  hunks: number;
  evidence: string[];
}

export function detectDiff(doc: Doc): DiffHit | null {
  const { lines } = doc;
  const files: DiffHit['files'] = [];
  let hunks = 0;
  let diffish = 0;
  let nonEmpty = 0;
  let firstHeader = -1;
  let lastMinus = '';
  let bytes = 0;
  let inHunk = false;
  let changes = 0;
  for (let i = 0; i < lines.length; i++) {
    if (doc.inFence[i]) continue;
    const l = lines[i]!;
    if (l.length === 0) continue;
    nonEmpty++;
    const c = l[0];
    if (l.startsWith('diff --git ')) {
      const bi = l.lastIndexOf(' b/');
      closeLast(files, i, bytes);
      bytes = 0;
      files.push({ path: bi >= 0 ? l.slice(bi + 3) : l.slice(11), line: i + 1, endLine: i + 1, bytes: 0 });
      if (firstHeader < 0) firstHeader = i;
      diffish++;
      inHunk = false;
      continue;
    }
    if (l.startsWith('--- ') && !inHunk) {
      lastMinus = l;
      diffish++;
      continue;
    }
    if (l.startsWith('+++ ') && lastMinus) {
      const prev = files[files.length - 1];
      if (!prev || prev.line < i - 6) {
        closeLast(files, i, bytes);
        bytes = 0;
        const p = l.slice(4).replace(/\t.*$/, '').replace(/^b\//, '');
        files.push({ path: p, line: i, endLine: i, bytes: 0 });
        if (firstHeader < 0) firstHeader = i - 1;
      }
      lastMinus = '';
      diffish++;
      continue;
    }
    lastMinus = '';
    if (/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/.test(l)) {
      hunks++;
      diffish++;
      inHunk = true;
      continue;
    }
    if (inHunk && (c === '+' || c === '-' || c === ' ' || c === '\\')) {
      diffish++;
      if (c !== ' ') changes++;
      bytes += l.length + 1;
      continue;
    }
    inHunk = false;
    if (l.startsWith('index ') || l.startsWith('new file mode') || l.startsWith('deleted file mode') || l.startsWith('similarity index') || l.startsWith('rename ')) diffish++;
  }
  closeLast(files, lines.length, bytes);
  if (files.length === 0 || hunks === 0 || changes === 0) return null;
  if (diffish < nonEmpty * 0.5) return null;
  const h = firstHeader >= 0 ? firstHeader : 0;
  return {
    files,
    hunks,
    evidence: [`${files.length} file${files.length === 1 ? '' : 's'} in a unified diff, ${hunks} hunks (first header ${lineLabel(doc, h)})`],
  };
}

function closeLast(files: DiffHit['files'], i: number, bytes: number): void {
  const f = files[files.length - 1];
  if (f && f.endLine === f.line) {
    f.endLine = Math.max(f.line, i);
    f.bytes = bytes;
  }
}

// ---------- bundle markers (fallback when the bundle parser does not recognise the text) ----------

export interface MarkerHit {
  dialect: string;
  count: number;
  evidence: string[];
}

export function detectBundleMarkers(doc: Doc): MarkerHit | null {
  const { lines } = doc;
  let txtar = 0;
  let eqFile = 0;
  let eq48 = 0;
  let xmlFile = 0;
  let mdFile = 0;
  let pathHeadFence = 0;
  let tree = 0;
  let firstLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('-- ') && l.endsWith(' --') && l.length >= 7 && !doc.inFence[i]) {
      txtar++;
      if (firstLine < 0) firstLine = i;
    } else if ((l.startsWith('File: ') || l.startsWith('FILE: ')) && /^={16,}$/.test(lines[i - 1] ?? '') && /^={16,}$/.test(lines[i + 1] ?? '')) {
      eqFile++;
      if ((lines[i - 1] ?? '').length === 48) eq48++;
      if (firstLine < 0) firstLine = i;
    } else if (l.startsWith('<file path="')) {
      xmlFile++;
      if (firstLine < 0) firstLine = i;
    } else if (/^#{2,4} File: \S/.test(l)) {
      mdFile++;
      if (firstLine < 0) firstLine = i;
    } else if (l.length < 300 && /^#{1,6} `?[\w./@-]+`?$/.test(l) && (l.includes('/') || l.includes('.')) && /\.[A-Za-z0-9]{1,8}`?$|\/`?$|^#{1,6} `?(Makefile|Dockerfile|LICENSE|README)/.test(l)) {
      // a heading naming a path, then a fence within 2 lines
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        if (/^(```|~~~)/.test(lines[k]!)) {
          pathHeadFence++;
          if (firstLine < 0) firstLine = i;
          break;
        }
      }
    }
    if (l.includes('├── ') || l.includes('└── ')) tree++;
  }
  const at = firstLine >= 0 ? ` (first at ${lineLabel(doc, firstLine)})` : '';
  if (eqFile >= 2) return { dialect: eq48 * 2 >= eqFile ? 'gitingest' : 'repomix-plain', count: eqFile, evidence: [`${eqFile} "=====" / "File: path" separators${at}`] };
  if (xmlFile >= 2) return { dialect: 'repomix-xml', count: xmlFile, evidence: [`${xmlFile} <file path="…"> blocks${at}`] };
  if (mdFile >= 2) return { dialect: 'repomix-markdown', count: mdFile, evidence: [`${mdFile} "## File: path" headings with fences${at}`] };
  if (txtar >= 2) return { dialect: 'txtar', count: txtar, evidence: [`${txtar} txtar "-- path --" markers${at}`] };
  if (pathHeadFence >= 3 || (pathHeadFence >= 2 && tree >= 3)) {
    const ev = [`${pathHeadFence} headings naming a file, each followed by a fenced block${at}`];
    if (tree >= 3) ev.push(`directory tree (${tree} ├──/└── lines)`);
    return { dialect: 'markdown-files', count: pathHeadFence, evidence: ev };
  }
  return null;
}

// ---------- data formats ----------

export interface DataHit {
  format: 'json' | 'jsonl' | 'yaml' | 'toml' | 'ini' | 'csv' | 'tsv' | 'xml';
  /** 0..1 how cleanly it parsed / matched. */
  strength: number;
  /** Most values are sentences: notes or a card written as key: value, not machine data. */
  prosey?: boolean;
  evidence: string[];
  /** key/value view for card decisions (top-level keys → values), when applicable. */
  kv: KvStats | null;
}

export interface KvStats {
  keys: string[];
  /** top-level key → first value (trimmed) */
  values: Map<string, string>;
  /** values (or block scalars) with human prose: ≥ 6 words and ≥ 40 chars */
  proseValues: number;
  lines: number;
  /** count of lines like `- key: value` / repeated keys at the same indent */
  repeatedKeyShare: number;
  sections: string[];
}

/** The first 600 non-empty body lines of a document, built once and shared by the detectors (read-only). */
const bodyCache = new WeakMap<Doc, Array<[number, string]>>();
const BODY_MAX = 600;

function nonEmptyBody(doc: Doc, max: number): Array<[number, string]> {
  let out = bodyCache.get(doc);
  if (!out) {
    out = [];
    for (let i = doc.bodyStart; i < doc.lines.length && out.length < BODY_MAX; i++) {
      const l = doc.lines[i]!;
      if (doc.trimmed[i] !== '') out.push([i, l]);
    }
    bodyCache.set(doc, out);
  }
  return max >= out.length ? out : out.slice(0, max);
}

function isProseValue(v: string): boolean {
  if (v.length < 40) return false;
  let words = 0;
  for (const w of v.split(/\s+/)) if (/^[\p{L}][\p{L}'’,.;:()-]*$/u.test(w)) words++;
  return words >= 6;
}

/** Split a delimited line, honouring double quotes. */
function splitDelimited(line: string, d: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (q && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else q = !q;
    } else if (c === d && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function detectDelimited(doc: Doc): DataHit | null {
  const rows = nonEmptyBody(doc, 40).filter(([, l]) => !l.startsWith('#'));
  if (rows.length < 3) return null;
  for (const [, l] of rows) if (l.length > 4000) return null;
  for (const d of ['\t', ',', ';']) {
    let withD = 0;
    for (const [, l] of rows) if (l.includes(d)) withD++;
    if (withD < rows.length * 0.9) continue;
    const counts = new Map<number, number>();
    let cells = 0;
    let cellChars = 0;
    let proseCells = 0;
    let numeric = 0;
    for (const [, l] of rows) {
      const f = splitDelimited(l, d);
      counts.set(f.length, (counts.get(f.length) ?? 0) + 1);
      for (const c of f) {
        cells++;
        cellChars += c.length;
        if (splitCount(c.trim(), 6) >= 6) proseCells++;
        if (/^\s*-?[\d.,]+([eE][-+]?\d+)?\s*$/.test(c) || /^\s*(NA|N\/A|null|)\s*$/.test(c)) numeric++;
      }
    }
    let mode = 0;
    let modeN = 0;
    for (const [k, n] of counts) if (n > modeN) [mode, modeN] = [k, n];
    if (mode < 2 || modeN < rows.length * 0.9) continue;
    const avg = cellChars / Math.max(cells, 1);
    const prosey = avg > 40 || proseCells > cells * 0.15;
    if (d === ',' && numeric < cells * 0.1 && mode < 3) continue;
    if (prosey && d !== ',' && d !== '\t') continue;
    const fmt = d === '\t' ? 'tsv' : 'csv';
    return {
      format: fmt,
      strength: (modeN / rows.length) * (prosey ? 0.6 : 1),
      evidence: [`${modeN} of the first ${rows.length} rows have ${mode} ${d === '\t' ? 'tab' : `"${d}"`}-separated fields${numeric > cells * 0.3 ? ', mostly numeric' : ''}${prosey ? '; many values are long prose' : ''}`],
      kv: null,
    };
  }
  return null;
}

const YAML_MAP = /^(\s*)(- )?([\w"'$@./-][^:#]{0,80}?):(\s|$)/;
const TOML_SECTION = /^\s*\[\[?[\w.\-" ]+\]\]?\s*(#.*)?$/;
const TOML_KV = /^\s*([\w.\-"]+)\s*=\s*(.*)$/;
const TOML_VALUE = /^("|'|\[|\{|true\b|false\b|-?\d|[+-]?inf\b|nan\b)/;

function kvStats(pairs: Array<[string, string, number]>, lines: number, sections: string[], blockProse: number, repeated: number): KvStats {
  const values = new Map<string, string>();
  let proseValues = blockProse;
  for (const [k, v, indent] of pairs) {
    if (indent === 0 && !values.has(k)) values.set(k, v);
    if (isProseValue(v)) proseValues++;
  }
  return { keys: [...values.keys()], values, proseValues, lines, repeatedKeyShare: pairs.length ? repeated / pairs.length : 0, sections };
}

function detectYaml(doc: Doc): DataHit | null {
  const rows = nonEmptyBody(doc, 600);
  if (rows.length < 3) return null;
  let ok = 0;
  let maps = 0;
  let top = 0;
  let considered = 0;
  let blockIndent = -1;
  let blockProseChars = 0;
  let blockProse = 0;
  const pairs: Array<[string, string, number]> = [];
  let wordy = 0;
  const keyCount = new Map<string, number>();
  for (const [, l] of rows) {
    const t = l.trim();
    if (t.startsWith('#') || t === '---' || t === '...') continue;
    // More than 10 misses before line 40: there fewer than 30 would match, and a shorter text
    // cannot reach an 85% share either. Stop now rather than at line 40.
    if (considered < 40 && considered - ok > 10) return null;
    considered++;
    if (considered === 40 && ok < 30) return null;
    const indent = l.length - l.trimStart().length;
    if (blockIndent >= 0) {
      if (indent > blockIndent) {
        ok++;
        blockProseChars += t.length;
        continue;
      }
      if (blockProseChars >= 40) blockProse++;
      blockIndent = -1;
      blockProseChars = 0;
    }
    const m = YAML_MAP.exec(l);
    if (m) {
      ok++;
      maps++;
      const key = m[3]!.replace(/^["']|["']$/g, '');
      const val = l.slice(m[0].length).trim();
      const ind = m[1]!.length + (m[2] ? 2 : 0);
      if (ind === 0) top++;
      pairs.push([key, val.replace(/^["']|["']$/g, ''), ind]);
      if (val.split(' ').length >= 4 && !/^[[{&*|>!]/.test(val)) wordy++;
      const ck = `${ind}:${key}`;
      keyCount.set(ck, (keyCount.get(ck) ?? 0) + 1);
      if (/^[|>][-+]?\d*$/.test(val)) blockIndent = indent;
      continue;
    }
    if (/^\s*- \S/.test(l) || /^\s*-$/.test(l)) {
      ok++;
      continue;
    }
    if (indent > 0 && /^[\s\w"'{[\]},.:/@$()*&!|>-]/.test(t) && !/[.!?]$/.test(t)) {
      // flow continuation / multi-line plain scalar
      ok += 0.5;
      continue;
    }
  }
  if (blockIndent >= 0 && blockProseChars >= 40) blockProse++;
  if (considered < 3 || maps < 3 || top < 1) return null;
  const share = ok / considered;
  if (share < 0.85) return null;
  let repeated = 0;
  for (const n of keyCount.values()) if (n > 1) repeated += n;
  const prosey = maps >= 4 && wordy >= maps * 0.5;
  return {
    format: 'yaml',
    strength: share,
    prosey,
    evidence: [`${Math.round(share * 100)}% of ${considered} lines are YAML mappings or list items${prosey ? '; most values are prose' : ''}`],
    kv: kvStats(pairs, considered, [], blockProse, repeated),
  };
}

function detectTomlIni(doc: Doc): DataHit | null {
  const rows = nonEmptyBody(doc, 600);
  let considered = 0;
  let sections = 0;
  let kvs = 0;
  let tomlVals = 0;
  let cont = 0;
  const secNames: string[] = [];
  const pairs: Array<[string, string, number]> = [];
  let inMultiline = false;
  for (const [, l] of rows) {
    const t = l.trim();
    if (t.startsWith('#') || t.startsWith(';')) continue;
    // more than 10 misses before line 40 can never pass (see detectYaml)
    if (considered < 40 && considered - (sections + kvs + cont) > 10) return null;
    considered++;
    if (considered === 40 && sections + kvs + cont < 30) return null;
    if (inMultiline) {
      cont++;
      if (/^[\]}]|"""|'''/.test(t) || t.endsWith(']')) inMultiline = false;
      continue;
    }
    if (TOML_SECTION.test(l)) {
      sections++;
      if (secNames.length < 20) secNames.push(t.replace(/^\[+|\]+.*$/g, '').toLowerCase());
      continue;
    }
    const m = TOML_KV.exec(l);
    if (m && !/^\s/.test(l)) {
      kvs++;
      const v = m[2]!.trim();
      if (TOML_VALUE.test(v)) tomlVals++;
      if ((v.startsWith('[') && !v.endsWith(']')) || v === '"""' || v.startsWith('"""') || (v.startsWith('{') && !v.endsWith('}'))) inMultiline = true;
      pairs.push([m[1]!.replace(/"/g, '').toLowerCase(), v.replace(/^["']|["']$/g, ''), 0]);
      continue;
    }
    if (/^\s+\S/.test(l)) {
      cont++;
      continue;
    }
  }
  if (kvs < 3 || considered < 4) return null;
  const share = (sections + kvs + cont * 0.8) / considered;
  if (share < 0.85 || (sections === 0 && kvs < 5)) return null;
  const toml = tomlVals >= kvs * 0.7;
  return {
    format: toml ? 'toml' : 'ini',
    strength: share,
    evidence: [`${sections} [section] headers and ${kvs} key = value lines${toml ? ' with typed values' : ''}`],
    kv: kvStats(pairs, considered, secNames, 0, 0),
  };
}

/** RFC 822-style records (R DESCRIPTION, Debian control, .desktop-less): `Key: value` with indented continuations. */
function detectDcf(doc: Doc): DataHit | null {
  const rows = nonEmptyBody(doc, 300);
  if (rows.length < 3) return null;
  let kvs = 0;
  let cont = 0;
  const pairs: Array<[string, string, number]> = [];
  let contChars = 0;
  let blockProse = 0;
  for (const [, l] of rows) {
    const m = /^([A-Z][A-Za-z0-9@._/-]{0,40}):[ \t]*(.*)$/.exec(l);
    if (m) {
      if (contChars >= 40) blockProse++;
      contChars = 0;
      kvs++;
      pairs.push([m[1]!.toLowerCase(), m[2]!, 0]);
      continue;
    }
    if (/^[ \t]+\S/.test(l)) {
      cont++;
      contChars += l.trim().length;
      continue;
    }
    return null;
  }
  if (contChars >= 40) blockProse++;
  if (kvs < 3) return null;
  return {
    format: 'yaml',
    strength: 1,
    evidence: [`${kvs} "Key: value" fields with ${cont} continuation lines`],
    kv: kvStats(pairs, rows.length, [], blockProse, 0),
  };
}

/** Remove // and /* *\/ comments outside strings, and trailing commas: JSONC to JSON. Linear. */
function stripJsonComments(t: string): string {
  let out = '';
  let i = 0;
  const n = t.length;
  while (i < n) {
    const c = t[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
      out += t.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && t[i + 1] === '/') {
      while (i < n && t[i] !== '\n') i++;
    } else if (c === '/' && t[i + 1] === '*') {
      const e = t.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < n && (t[j] === ' ' || t[j] === '\n' || t[j] === '\r' || t[j] === '\t')) j++;
      if (t[j] !== '}' && t[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function detectData(doc: Doc): DataHit | null {
  const t = doc.text;
  let s = 0;
  while (s < t.length && (t[s] === ' ' || t[s] === '\n' || t[s] === '\r' || t[s] === '\t' || t[s] === '\ufeff')) s++;
  const c = t[s];
  if (c === '{' || c === '[') {
    if (!doc.truncated) {
      try {
        JSON.parse(t);
        return { format: 'json', strength: 1, evidence: ['parses as JSON'], kv: null };
      } catch {
        /* fall through */
      }
    }
    if (!doc.truncated && t.length < 1_000_000 && (t.includes('//') || t.includes('/*') || /,\s*[}\]]/.test(t))) {
      const stripped = stripJsonComments(t);
      try {
        JSON.parse(stripped);
        return { format: 'json', strength: 0.95, evidence: ['parses as JSON with comments or trailing commas (JSONC)'], kv: null };
      } catch {
        /* not JSONC either */
      }
    }
    const rows = nonEmptyBody(doc, 50);
    let jl = 0;
    for (const [, l] of rows) {
      try {
        const v: unknown = JSON.parse(l);
        if (typeof v === 'object' && v !== null) jl++;
      } catch {
        /* not a JSON line */
      }
    }
    if (rows.length >= 2 && jl >= rows.length * 0.9) return { format: 'jsonl', strength: 1, evidence: [`${jl} of ${rows.length} lines parse as JSON values`], kv: null };
    if (doc.truncated) {
      let jsonish = 0;
      for (const [, l] of rows) if (/^\s*("[^"]*"\s*:|[{}\][],?\s*$)/.test(l)) jsonish++;
      if (jsonish >= rows.length * 0.7) return { format: 'json', strength: 0.8, evidence: ['JSON syntax in the first and last 64 KiB'], kv: null };
    }
  }
  if (c === '<') {
    const head = t.slice(s, s + 200).toLowerCase();
    if (!head.startsWith('<!doctype html') && !head.startsWith('<html')) {
      const rows = nonEmptyBody(doc, 200);
      let tagLines = 0;
      for (const [, l] of rows) if (/^\s*<[/?!\w]/.test(l) || /^[^<]*<\/[\w:.-]+>\s*$/.test(l)) tagLines++;
      if (head.startsWith('<?xml') || tagLines >= rows.length * 0.6) {
        return { format: 'xml', strength: tagLines / Math.max(rows.length, 1), evidence: [head.startsWith('<?xml') ? 'XML declaration (line 1)' : `${tagLines} of ${rows.length} lines are XML tags`], kv: null };
      }
    }
  }
  return detectDelimited(doc) ?? detectTomlIni(doc) ?? detectDcf(doc) ?? detectYaml(doc);
}
