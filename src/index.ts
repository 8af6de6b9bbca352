/**
 * seedcheck's library API (SPEC §10):
 *   check(options) → Promise<Report>
 *   classify(bytes, name?) → KindResult
 *   parseBundle(text) → Bundle
 *   formatBundle(files) → string
 */
export { VERSION } from './version.js';
export type { SeedFs, DirEntry, FileStat } from './fs.js';
export { memoryFs } from './fs.js';
export { nodeFs } from './node-fs.js';
export type { Diagnostic, Finding, Severity, SeveritySetting, Position } from './report/types.js';
export type { Report, SeedEntry, KindEntry, KindsReport } from './report/model.js';
export { RULES, ruleMeta, type RuleId, type RuleMeta } from './report/rules.js';
export { formatMessage } from './report/messages.js';
export type { Config } from './config/types.js';
export type { CheckOptions } from './check/types.js';
export { KIND_IDS, type KindId } from './kinds/ids.js';
export type { KindResult } from './kinds/types.js';
export type { Block, Bundle, BundleFile, DialectId } from './bundle/types.js';
export { check, checkWithSources, type CheckResult } from './check/run.js';
export { classify } from './kinds/classify.js';
export { parseBundle, formatBundle, detectBundle, withFile, BundleFormatError } from './bundle/index.js';
