// Module hooks for trace-register.js (runs on the hooks thread).
import { appendFileSync } from 'node:fs';

let out = null;
export function initialize(data) {
  out = data?.out ?? null;
}
export async function load(url, context, next) {
  if (out && !url.startsWith('node:')) appendFileSync(out, url + '\n');
  return next(url, context);
}
