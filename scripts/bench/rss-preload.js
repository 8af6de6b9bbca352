// Fallback RSS probe when GNU time is absent: node --import <this> ...
// writes process.resourceUsage().maxRSS (KiB) to $SEEDCHECK_BENCH_RSS at exit.
import { writeFileSync } from 'node:fs';

const out = process.env.SEEDCHECK_BENCH_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
