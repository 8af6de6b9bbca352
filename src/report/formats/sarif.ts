/**
 * SARIF 2.1.0 output for GitHub code scanning and other SARIF consumers.
 *
 * - One run; `tool.driver.rules` lists every rule of the registry (so
 *   `ruleIndex` is stable between runs) with both descriptions, help text
 *   and markdown, the docs URL and the default level.
 * - Results carry the effective level, the message, a repo-relative
 *   location (`uriBaseId: %SRCROOT%`, columns in UTF-16 code units) and a
 *   `partialFingerprints` entry that does not depend on the line number:
 *   a hash of the rule id, the file and the line's text (when the seed text
 *   is in memory) or the finding's data (line-number fields removed) or its
 *   message, plus an occurrence counter for identical findings in a file.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../model.js';
import type { FormatContext } from './index.js';
import { RULES, ruleDocsUrl, type RuleId, type RuleMeta } from '../rules.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/seedcheck/seedcheck';
/** The key under which seedcheck puts its own fingerprint. */
export const FINGERPRINT_KEY = 'seedcheckFindingHash/v1';

type Diagnostic = Report['diagnostics'][number];

/** `index/digest-mismatch` → `IndexDigestMismatch`. */
export function pascalName(id: string): string {
  return id
    .split(/[/-]/)
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/** A repo-relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function fence(text: string): string {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return '`'.repeat(Math.max(3, longest + 1));
}

function ruleDescriptor(meta: RuleMeta) {
  const url = ruleDocsUrl(meta.id);
  const f1 = fence(meta.example.fail);
  const f2 = fence(meta.example.pass);
  const markdown =
    `${meta.description}\n\n**How to fix:** ${meta.fix}\n\n` +
    `Fails:\n\n${f1}\n${meta.example.fail}\n${f1}\n\nPasses:\n\n${f2}\n${meta.example.pass}\n${f2}\n\n` +
    `[Documentation](${url})`;
  return {
    id: meta.id,
    name: pascalName(meta.id),
    shortDescription: { text: truncate(meta.description, 1024) },
    fullDescription: { text: truncate(`${meta.description} ${meta.fix}`, 1024) },
    help: { text: `${meta.description}\nHow to fix: ${meta.fix}\nSee ${url}`, markdown },
    helpUri: url,
    defaultConfiguration: { level: meta.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: ['seedcheck', meta.id.split('/')[0]!] },
  };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** Keys of finding data that hold line numbers: left out of fingerprints. */
function isLineKey(k: string): boolean {
  return k === 'line' || k.endsWith('Line');
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(stableJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  return (
    '{' +
    Object.keys(o)
      .filter((k) => !isLineKey(k))
      .sort()
      .map((k) => JSON.stringify(k) + ':' + stableJson(o[k]))
      .join(',') +
    '}'
  );
}

/** Line `line` (1-based) of a file's source, when the run kept it; one split per file. */
export function lineReader(ctx: FormatContext): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    if (!ctx.sourceOf) return undefined;
    let lines = cache.get(file);
    if (lines === undefined) {
      const src = ctx.sourceOf(file);
      lines = src === undefined ? null : src.split(/\r\n|\r|\n/);
      cache.set(file, lines);
    }
    return lines?.[line - 1];
  };
}

/** The fingerprint of a diagnostic, without its occurrence counter. */
export function fingerprintBase(d: Diagnostic, line?: string): string {
  const what =
    line !== undefined && line.trim() !== ''
      ? 'line:' + line.replace(/\s+/g, ' ').trim()
      : d.data && Object.keys(d.data).length > 0
        ? 'data:' + stableJson(d.data)
        : 'message:' + d.message;
  return createHash('sha256').update(`${d.ruleId}\0${d.file}\0${what}`).digest('hex').slice(0, 32);
}

export function toSarif(report: Report, ctx: FormatContext) {
  const rules = RULES.map(ruleDescriptor);
  const index = new Map<RuleId, number>(RULES.map((m, i) => [m.id, i]));
  const seen = new Map<string, number>();
  const lineOf = lineReader(ctx);
  const results = report.diagnostics.map((d) => {
    const base = fingerprintBase(d, lineOf(d.file, d.line));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
    if (d.endLine !== undefined && d.endLine >= d.line) region.endLine = d.endLine;
    if (d.endColumn !== undefined && d.endColumn >= 1) {
      const sameLine = (d.endLine ?? d.line) === d.line;
      if (!sameLine || d.endColumn > d.column) region.endColumn = d.endColumn;
    }
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      level: d.severity === 'error' ? 'error' : 'warning',
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(d.file), uriBaseId: '%SRCROOT%' },
            region,
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${n}` },
    };
    const ri = index.get(d.ruleId as RuleId);
    if (ri !== undefined) result.ruleIndex = ri;
    return result;
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
}

export function format(report: Report, ctx: FormatContext): string {
  return JSON.stringify(toSarif(report, ctx), null, 2) + '\n';
}
