/**
 * Output formats. Each lives in its own module and is loaded only when used,
 * so a plain `seedcheck` run never loads the SARIF or JUnit writers.
 * Detection never happens here: a formatter gets a finished Report.
 */
import type { Report } from '../model.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  /** Emit ANSI colour. */
  color: boolean;
  /** Working directory of the run (for relative paths in output). */
  cwd: string;
  env: Record<string, string | undefined>;
  /** --verbose: list every seed with its kind. */
  verbose: boolean;
  /** --quiet: errors only. */
  quiet: boolean;
  /** --max-warnings, or -1 when unlimited. */
  maxWarnings: number;
  /** The exit code this run will return (formatters may explain it). */
  exitCode: number;
  /** Seed text by report path, for code frames (only what is already in memory). */
  sourceOf?: (file: string) => string | undefined;
  /**
   * Append text to a file (the github format appends its job summary to
   * `$GITHUB_STEP_SUMMARY`). Default: node:fs appendFile.
   */
  appendFile?: (path: string, text: string) => Promise<void>;
}

export type Formatter = (report: Report, ctx: FormatContext) => string | Promise<string>;

const LOADERS: Record<FormatName, () => Promise<{ format: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  gitlab: () => import('./gitlab.js'),
};

export function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return (await LOADERS[name]()).format;
}
