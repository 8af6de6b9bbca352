/** The SeedFs of the real disk. Symlinks are never followed. */
import { promises as fsp, createReadStream, type Dirent } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { DirEntry, EntryKind, SeedFs } from './fs.js';

function kindOf(d: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'dir';
  return 'other';
}

export const nodeFs: SeedFs = {
  async readdir(dir) {
    const entries: Dirent[] = await fsp.readdir(dir, { withFileTypes: true });
    return entries
      .map((e): DirEntry => ({ name: e.name, kind: kindOf(e) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  },
  async lstat(p) {
    try {
      const st = await fsp.lstat(p);
      return { kind: kindOf(st), size: st.size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw e;
    }
  },
  async readFile(p, maxBytes) {
    if (maxBytes === undefined) return fsp.readFile(p);
    const fh = await fsp.open(p, 'r');
    try {
      const buf = Buffer.alloc(maxBytes);
      let off = 0;
      while (off < maxBytes) {
        const { bytesRead } = await fh.read(buf, off, maxBytes - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return buf.subarray(0, off);
    } finally {
      await fh.close();
    }
  },
  async *readChunks(p, chunkSize = 1 << 20) {
    const stream = createReadStream(p, { highWaterMark: chunkSize });
    for await (const chunk of stream) yield chunk as Buffer;
  },
  async readRange(p, start, end) {
    const fh = await fsp.open(p, 'r');
    try {
      const len = Math.max(0, end - start);
      const buf = Buffer.alloc(len);
      let off = 0;
      while (off < len) {
        const { bytesRead } = await fh.read(buf, off, len - off, start + off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return buf.subarray(0, off);
    } finally {
      await fh.close();
    }
  },
  async writeFileAtomic(p, data) {
    const tmp = join(dirname(p), `.${basename(p)}.${process.pid}.${Date.now()}.tmp`);
    const fh = await fsp.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await fsp.rename(tmp, p);
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw e;
    }
  },
};
