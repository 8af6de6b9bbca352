/**
 * A small glob → RegExp for config `ignore` (no dependency, linear-time:
 * the produced RegExp has no nested quantifiers). Supports `*` (not across
 * `/`), `**` (any number of segments), `?`, and `[...]` classes; everything
 * else is literal. A pattern without `/` matches the base name at any depth.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  const anyDepth = !g.includes('/');
  if (g.endsWith('/')) g = g + '**';
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` → zero or more segments; trailing `**` → anything.
        if (g[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close === -1) re += '\\[';
      else {
        let body = g.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  // `dir/**` also matches `dir` itself.
  if (re.endsWith('/.*')) re = re.slice(0, -3) + '(?:/.*)?';
  return new RegExp((anyDepth ? '^(?:.*/)?' : '^') + re + '$');
}

/** A matcher for a list of globs (empty list: matches nothing). */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map(globToRegExp);
  return (p) => res.some((r) => r.test(p));
}
