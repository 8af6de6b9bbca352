/**
 * Make text from a seed safe to show in a terminal or CI log: control
 * characters, escape sequences, bidi controls and invisible characters are
 * replaced by visible escapes (`\x1b`, `\u202e`), and long text is cut.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]|[\ud800-\udfff]/gu;

export function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x09) return '\\t';
  if (cp === 0x0a) return '\\n';
  if (cp === 0x0d) return '\\r';
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\u{${cp.toString(16)}}`;
}

/** Sanitise a snippet of seed text for one line of output. */
export function sanitize(text: string, max = 80): string {
  let s = text.replace(/\r\n|\r|\n|\t/g, (m) => escapeChar(m[0] ?? ''));
  s = s.replace(UNSAFE, escapeChar);
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  return s;
}

/** Sanitise a multi-line code frame line: like sanitize but tabs survive. */
export function sanitizeLine(text: string): string {
  return text.replace(/\r$/, '').replace(UNSAFE, escapeChar).replace(/[\n\r]/g, escapeChar);
}

/** U+XXXX notation. */
export function uplus(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}
