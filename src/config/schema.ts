/**
 * The zod schema of seedcheck.config.json (and the `seedcheck` key of
 * package.json), SPEC §9. Loaded lazily by load.ts, only when a config exists.
 */
import { z } from 'zod';
import { RULES } from '../report/rules.js';
import { closest } from './suggest.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'off'] as const;
const RULE_IDS = RULES.map((r) => r.id as string);
const RULE_ID_SET = new Set(RULE_IDS);

/** Why a namePattern is unusable, or null when it is fine. */
export function namePatternProblem(pattern: string): string | null {
  let re: RegExp;
  try {
    re = new RegExp(`(?:${pattern})|`);
  } catch (e) {
    return `expected a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  const groups = re.exec('')?.groups ?? {};
  const missing = ['ordinal', 'id', 'ext'].filter((g) => !Object.hasOwn(groups, g));
  if (missing.length > 0) {
    return `expected a regular expression with the named groups (?<ordinal>…), (?<id>…) and (?<ext>…); missing ${missing.map((g) => `(?<${g}>…)`).join(', ')}`;
  }
  return null;
}

export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  seedsDir: z.string().min(1).optional(),
  namePattern: z
    .string()
    .superRefine((p, ctx) => {
      const problem = namePatternProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  maxSeedBytes: z.number().int().min(1).optional(),
  ignore: z.array(z.string().min(1)).optional(),
  rules: z
    .record(z.string(), z.enum(SEVERITY_SETTINGS))
    .superRefine((rules, ctx) => {
      for (const id of Object.keys(rules)) {
        if (RULE_ID_SET.has(id)) continue;
        const near = closest(id, RULE_IDS);
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `unknown rule id "${id}"${near ? `; did you mean "${near}"?` : ''} (run \`seedcheck rules\` for the list)`,
        });
      }
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** Top-level keys, for did-you-mean on unknown keys. */
export const CONFIG_KEYS = Object.keys(ConfigFileSchema.shape);

export interface ConfigProblem {
  path: (string | number)[];
  message: string;
  /** The problem is a key that should not be there (not a bad value). */
  unknownKey?: boolean;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 39) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
  record: 'an object',
};

/** Validate a parsed config value; the first problem, or the config. */
export function validateConfig(raw: unknown): { ok: true; config: ConfigFile } | { ok: false; problem: ConfigProblem } {
  const res = ConfigFileSchema.safeParse(raw);
  if (res.success) return { ok: true, config: res.data };
  const issue = res.error.issues[0]!;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const got = at(raw, path);
  let message: string;
  let unknownKey = false;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      unknownKey = true;
      path.push(key);
      const near = path.length === 1 ? closest(key, CONFIG_KEYS.filter((k) => k !== '$schema')) : undefined;
      message = `unknown key${near ? `; did you mean "${near}"?` : ''} (allowed: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')})`;
      break;
    }
    case 'invalid_type': {
      const exp = TYPE_NAMES[issue.expected] ?? issue.expected;
      message = `expected ${exp}, got ${got === undefined ? 'nothing' : describeValue(got)}`;
      break;
    }
    case 'invalid_value': {
      const vals = issue.values.map((v) => JSON.stringify(v));
      const list = vals.length > 1 ? `${vals.slice(0, -1).join(', ')} or ${vals[vals.length - 1]}` : (vals[0] ?? '');
      const near = typeof got === 'string' ? closest(got, issue.values.map(String)) : undefined;
      message = `expected ${list}, got ${describeValue(got)}${near ? `; did you mean "${near}"?` : ''}`;
      break;
    }
    case 'too_small': {
      if (issue.origin === 'string') message = 'expected a non-empty string';
      else if (issue.origin === 'number') message = `expected an integer of at least ${String(issue.minimum)}, got ${describeValue(got)}`;
      else message = issue.message;
      break;
    }
    default:
      message = issue.message;
      unknownKey = message.startsWith('unknown rule id');
  }
  return { ok: false, problem: { path, message, unknownKey } };
}
