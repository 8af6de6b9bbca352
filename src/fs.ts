/**
 * All file access of the core goes through this small interface, so the
 * checks run unchanged on in-memory fixtures (see `memoryFs`) and on disk
 * (`nodeFs`). Paths are absolute or relative to the process; the core only
 * joins them with `/`.
 */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface DirEntry {
  name: string;
  kind: EntryKind;
}

export interface FileStat {
  kind: EntryKind;
  size: number;
}

export interface SeedFs {
  /** Entries of a folder, without following symlinks. Throws ENOENT/ENOTDIR. */
  readdir(dir: string): Promise<DirEntry[]>;
  /** lstat: never follows symlinks. Returns null when the path does not exist. */
  lstat(path: string): Promise<FileStat | null>;
  /** Whole file, or its first `maxBytes` bytes. */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /** The file in chunks, for streaming checks of large seeds. */
  readChunks(path: string, chunkSize?: number): AsyncIterable<Uint8Array>;
  /** Bytes [start, end) of a file. */
  readRange(path: string, start: number, end: number): Promise<Uint8Array>;
  /** Write via a temporary file in the same folder and rename. */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
}

export class FsError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '' && p !== '.').join('/');
  return joined.replace(/\/+/g, '/') || '.';
}

/** An in-memory file system for tests and library users. */
export function memoryFs(files: Record<string, string | Uint8Array | { symlink: string } | { unreadable: true }>): SeedFs {
  const enc = new TextEncoder();
  type Node = { kind: 'file'; data: Uint8Array } | { kind: 'symlink' } | { kind: 'unreadable' } | { kind: 'dir' };
  const nodes = new Map<string, Node>();
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\.\//, '').replace(/\/$/, '') || '.';
  const addDirs = (p: string) => {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) nodes.set(parts.slice(0, i).join('/'), { kind: 'dir' });
    nodes.set('.', { kind: 'dir' });
  };
  for (const [p, v] of Object.entries(files)) {
    const k = norm(p);
    addDirs(k);
    if (typeof v === 'string') nodes.set(k, { kind: 'file', data: enc.encode(v) });
    else if (v instanceof Uint8Array) nodes.set(k, { kind: 'file', data: v });
    else if ('symlink' in v) nodes.set(k, { kind: 'symlink' });
    else nodes.set(k, { kind: 'unreadable' });
  }
  const enoent = (p: string) => new FsError(`ENOENT: no such file or directory, '${p}'`, 'ENOENT');
  const get = (p: string) => nodes.get(norm(p));
  const fileData = (p: string): Uint8Array => {
    const n = get(p);
    if (!n) throw enoent(p);
    if (n.kind === 'unreadable') throw new FsError(`EACCES: permission denied, open '${p}'`, 'EACCES');
    if (n.kind !== 'file') throw new FsError(`EISDIR: illegal operation, '${p}'`, 'EISDIR');
    return n.data;
  };
  return {
    async readdir(dir) {
      const d = norm(dir);
      const n = nodes.get(d);
      if (!n) throw enoent(dir);
      if (n.kind !== 'dir') throw new FsError(`ENOTDIR: not a directory, '${dir}'`, 'ENOTDIR');
      const prefix = d === '.' ? '' : d + '/';
      const out: DirEntry[] = [];
      for (const [k, v] of nodes) {
        if (k === d || !k.startsWith(prefix)) continue;
        const rest = k.slice(prefix.length);
        if (rest.includes('/') || rest === '') continue;
        out.push({ name: rest, kind: v.kind === 'unreadable' ? 'file' : v.kind });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    async lstat(p) {
      const n = get(p);
      if (!n) return null;
      if (n.kind === 'file') return { kind: 'file', size: n.data.length };
      if (n.kind === 'unreadable') return { kind: 'file', size: 0 };
      return { kind: n.kind, size: 0 };
    },
    async readFile(p, maxBytes) {
      const data = fileData(p);
      return maxBytes !== undefined && data.length > maxBytes ? data.subarray(0, maxBytes) : data;
    },
    async *readChunks(p, chunkSize = 1 << 20) {
      const data = fileData(p);
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    },
    async readRange(p, start, end) {
      return fileData(p).subarray(start, end);
    },
    async writeFileAtomic(p, data) {
      const k = norm(p);
      addDirs(k);
      nodes.set(k, { kind: 'file', data: typeof data === 'string' ? enc.encode(data) : data });
    },
  };
}
