/**
 * Command-line parsing on node:util parseArgs (strict). Every mistake is a
 * UsageError with one sentence and the fix; never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../config/types.js';
import { closest } from '../config/suggest.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats/index.js';
import { RULES, isRuleId } from '../report/rules.js';
import type { RuleSettings } from '../report/finalize.js';

export const USAGE = `Usage: seedcheck [command] [options] [paths...]

Commands:
  check [options] [paths...]    validate the seeds folder (the default command)
  kinds [options] <files...>    report the kind of any files, seeds or not
  init                          write seeds/INDEX.md from the seeds present
  pack <dir|files...> [-o FILE] write a canonical bundle
  unpack <bundle> -o <dir>      extract any recognised bundle safely
  rules [id]                    list the rules, or explain one

Options of check:
  --root DIR                    project root (default: the current directory)
  --seeds-dir DIR               seeds folder, relative to the root (default: seeds)
  -c, --config FILE             config file (default: seedcheck.config.json, or the
                                "seedcheck" key of package.json)
  -f, --format NAME[=FILE]      stylish, json, sarif, github, junit or gitlab (Code
                                Quality); repeatable; =FILE writes that format to a
                                file (default: stylish)
  --fix                         update INDEX.md (rows, ordinals, sizes, digests) first
  --max-warnings N              exit 1 when there are more than N warnings
  --quiet                       report errors only
  --verbose                     also list every seed with its kind
  --rule ID=SEVERITY            set a rule to error, warning or off; repeatable
  --color, --no-color           force colour on or off (default: only on a terminal;
                                NO_COLOR and FORCE_COLOR are honoured)
  -v, --version                 print the version
  -h, --help                    print this help

Paths restrict the content checks to those seeds; INDEX.md is always checked
against the whole folder.

Exit codes: 0 no errors and warnings within --max-warnings; 1 errors or too many
warnings; 2 usage or configuration error.

Docs: https://github.com/seedcheck/seedcheck/tree/main/docs
`;

export interface FormatRequest {
  name: FormatName;
  /** Output file, or undefined for stdout. */
  file?: string;
}

export interface CheckArgs {
  root?: string;
  seedsDir?: string;
  config?: string;
  /** Formats requested with --format, in order (empty: the default). */
  formats: FormatRequest[];
  fix: boolean;
  /** --max-warnings, or -1 when not given (unlimited). */
  maxWarnings: number;
  quiet: boolean;
  verbose: boolean;
  rules: RuleSettings;
  /** --color / --no-color; undefined when neither was given. */
  color?: boolean;
  version: boolean;
  help: boolean;
  paths: string[];
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** How an option is written, for messages: `--root` or `-h`. */
function optionNames(options: Options): string[] {
  const out: string[] = [];
  for (const [name, o] of Object.entries(options)) {
    out.push(`--${name}`);
    if (o.type === 'boolean') out.push(`--no-${name}`);
    if (o.short) out.push(`-${o.short}`);
  }
  return out;
}

/**
 * parseArgs in strict mode, with its errors turned into UsageErrors:
 * "unknown option --x; did you mean --y? Run seedcheck --help."
 */
export type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true; allowNegative: true }>
>;

export function parseStrict<T extends Options>(args: string[], options: T, command = 'seedcheck'): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const, allowNegative: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const quoted = /'(-[^' ]*)/.exec(err.message)?.[1] ?? '';
    const flag = quoted.split('=')[0] ?? quoted;
    const help = `Run ${command} --help.`;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = flag.startsWith('--') ? closest(flag, optionNames(options).filter((n) => n.startsWith('--'))) : undefined;
      throw new UsageError(`unknown option ${flag}${near ? `; did you mean ${near}?` : '.'} ${help}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(err.message)) throw new UsageError(`option ${flag} does not take a value. ${help}`);
      const name = flag.replace(/^-+/, '');
      const long = Object.entries(options).find(([n, o]) => n === name || o.short === name)?.[0] ?? name;
      throw new UsageError(`option --${long} needs a value, e.g. --${long}=VALUE. ${help}`);
    }
    throw new UsageError(`${err.message.split('\n')[0]} ${help}`);
  }
}

export const CHECK_OPTIONS = {
  root: { type: 'string' },
  'seeds-dir': { type: 'string' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f', multiple: true },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const SEVERITIES = ['error', 'warning', 'off'] as const;

function nonEmpty(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === '') throw new UsageError(`option --${name} needs a non-empty value. Run seedcheck --help.`);
  return v;
}

export function parseFormat(spec: string): FormatRequest {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const file = eq < 0 ? undefined : spec.slice(eq + 1);
  if (!isFormatName(name)) {
    const near = closest(name, FORMAT_NAMES);
    throw new UsageError(
      `unknown format "${name}"${near ? `; did you mean "${near}"?` : '.'} Use one of ${FORMAT_NAMES.join(', ')} (optionally NAME=FILE).`,
    );
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "=", e.g. --format ${name}=report.out.`);
  return file === undefined ? { name } : { name, file };
}

export function parseRule(spec: string, into: RuleSettings): void {
  const eq = spec.lastIndexOf('=');
  if (eq < 0) throw new UsageError(`--rule needs ID=SEVERITY, e.g. --rule layout/ordinal-gap=off (got "${spec}").`);
  const id = spec.slice(0, eq).trim();
  const sev = spec.slice(eq + 1).trim();
  if (!isRuleId(id)) {
    const near = closest(id, RULES.map((r) => r.id));
    throw new UsageError(`unknown rule "${id}" in --rule${near ? `; did you mean "${near}"?` : '.'} Run seedcheck rules for the list.`);
  }
  if (!(SEVERITIES as readonly string[]).includes(sev)) {
    const near = closest(sev, SEVERITIES);
    throw new UsageError(`invalid severity "${sev}" for --rule ${id}${near ? `; did you mean "${near}"?` : '.'} Use error, warning or off.`);
  }
  into[id] = sev as (typeof SEVERITIES)[number];
}

export function parseCheckArgs(args: string[]): CheckArgs {
  const { values: v, positionals } = parseStrict(args, CHECK_OPTIONS);
  const formats = (v.format ?? []).map(parseFormat);
  const toStdout = formats.filter((f) => f.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one format can go to standard output (got ${toStdout.map((f) => f.name).join(' and ')}); write the others to files with --format NAME=FILE.`,
    );
  }
  const files = new Set<string>();
  for (const f of formats) {
    if (f.file === undefined) continue;
    if (files.has(f.file)) throw new UsageError(`two formats write to the same file ${f.file}; give each its own file.`);
    files.add(f.file);
  }
  let maxWarnings = -1;
  const mw = v['max-warnings'];
  if (mw !== undefined) {
    if (!/^[0-9]{1,9}$/.test(mw.trim())) {
      throw new UsageError(`--max-warnings needs a whole number ≥ 0 (got "${mw}"), e.g. --max-warnings 0.`);
    }
    maxWarnings = Number(mw.trim());
  }
  const rules: RuleSettings = {};
  for (const r of v.rule ?? []) parseRule(r, rules);
  if (v.quiet && v.verbose) {
    // Not an error: --verbose lists seeds, --quiet hides warnings; both can apply.
  }
  const out: CheckArgs = {
    formats,
    fix: v.fix ?? false,
    maxWarnings,
    quiet: v.quiet ?? false,
    verbose: v.verbose ?? false,
    rules,
    version: v.version ?? false,
    help: v.help ?? false,
    paths: positionals,
  };
  const root = nonEmpty('root', v.root);
  const seedsDir = nonEmpty('seeds-dir', v['seeds-dir']);
  const config = nonEmpty('config', v.config);
  if (root !== undefined) out.root = root;
  if (seedsDir !== undefined) out.seedsDir = seedsDir;
  if (config !== undefined) out.config = config;
  if (v.color !== undefined) out.color = v.color;
  return out;
}

/** Colour decision, picocolors-like: flag, then NO_COLOR, FORCE_COLOR, TERM=dumb, then the TTY. */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force === 'false');
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
