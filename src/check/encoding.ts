/**
 * Legacy encodings for seeds that are not valid UTF-8 (SPEC §3). Each
 * candidate must decode the bytes without error (TextDecoder fatal) AND look
 * plausible: windows-1252 decodes almost anything and the CJK multibyte
 * encodings decode most Latin-1 text too, so the decoded characters are
 * checked against the scripts each encoding is used for.
 */

export const LEGACY_ENCODINGS = ['euc-kr', 'shift_jis', 'gb18030', 'windows-1252'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

interface Stats {
  nonAscii: number;
  hangul: number;
  kana: number;
  halfKana: number;
  han: number;
  cjkPunct: number;
  latin: number;
  punct: number;
  c1: number;
  /** Non-ASCII characters right after an ASCII letter or digit (Latin-1 misread as CJK). */
  glued: number;
}

function stats(text: string): Stats {
  const s: Stats = { nonAscii: 0, hangul: 0, kana: 0, halfKana: 0, han: 0, cjkPunct: 0, latin: 0, punct: 0, c1: 0, glued: 0 };
  let prevAlnum = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      prevAlnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      continue;
    }
    s.nonAscii++;
    if (prevAlnum) s.glued++;
    prevAlnum = false;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3130 && c <= 0x318f)) s.hangul++;
    else if (c >= 0x3040 && c <= 0x30ff) s.kana++;
    else if (c >= 0xff61 && c <= 0xff9f) s.halfKana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) s.han++;
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffef)) s.cjkPunct++;
    else if (c >= 0x80 && c <= 0x9f) s.c1++;
    else if (c >= 0xc0 && c <= 0x24f) s.latin++;
    else if ((c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f) || c === 0x20ac || c === 0x2122) s.punct++;
  }
  return s;
}

function plausible(enc: LegacyEncoding, s: Stats): boolean {
  const n = s.nonAscii;
  if (n === 0) return true;
  const glued = s.glued / n;
  switch (enc) {
    case 'euc-kr':
      return s.hangul / n >= 0.85 && glued < 0.3;
    case 'shift_jis':
      return (s.kana + s.han + s.cjkPunct) / n >= 0.8 && s.kana / n >= 0.1 && s.halfKana / n < 0.05 && glued < 0.3;
    case 'gb18030':
      return (s.han + s.cjkPunct) / n >= 0.8 && glued < 0.3;
    case 'windows-1252':
      return s.c1 === 0 && (s.latin + s.punct) / n >= 0.8;
  }
}

/**
 * The first legacy encoding that decodes `bytes` cleanly and plausibly, with
 * the decoded text; null when none does. With `partial`, `bytes` is only the
 * head of a file: a sequence cut at its end is not an error.
 */
export function decodeLegacy(bytes: Uint8Array, partial = false): { encoding: LegacyEncoding; text: string } | null {
  for (const encoding of LEGACY_ENCODINGS) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: partial });
    } catch {
      continue;
    }
    if (plausible(encoding, stats(text))) return { encoding, text };
  }
  return null;
}

/**
 * UTF-16 text with a byte order mark (Windows tools write it): the decoded
 * text without the BOM, or null when the bytes are not clean UTF-16 text.
 */
export function decodeUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; text: string } | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!encoding) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // NUL characters in the decoded text: binary after all.
  return text.includes('\0') ? null : { encoding, text };
}
