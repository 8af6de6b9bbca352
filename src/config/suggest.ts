/** "Did you mean …?" helpers: the closest candidate by edit distance. */

/** Levenshtein distance, bounded inputs (option names, rule ids, config keys). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate, or undefined when nothing is reasonably close. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = input.toLowerCase();
  const list = [...candidates];
  // "ordinal-gap" → "layout/ordinal-gap": a unique match after the "/".
  const bySuffix = list.filter((c) => c.toLowerCase().endsWith('/' + lower));
  if (bySuffix.length === 1) return bySuffix[0];
  // "warn" → "warning": a unique prefix of at least 2 characters.
  const byPrefix = lower.length >= 2 ? list.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (byPrefix.length === 1) return byPrefix[0];
  for (const c of list) {
    const cl = c.toLowerCase();
    const slash = cl.indexOf('/');
    // "ordnal-gap" is close to "layout/ordinal-gap": compare with the part after "/" too.
    const d = Math.min(editDistance(lower, cl), slash >= 0 && !lower.includes('/') ? editDistance(lower, cl.slice(slash + 1)) : Infinity);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  // Accept up to a third of the length (at least 2 edits), or a unique suffix/prefix match.
  const limit = Math.max(2, Math.floor(Math.min(best.length, lower.length) / 3));
  if (bestD <= limit) return best;
  return undefined;
}

/** " Did you mean X?" or "". */
export function didYouMean(input: string, candidates: Iterable<string>, render: (s: string) => string = (s) => `"${s}"`): string {
  const c = closest(input, candidates);
  return c === undefined ? '' : ` Did you mean ${render(c)}?`;
}
