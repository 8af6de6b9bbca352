/**
 * Find and load the configuration (SPEC §9): `--config FILE`, else
 * `seedcheck.config.json` at the root, else the `seedcheck` key of the root's
 * package.json, else the defaults. zod is imported only when a config exists.
 * Every problem is a UsageError naming the file, and the key path or the
 * line:column, and what was expected.
 */
import { joinPath, type SeedFs } from '../fs.js';
import { DEFAULT_CONFIG, UsageError, type Config } from './types.js';

export const CONFIG_FILE_NAME = 'seedcheck.config.json';

/** Where a JSON text first breaks the grammar (offset in UTF-16 units), or null. */
export function jsonSyntaxError(text: string): { offset: number; what: string } | null {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  let mode: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after' = 'value';
  const fail = (what: string) => ({ offset: i, what });
  const show = (c: string) => (c.charCodeAt(0) < 0x20 ? `character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`);
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  // Scan a string starting at text[i] === '"'; returns an error or null.
  const str = (): { offset: number; what: string } | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('bad escape in string');
        continue;
      }
      if (c < 0x20) return fail('unterminated string (line break or control character inside a string)');
      i++;
    }
    return fail('unterminated string');
  };
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
    if (i >= n) return mode === 'after' && stack.length === 0 ? null : fail('unexpected end of file');
    const ch = text[i]!;
    if (mode === 'valueOrEnd' && ch === ']') {
      i++;
      stack.pop();
      mode = 'after';
      continue;
    }
    if (mode === 'keyOrEnd' && ch === '}') {
      i++;
      stack.pop();
      mode = 'after';
      continue;
    }
    if (mode === 'value' || mode === 'valueOrEnd') {
      if (ch === '{') {
        stack.push('}');
        i++;
        mode = 'keyOrEnd';
        continue;
      }
      if (ch === '[') {
        stack.push(']');
        i++;
        mode = 'valueOrEnd';
        continue;
      }
      mode = 'after';
      if (ch === '"') {
        const e = str();
        if (e) return e;
        continue;
      }
      NUMBER.lastIndex = i;
      if (NUMBER.exec(text)) {
        i = NUMBER.lastIndex;
        continue;
      }
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word) {
        i += word.length;
        continue;
      }
      return fail(`unexpected ${show(ch)} where a value was expected`);
    }
    if (mode === 'key' || mode === 'keyOrEnd') {
      if (ch !== '"') return fail(`expected a property name in double quotes, found ${show(ch)}${ch === '}' ? ' (trailing comma?)' : ''}`);
      const e = str();
      if (e) return e;
      while (i < n && /[ \t\r\n]/.test(text[i]!)) i++;
      if (text[i] !== ':') return i >= n ? fail('unexpected end of file') : fail(`expected ':' after the property name, found ${show(text[i]!)}`);
      i++;
      mode = 'value';
      continue;
    }
    // mode === 'after'
    const top = stack[stack.length - 1];
    if (top === undefined) return fail(`unexpected ${show(ch)} after the end of the JSON value`);
    if (ch === ',') {
      i++;
      mode = top === '}' ? 'key' : 'value';
      continue;
    }
    if (ch === top) {
      i++;
      stack.pop();
      continue;
    }
    return fail(`expected ',' or '${top}', found ${show(ch)}`);
  }
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parse JSON or throw a UsageError with file:line:column. */
export function parseJsonFile(text: string, displayName: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const err = jsonSyntaxError(body);
    const offset = err?.offset ?? 0;
    const { line, column } = lineColumn(body, offset);
    const what = err?.what ?? (e as Error).message;
    throw new UsageError(`${displayName}:${line}:${column}: invalid JSON: ${what}. Fix the syntax and run again.`);
  }
}

/** Render a key path as JavaScript-like access: `rules["layout/ordinal-gap"]`, `ignore[0]`. */
export function renderKeyPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

async function readText(fs: SeedFs, path: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(await fs.readFile(path));
  } catch (e) {
    throw new UsageError(`cannot read config file ${path}: ${(e as Error).message}.`);
  }
}

async function validate(raw: unknown, displayName: string, prefix: (string | number)[]): Promise<Config> {
  const { validateConfig } = await import('./schema.js');
  const res = validateConfig(raw);
  if (!res.ok) {
    const where = renderKeyPath([...prefix, ...res.problem.path]) || (prefix.length ? renderKeyPath(prefix) : '(top level)');
    const fix = res.problem.unknownKey ? 'Remove or rename that key' : 'Fix that value';
    throw new UsageError(`invalid config in ${displayName}: ${where}: ${res.problem.message}. ${fix} and run again.`);
  }
  const { $schema: _schema, ...rest } = res.config;
  return {
    ...DEFAULT_CONFIG,
    ...rest,
    ignore: rest.ignore ?? [...DEFAULT_CONFIG.ignore],
    rules: { ...(rest.rules as Config['rules'] | undefined) },
  };
}

/**
 * The effective config of a root. `configFile` (from `--config`) is used as
 * given: absolute, or relative to the process's working directory.
 */
export async function loadConfig(fs: SeedFs, root: string, configFile?: string): Promise<Config> {
  if (configFile !== undefined) {
    const st = await fs.lstat(configFile);
    if (!st) throw new UsageError(`config file ${configFile} not found. Check the path given to --config.`);
    if (st.kind === 'dir') throw new UsageError(`config file ${configFile} is a folder. Give --config the path of a JSON file.`);
    const text = await readText(fs, configFile);
    return validate(parseJsonFile(text, configFile), configFile, []);
  }
  const own = joinPath(root, CONFIG_FILE_NAME);
  const ownStat = await fs.lstat(own);
  if (ownStat && ownStat.kind !== 'dir') {
    const text = await readText(fs, own);
    return validate(parseJsonFile(text, own), own, []);
  }
  const pkgPath = joinPath(root, 'package.json');
  const pkgStat = await fs.lstat(pkgPath);
  if (pkgStat && pkgStat.kind === 'file') {
    const text = await readText(fs, pkgPath);
    // Cheap pre-check: most package.json files have no "seedcheck" key at all.
    if (text.includes('"seedcheck"')) {
      const pkg = parseJsonFile(text, pkgPath);
      if (pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) && Object.hasOwn(pkg, 'seedcheck')) {
        return validate((pkg as Record<string, unknown>).seedcheck, pkgPath, ['seedcheck']);
      }
    }
  }
  return { ...DEFAULT_CONFIG, ignore: [...DEFAULT_CONFIG.ignore], rules: {} };
}
