/**
 * Helpers for the CI-format tests: build a Report from findings, validate
 * SARIF against the official 2.1.0 schema, check XML well-formedness, and
 * parse GitHub workflow commands the way the runner does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Report, SeedEntry } from '../../src/report/model.js';
import type { Diagnostic, Finding } from '../../src/report/types.js';
import { finalize } from '../../src/report/finalize.js';
import type { FormatContext } from '../../src/report/formats/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');

export function seedEntry(path: string, extra: Partial<SeedEntry> = {}): SeedEntry {
  const name = path.split('/').pop() ?? path;
  const m = /^(\d+)_([0-9a-f]{16})\./.exec(name);
  return {
    path,
    ordinal: m ? Number(m[1]) : null,
    id: m ? m[2]! : null,
    bytes: 10,
    sha256: '0'.repeat(64),
    lines: 1,
    words: 2,
    kind: 'prose',
    subtype: null,
    confidence: 0.5,
    runnerUp: null,
    evidence: [],
    title: null,
    date: null,
    language: null,
    bundle: null,
    ...extra,
  };
}

export function makeReport(opts: { seeds?: SeedEntry[]; findings?: Finding[]; diagnostics?: Diagnostic[]; seedsDir?: string } = {}): Report {
  const diagnostics = opts.diagnostics ?? finalize(opts.findings ?? []);
  const seeds = opts.seeds ?? [];
  const kinds: Record<string, number> = {};
  for (const s of seeds) if (s.kind) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
  return {
    version: 1,
    tool: { name: 'seedcheck', version: '0.1.0' },
    root: '.',
    seedsDir: opts.seedsDir ?? 'seeds',
    summary: {
      seeds: seeds.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      kinds,
    },
    seeds,
    diagnostics,
  };
}

export function ctx(extra: Partial<FormatContext> = {}): FormatContext {
  return { color: false, cwd: REPO, env: {}, verbose: false, quiet: false, maxWarnings: -1, exitCode: 0, ...extra };
}

/** Where the shared SARIF schema lives (env SEEDCHECK_SHARED, else ../shared). */
export function sarifSchemaPath(): string | null {
  const shared = process.env.SEEDCHECK_SHARED ?? resolve(REPO, '../shared');
  const p = resolve(shared, 'schemas/sarif-2.1.0.json');
  return existsSync(p) ? p : null;
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validate | null | undefined;

/** A validator for SARIF 2.1.0 (ajv draft-07 + ajv-formats), or null when the schema is absent. */
export function sarifValidator(): Validate | null {
  if (validator !== undefined) return validator;
  const p = sarifSchemaPath();
  if (!p) return (validator = null);
  const require = createRequire(import.meta.url);
  const AjvMod = require('ajv');
  const Ajv = AjvMod.default ?? AjvMod;
  const fmtMod = require('ajv-formats');
  const addFormats = fmtMod.default ?? fmtMod;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  validator = ajv.compile(JSON.parse(readFileSync(p, 'utf8'))) as Validate;
  return validator;
}

/** Throws with the ajv errors when the log is not valid SARIF 2.1.0. Returns false when skipped. */
export function assertValidSarif(log: unknown): boolean {
  const v = sarifValidator();
  if (!v) {
    console.warn('skipped SARIF schema validation: ../shared/schemas/sarif-2.1.0.json not found (set SEEDCHECK_SHARED)');
    return false;
  }
  if (!v(log)) throw new Error('invalid SARIF: ' + JSON.stringify(v.errors, null, 2));
  return true;
}

/**
 * A small strict XML 1.0 well-formedness checker: one root element, properly
 * nested and closed tags, quoted unique attributes, only the five predefined
 * entities and numeric references (to legal characters), no illegal chars.
 * Returns the parsed tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;

function legalChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function decodeEntities(s: string, where: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '<') throw new Error(`'<' in ${where}`);
    if (c !== '&') {
      out += c;
      i++;
      continue;
    }
    const end = s.indexOf(';', i);
    if (end < 0) throw new Error(`unterminated reference in ${where}`);
    const ref = s.slice(i + 1, end);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) out += named[ref];
    else if (/^#[0-9]+$/.test(ref) || /^#x[0-9a-fA-F]+$/.test(ref)) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!legalChar(cp)) throw new Error(`reference to illegal character ${cp} in ${where}`);
      out += String.fromCodePoint(cp);
    } else throw new Error(`unknown entity &${ref}; in ${where}`);
    i = end + 1;
  }
  return out;
}

export function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    if (!legalChar(ch.codePointAt(0)!)) throw new Error(`illegal XML character U+${ch.codePointAt(0)!.toString(16)}`);
  }
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const ws = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  while (i < xml.length) {
    if (stack.length === 0) {
      ws();
      if (i >= xml.length) break;
      if (root) throw new Error('content after the root element');
    }
    if (xml[i] === '<') {
      if (xml.startsWith('</', i)) {
        const m = NAME.exec(xml.slice(i + 2));
        if (!m) throw new Error('bad end tag');
        const top = stack.pop();
        if (!top || top.name !== m[0]) throw new Error(`mismatched end tag </${m[0]}>`);
        i += 2 + m[0].length;
        ws();
        if (xml[i] !== '>') throw new Error('bad end tag');
        i++;
        if (stack.length === 0) root = top;
        continue;
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
        continue;
      }
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) throw new Error(`bad start tag at ${i}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
      i += 1 + m[0].length;
      for (;;) {
        const before = i;
        ws();
        if (xml.startsWith('/>', i)) {
          i += 2;
          if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
          else root = el;
          break;
        }
        if (xml[i] === '>') {
          i++;
          if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
          stack.push(el);
          break;
        }
        if (i === before) throw new Error(`expected whitespace before attribute in <${el.name}>`);
        const an = NAME.exec(xml.slice(i));
        if (!an) throw new Error(`bad attribute in <${el.name}>`);
        i += an[0].length;
        ws();
        if (xml[i] !== '=') throw new Error('attribute without =');
        i++;
        ws();
        const q = xml[i];
        if (q !== '"' && q !== "'") throw new Error('unquoted attribute');
        const end = xml.indexOf(q, i + 1);
        if (end < 0) throw new Error('unterminated attribute');
        if (an[0] in el.attrs) throw new Error(`duplicate attribute ${an[0]}`);
        el.attrs[an[0]] = decodeEntities(xml.slice(i + 1, end), `attribute ${an[0]}`);
        i = end + 1;
      }
    } else {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      if (raw.includes(']]>')) throw new Error("']]>' in text");
      if (stack.length === 0) throw new Error('text outside the root element');
      stack[stack.length - 1]!.text += decodeEntities(raw, 'text');
      i = end < 0 ? xml.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/**
 * Parse stdout as the GitHub runner does: a line whose trimmed text starts
 * with `::` is a command `::name props::data`. Returns the commands with
 * properties and data unescaped (toolkit rules).
 */
export interface WorkflowCommand {
  name: string;
  props: Record<string, string>;
  data: string;
}

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) =>
  s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%');

export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const rawLine of stdout.split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const head = line.slice(2, end);
    const data = line.slice(end + 2);
    const sp = head.indexOf(' ');
    const name = sp < 0 ? head : head.slice(0, sp);
    const props: Record<string, string> = {};
    if (sp >= 0) {
      for (const kv of head.slice(sp + 1).split(',')) {
        const eq = kv.indexOf('=');
        if (eq > 0) props[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
      }
    }
    out.push({ name: name.toLowerCase(), props, data: unescapeData(data) });
  }
  return out;
}
