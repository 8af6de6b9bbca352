// Synthetic seed repositories for the benchmark (and the fuzz/smoke tests).
// Everything is deterministic (seeded PRNG) and written by us: never copies
// of real-world files. Seeds are valid UTF-8, LF line endings, no hidden
// characters, with correct names and an INDEX.md whose Bytes and SHA-256
// columns match, so a correct checker reports nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  return next;
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were ' +
  'one all we can her has there been if more when will would who so no she other its may these about than into after ' +
  'first also new some could time two then them over only most made between many before must through back years where ' +
  'much your well down should because each just those people how too little state good very make world still own see ' +
  'men work long here get both under never being same another know while last might great old year off come since ' +
  'against go came right used take three himself few house use during without again place around however home small ' +
  'found thought went say part once general high upon school every does got united left number course war until always ' +
  'away something fact though water less public put think almost hand enough far took head yet government system better ' +
  'set told nothing night end why called eyes find going look asked later knew point next program city business give ' +
  'group toward young days let room president side social given present several order national possible rather second ' +
  'face per among form important often things looked early white case john become large big need four within felt along ' +
  'children saw best church ever least power development light thing seemed family interest want members mind country ' +
  'area others done turned although open problem whole certain kind began thus help means door sense towards matter ' +
  'garden river café naïve façade résumé'
).split(' ');
const NAMES = ['Alice Martin', 'Bruno Keller', 'Chiara Rossi', 'Dmitri Volkov', 'Emeka Obi', 'Fatima Zahra', 'Gustav Lind', 'Hana Sato', 'Ines Duarte', 'Jonas Berg'];
const CITIES = ['GENEVA', 'NAIROBI', 'LIMA', 'OSLO', 'MANILA', 'LYON', 'PORTO', 'QUEBEC'];

function sentence(r, min = 6, max = 18) {
  const n = min + r.int(max - min);
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
function paragraph(r, n = 4 + r.int(4)) {
  const s = [];
  for (let i = 0; i < n; i++) s.push(sentence(r));
  return wrap(s.join(' '));
}
function wrap(text, width = 76) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? line + ' ' + w : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}
function title(r) {
  const w = [];
  for (let i = 0; i < 3 + r.int(4); i++) w.push(r.pick(WORDS));
  return w.map((x) => x[0].toUpperCase() + x.slice(1)).join(' ');
}
function fill(parts, target, more) {
  let size = 0;
  for (const p of parts) size += Buffer.byteLength(p) + 1;
  while (size < target) {
    const p = more();
    parts.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  return parts.join('\n') + '\n';
}

/** Generators: (r, targetBytes) → { text, kind, ext, title }. */
export const GENERATORS = {
  prose(r, target) {
    const t = title(r);
    return { ext: 'md', kind: 'prose', title: t, text: fill([`# ${t}`, ''], target, () => paragraph(r) + '\n') };
  },
  news(r, target) {
    const t = title(r);
    const city = r.pick(CITIES);
    const parts = [t, '', `By ${r.pick(NAMES)}`, `March ${1 + r.int(28)}, 2024`, ''];
    parts.push(`${city} (Reuters) — ${sentence(r, 12, 20)}`, '');
    return {
      ext: 'txt',
      kind: 'news',
      title: t,
      text: fill(parts, target, () => {
        const who = r.pick(NAMES);
        return r() < 0.5
          ? wrap(`"${sentence(r)}" said ${who}, a spokesperson for the ministry. ${sentence(r)}`) + '\n'
          : wrap(`${sentence(r)} According to ${who}, ${sentence(r).toLowerCase()}`) + '\n';
      }),
    };
  },
  spec(r, target) {
    const t = title(r);
    const parts = [`# ${t} Protocol`, '', '## Status of This Memo', '', paragraph(r, 2), ''];
    let sec = 1;
    return {
      ext: 'md',
      kind: 'spec',
      title: `${t} Protocol`,
      text: fill(parts, target, () => {
        const s = sec++;
        return [
          `## ${s}. ${title(r)}`,
          '',
          wrap(`The client MUST send ${r.pick(WORDS)} before ${r.pick(WORDS)}. A server SHOULD reject a request that is ${r.pick(WORDS)}. ${sentence(r)}`),
          '',
          wrap(`${s}.1. An implementation MAY cache the ${r.pick(WORDS)} value; it MUST NOT reuse it after the session ends. ${sentence(r)}`),
          '',
        ].join('\n');
      }),
    };
  },
  card(r) {
    const t = title(r);
    const lines = [
      `name: ${t.toLowerCase().replace(/ /g, '-')}`,
      `title: ${t}`,
      `summary: ${sentence(r, 12, 20)}`,
      `audience: ${sentence(r, 6, 10)}`,
      `language: TypeScript`,
      `license: MIT`,
      `status: draft`,
      `goals: ${sentence(r, 14, 24)}`,
    ];
    return { ext: 'txt', kind: 'card', title: t, text: lines.join('\n') + '\n' };
  },
  code(r, target) {
    const parts = ['#!/usr/bin/env python3', '"""Synthetic module for the seedcheck benchmark."""', '', 'import os', 'import sys', 'from dataclasses import dataclass', ''];
    let n = 0;
    return {
      ext: 'py',
      kind: 'code',
      title: 'bench module',
      text: fill(parts, target, () => {
        const f = `${r.pick(WORDS)}_${n++}`.replace(/[^a-z0-9_]/g, 'x');
        return [
          '',
          `def ${f}(items, limit=${r.int(100)}):`,
          `    """${sentence(r)}"""`,
          '    total = 0',
          '    for i, item in enumerate(items):',
          '        if i >= limit:',
          '            break',
          `        total += len(str(item)) * ${1 + r.int(9)}`,
          '    return total',
          '',
          '',
          '@dataclass',
          `class ${f[0].toUpperCase()}${f.slice(1).replace(/_/g, '')}:`,
          '    name: str',
          `    size: int = ${r.int(1000)}`,
          '',
        ].join('\n');
      }),
    };
  },
  data(r, target) {
    const rows = [];
    let size = 2;
    let id = 0;
    while (size < target) {
      const row = JSON.stringify({ id: id++, name: r.pick(NAMES), city: r.pick(CITIES), score: r.int(1000) / 10, active: r() < 0.5 });
      rows.push('  ' + row);
      size += row.length + 4;
    }
    return { ext: 'json', kind: 'data', title: 'records', text: '[\n' + rows.join(',\n') + '\n]\n' };
  },
  csv(r, target) {
    return {
      ext: 'csv',
      kind: 'data',
      title: 'table',
      text: fill(['id,name,city,score,active'], target, () => `${r.int(1e6)},${r.pick(NAMES)},${r.pick(CITIES)},${r.int(1000) / 10},${r() < 0.5}`),
    };
  },
  bundle(r, target) {
    const files = [];
    let size = 0;
    let i = 0;
    while (size < target) {
      const body = GENERATORS.code(r, Math.min(4000, target)).text;
      files.push({ path: `src/mod_${i++}.py`, content: body });
      size += body.length + 120;
    }
    return { ext: 'txt', kind: 'bundle', title: 'bundle', text: formatCanonical(files) };
  },
};

const MIX = ['prose', 'news', 'spec', 'card', 'code', 'data', 'csv', 'bundle', 'prose', 'news'];

/** Canonical bundle (SPEC §4.1) with size and sha256 on every block; paths are bare; contents never start with "=== ". */
export function formatCanonical(files) {
  const out = ['=== BUNDLE v1 ===\n'];
  for (const f of files) {
    const bytes = Buffer.from(f.content);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const noeol = bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a;
    out.push(`=== BEGIN ${f.path}${noeol ? ' noeol' : ''} size=${bytes.length} sha256=${sha} ===\n`);
    out.push(f.content);
    if (noeol) out.push('\n');
    out.push(`=== END ${f.path} ===\n`);
  }
  out.push(`=== BUNDLE-END count=${files.length} ===\n`);
  return out.join('');
}

/** A canonical bundle text of about `bytes` bytes, in memory (for parse timing). */
export function bundleText(bytes, seed = 7) {
  return GENERATORS.bundle(rng(seed), bytes).text;
}

function hex16(r) {
  let s = '';
  for (let i = 0; i < 16; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
}

function indexMd(rows) {
  const out = ['# Seeds', '', 'Synthetic seeds generated by `npm run bench`.', '', '| # | Seed | Kind | Title | Bytes | SHA-256 |', '|---|------|------|-------|-------|---------|'];
  for (const row of rows) {
    out.push(`| ${row.ordinal} | [${row.name}](${row.name}) | ${row.kind} | ${row.title} | ${row.bytes} | ${row.sha256} |`);
  }
  return out.join('\n') + '\n';
}

/**
 * Writes `<dir>/seeds/` with `count` seeds of mixed kinds of about `seedBytes`
 * each (cycling through the generator names in `kinds`), plus INDEX.md. `classify` (optional: the built classifier) decides the
 * Kind column so that a correct run has no kind-mismatch warnings.
 * Returns { dir, seeds, bytes }.
 */
export function writeRepo(dir, { count, seedBytes = 20_000, seed = 1, classify, config, kinds = MIX } = {}) {
  const seedsDir = join(dir, 'seeds');
  mkdirSync(seedsDir, { recursive: true });
  const r = rng(seed);
  const rows = [];
  const ids = new Set();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const gen = kinds[i % kinds.length];
    const target = Math.max(500, Math.round(seedBytes * (0.6 + 0.8 * r())));
    const g = GENERATORS[gen](r, target);
    let id;
    do id = hex16(r);
    while (ids.has(id));
    ids.add(id);
    const name = `${String(i).padStart(3, '0')}_${id}.${g.ext}`;
    const bytes = Buffer.from(g.text);
    writeFileSync(join(seedsDir, name), bytes);
    total += bytes.length;
    rows.push({ ordinal: String(i).padStart(3, '0'), name, kind: kindOf(classify, bytes, name, g.kind), title: g.title.replace(/\|/g, '-'), bytes: bytes.length, sha256: sha256(bytes) });
  }
  writeFileSync(join(seedsDir, 'INDEX.md'), indexMd(rows));
  if (config) writeFileSync(join(dir, 'seedcheck.config.json'), JSON.stringify(config, null, 2) + '\n');
  return { dir, seeds: count, bytes: total };
}

/**
 * Writes a repository with one big seed built by streaming `chunk()` until
 * `bytes`, hashing as it goes (never holding the file in memory).
 */
export function writeBigSeedRepo(dir, { bytes, kind = 'prose', ext = 'md', chunk, classify, head }) {
  const seedsDir = join(dir, 'seeds');
  mkdirSync(seedsDir, { recursive: true });
  const name = `000_${'00c0ffee'.repeat(2)}.${ext}`;
  const path = join(seedsDir, name);
  const fd = openSync(path, 'w');
  const h = createHash('sha256');
  let written = 0;
  let first = null;
  try {
    while (written < bytes) {
      const buf = Buffer.from(chunk(written, bytes));
      writeSync(fd, buf);
      h.update(buf);
      if (!first) first = buf.subarray(0, 65536);
      written += buf.length;
    }
  } finally {
    closeSync(fd);
  }
  const decl = kindOf(classify, first, name, kind, written);
  writeFileSync(
    join(seedsDir, 'INDEX.md'),
    indexMd([{ ordinal: '000', name, kind: decl, title: head ?? 'big seed', bytes: written, sha256: h.digest('hex') }]),
  );
  writeFileSync(join(dir, 'seedcheck.config.json'), JSON.stringify({ maxSeedBytes: Math.max(bytes * 2, 16 << 20) }, null, 2) + '\n');
  return { dir, seeds: 1, bytes: written };
}

function kindOf(classify, bytes, name, fallback, totalBytes) {
  if (!classify) return fallback;
  try {
    const k = classify(bytes, name, totalBytes ? { totalBytes } : {});
    if (!k || k.kind === 'unknown' || k.kind === 'empty') return fallback;
    return k.subtype && k.kind !== 'binary' ? `${k.kind}` : k.kind;
  } catch {
    return fallback;
  }
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Chunk source for a big canonical bundle: header once, ~1 MiB of blocks per call, trailer last. */
export function bundleChunks(seed = 5) {
  const r = rng(seed);
  let count = 0;
  return (written, total) => {
    const files = [];
    let n = 0;
    while (n < 1 << 20 && written + n < total) {
      const body = GENERATORS.code(r, 4000).text;
      files.push({ path: `src/pkg${count >> 8}/mod_${count}.py`, content: body });
      count++;
      n += body.length + 130;
    }
    let text = formatCanonical(files);
    const head = '=== BUNDLE v1 ===\n';
    text = text.slice(head.length, text.lastIndexOf('=== BUNDLE-END'));
    if (written === 0) text = head + text;
    if (written + n >= total) text += `=== BUNDLE-END count=${count} ===\n`;
    return text;
  };
}

/** Chunk source for the 200 MB prose seed: paragraphs, ~1 MiB per call. */
export function proseChunks(seed = 3) {
  const r = rng(seed);
  return (written) => {
    const parts = written === 0 ? ['# A very long seed', ''] : [];
    let n = 0;
    while (n < 1 << 20) {
      const p = paragraph(r) + '\n';
      parts.push(p);
      n += p.length + 1;
    }
    return parts.join('\n') + '\n';
  };
}
