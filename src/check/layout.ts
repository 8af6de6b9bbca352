/**
 * Layout checks (SPEC §1, `layout/*`): scan the seeds folder through SeedFs
 * without following symlinks, and sort its entries into seeds, allowed
 * files and findings.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { joinPath, type EntryKind, type SeedFs } from '../fs.js';
import { UsageError, type Config } from '../config/types.js';
import { finding, type Finding } from '../report/types.js';
import { globMatcher } from './glob.js';

/** Files allowed in the seeds folder that are not seeds. */
export const ALLOWED_FILES: ReadonlySet<string> = new Set(['INDEX.md', 'README.md', '.gitkeep']);
export const INDEX_NAME = 'INDEX.md';

export interface SeedFile {
  /** File name inside the seeds folder. */
  name: string;
  /** Path relative to the root, `/`-separated (as in the report). */
  path: string;
  /** Path to hand to SeedFs. */
  fsPath: string;
  ordinal: number | null;
  id: string | null;
  ext: string | null;
}

export interface Layout {
  seedsDir: string;
  /** SeedFs path of the seeds folder. */
  seedsFsPath: string;
  /** Entries matching the seed name pattern (regular files only), by name. */
  seeds: SeedFile[];
  /** Every entry of the folder by name, with its kind (for index/missing-seed). */
  entries: Map<string, EntryKind>;
  /** INDEX.md is present as a regular file. */
  hasIndex: boolean;
  findings: Finding[];
}

const AT_START = { line: 1, column: 1 } as const;

export function compileNamePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new UsageError(`namePattern ${JSON.stringify(pattern)} is not a valid regular expression (${(e as Error).message}): fix it in the config.`);
  }
}

/** Parse a seed name against the pattern; null when it does not match. */
export function parseSeedName(name: string, re: RegExp): { ordinal: number | null; id: string | null; ext: string | null } | null {
  const m = re.exec(name);
  if (!m) return null;
  const g = m.groups ?? {};
  const ord = g['ordinal'];
  return {
    ordinal: ord !== undefined && /^\d+$/.test(ord) ? Number.parseInt(ord, 10) : null,
    id: g['id'] ?? null,
    ext: g['ext'] ?? null,
  };
}

export async function scanLayout(fs: SeedFs, root: string, config: Config): Promise<Layout> {
  let seedsDir = config.seedsDir.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
  let seedsFsPath = joinPath(root, seedsDir);
  if (isAbsolute(config.seedsDir)) {
    // An absolute seeds folder: read it where it is, report paths relative to the root.
    seedsFsPath = config.seedsDir;
    seedsDir = relative(resolve(root), config.seedsDir).split(sep).join('/') || '.';
  }
  const st = await fs.lstat(seedsFsPath);
  if (!st || (st.kind !== 'dir' && st.kind !== 'symlink')) {
    throw new UsageError(`no seeds folder at ${seedsFsPath}: create it, or pass --seeds-dir`);
  }
  let list;
  try {
    list = await fs.readdir(seedsFsPath);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOTDIR' || code === 'ENOENT') throw new UsageError(`no seeds folder at ${seedsFsPath}: create it, or pass --seeds-dir`);
    throw new UsageError(`cannot read the seeds folder ${seedsFsPath} (${code ?? (e as Error).message}): check its permissions`);
  }
  const re = compileNamePattern(config.namePattern);
  const ignored = globMatcher(config.ignore);
  const rel = (name: string) => (seedsDir === '.' ? name : `${seedsDir}/${name}`);
  const findings: Finding[] = [];
  const entries = new Map<string, EntryKind>();
  const seeds: SeedFile[] = [];
  let hasIndex = false;

  for (const e of list) {
    entries.set(e.name, e.kind);
    const path = rel(e.name);
    const isIgnored = ignored(e.name) || ignored(path);
    if (e.kind === 'symlink') {
      if (!isIgnored) findings.push(finding('layout/symlink', path, AT_START, { name: e.name }));
      continue;
    }
    if (e.kind === 'dir') {
      if (!isIgnored) findings.push(finding('layout/nested-dir', path, AT_START, { name: e.name }));
      continue;
    }
    if (e.name === INDEX_NAME) {
      if (e.kind === 'file') hasIndex = true;
      else findings.push(finding('layout/unreadable', path, AT_START, { name: e.name, reason: 'not a regular file' }));
      continue;
    }
    if (ALLOWED_FILES.has(e.name) || isIgnored) continue;
    const parsed = parseSeedName(e.name, re);
    if (!parsed) {
      findings.push(finding('layout/bad-seed-name', path, AT_START, { name: e.name, pattern: config.namePattern }));
      continue;
    }
    if (e.kind !== 'file') {
      // FIFOs, sockets, devices: reading could block; never open them.
      findings.push(finding('layout/unreadable', path, AT_START, { name: e.name, reason: 'not a regular file' }));
      continue;
    }
    seeds.push({ name: e.name, path, fsPath: joinPath(seedsFsPath, e.name), ...parsed });
  }
  seeds.sort((a, b) => (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  // Duplicate ordinals and ids: reported on every seed after the first.
  const byOrdinal = new Map<number, SeedFile>();
  const byId = new Map<string, SeedFile>();
  for (const s of seeds) {
    if (s.ordinal !== null) {
      const other = byOrdinal.get(s.ordinal);
      if (other) findings.push(finding('layout/duplicate-ordinal', s.path, AT_START, { ordinal: s.ordinal, other: other.path }));
      else byOrdinal.set(s.ordinal, s);
    }
    if (s.id !== null) {
      const other = byId.get(s.id);
      if (other) findings.push(finding('layout/duplicate-id', s.path, AT_START, { id: s.id, other: other.path }));
      else byId.set(s.id, s);
    }
  }

  // Gaps: ordinals should run 0, 1, 2… ; one finding per gap, on the seed after it.
  const ordinals = [...byOrdinal.keys()].sort((a, b) => a - b);
  let expected = 0;
  for (const o of ordinals) {
    if (o !== expected) {
      findings.push(finding('layout/ordinal-gap', byOrdinal.get(o)!.path, AT_START, { expected, found: o }));
    }
    expected = o + 1;
  }

  return { seedsDir, seedsFsPath, seeds, entries, hasIndex, findings };
}
