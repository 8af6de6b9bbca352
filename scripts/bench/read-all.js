// The I/O floor: read every file of a seeds folder, as a checker must, and nothing else.
// Usage: node read-all.js <seedsDir> [--hash]   (--hash: also SHA-256 each file)
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2];
const hash = process.argv.includes('--hash');
const names = readdirSync(dir);
let bytes = 0;
let i = 0;
async function worker() {
  while (i < names.length) {
    const p = join(dir, names[i++]);
    const buf = await readFile(p);
    bytes += buf.length;
    if (hash) createHash('sha256').update(buf).digest();
  }
}
await Promise.all(Array.from({ length: 16 }, worker));
if (bytes < 0) console.log(bytes);
