import type { Bundle, BundleFile } from './types.js';

// Placeholders: replaced by the real parsers and writer.
/** Parse canonical seedcheck bundle syntax (SPEC §4.1), strictly. */
export function parseBundle(_text: string): Bundle {
  throw new Error('parseBundle is not built yet');
}
/** Detect any recognised dialect from the content; null when the text is not a bundle. */
export function detectBundle(_text: string): Bundle | null {
  return null;
}
/** Write files as a canonical bundle. */
export function formatBundle(_files: BundleFile[]): string {
  throw new Error('formatBundle is not built yet');
}
