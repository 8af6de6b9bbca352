/**
 * Shared helpers of the fuzz and adversarial suites.
 *
 * Time limits are never absolute: `linearRatio` times a function (CPU time)
 * on an input of size n and of size 4n (best of 2 each, inputs built outside
 * the timing) and the tests assert the ratio stays well below quadratic (16×).
 */
import { expect } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Positioned {
  ruleId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * CPU time of this process in ms (user + system). Unlike wall time it does not
 * grow when other processes preempt us, which on a loaded 2-core machine
 * penalises long runs more than short ones and fakes superlinearity.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best of `runs` CPU times of `fn()` in ms. */
export function timeMin(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - t);
  }
  return best;
}

/** A full GC between timings, so a collection left over from building the inputs is not billed to the parser. */
const gc: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

/**
 * Ratio of the time on a 4n input over the time on an n input. Both inputs
 * are built (and run once) before timing; then the two are timed
 * alternately, twice each (4 times on a retry) after a GC, and the best of each is kept, which
 * filters out the noise of a shared machine.
 */
export function linearRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, rounds = 2): { ratio: number; small: number; large: number } {
  const a = make(n);
  const b = make(4 * n);
  run(a);
  run(b);
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < rounds; i++) {
    gc();
    small = Math.min(small, timeMin(() => run(a), 1));
    gc();
    large = Math.min(large, timeMin(() => run(b), 1));
  }
  // Below a millisecond the clock and scheduler noise dominate: floor the small time there.
  small = Math.max(small, 1);
  return { ratio: large / small, small, large };
}

/**
 * Linear means ≈4×; quadratic would be ≈16×. 8 leaves room for noise on a
 * shared machine. A miss is measured once more at 2n vs 8n (a real quadratic
 * misses again, by more; a scheduling hiccup on a few-millisecond run does not).
 */
export function expectLinear<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, label = ''): void {
  let r = linearRatio(make, run, n);
  if (r.ratio >= 8) r = linearRatio(make, run, 2 * n, 4);
  expect(r.ratio, `${label}: n → 4n took ${r.small.toFixed(1)} → ${r.large.toFixed(1)} ms`).toBeLessThan(8);
}

/** Line lengths in UTF-16 code units; LF, CRLF and lone CR all end a line. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

/**
 * Every position inside the text: 1 ≤ line ≤ lines, 1 ≤ column ≤ length of
 * that line + 1 (the place just after its last character); same for the end.
 */
export function expectPositionsInside(text: string, items: readonly Positioned[], label = ''): void {
  const lens = lineLengths(text);
  const check = (line: number, column: number, what: string) => {
    expect(Number.isInteger(line) && line >= 1 && line <= lens.length, `${label} ${what} line ${line} of ${lens.length}`).toBe(true);
    const len = lens[line - 1] ?? 0;
    expect(Number.isInteger(column) && column >= 1 && column <= len + 1, `${label} ${what} column ${column} on line ${line} (length ${len})`).toBe(true);
  };
  for (const it of items) {
    check(it.line, it.column, `${it.ruleId ?? ''} start`);
    if (it.endLine !== undefined) check(it.endLine, it.endColumn ?? 1, `${it.ruleId ?? ''} end`);
  }
}

/** Deterministic pseudo-random text pieces used by generators. */
export const PIECES = [
  '=== BEGIN a.txt ===',
  '=== END a.txt ===',
  '==== BEGIN "b c.md" noeol ====',
  '==== END "b c.md" ====',
  '=== BEGIN x size=3 sha256=00 ===',
  '=== BUNDLE v1 ===',
  '=== BUNDLE-END count=1 ===',
  '-- f.go --',
  '<file path="a/b.ts">',
  '</file>',
  '## File: src/x.ts',
  '```ts',
  '````',
  '```',
  '================',
  'File: src/a.py',
  '================================================',
  'FILE: b.txt',
  '---',
  '<document>',
  '<source>a.txt</source>',
  '</document>',
  '{"files": {"a.txt": "x"}}',
  '| # | Seed | Kind |',
  '|---|---|---|',
  '| 000 | [000_0123456789abcdef.txt](000_0123456789abcdef.txt) | prose |',
  '| 1 | `001_0123456789abcdef.md` | news | x | 12 | zz |',
  '# Heading',
  '',
  ' ',
  '\t',
  'plain text line',
  'é\u0301\u200b\u202e\u{e0041}\u00ad',
  '\r',
  '\\|',
  '[a](../b)',
  'MUST SHOULD MAY',
  'From: a@b.c',
  'Subject: hi',
  '#!/bin/sh',
  'def f():',
  '{',
  '}',
  'key: value',
];
