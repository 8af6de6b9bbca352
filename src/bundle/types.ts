import type { Finding } from '../report/types.js';

export type DialectId =
  | 'seedcheck'
  | 'txtar'
  | 'repomix-xml'
  | 'repomix-markdown'
  | 'repomix-plain'
  | 'repomix-json'
  | 'gitingest'
  | 'files-to-prompt'
  | 'markdown-files';

/** One file inside a bundle. Every dialect yields the same shape. */
export interface Block {
  path: string;
  /** 1-based line of the block's start marker (for repomix-json: the key's line). */
  line: number;
  /** 1-based line of the end marker, or of the last content line when the dialect has none. */
  endLine: number;
  /** The file's content exactly as the bundle holds it (after noeol etc.). */
  content: string;
  /** Byte length of content in UTF-8. */
  bytes: number;
  /** Column of the path on the start line, for diagnostics (1-based, UTF-16). */
  pathColumn?: number;
  /** Canonical attributes, when present. */
  attrs?: { size?: number; sha256?: string; mode?: string; noeol?: boolean };
}

export interface Bundle {
  dialect: DialectId;
  blocks: Block[];
  /**
   * Findings are reported with `file: ''`; the caller that knows the file's
   * path fills it in (see `withFile`).
   */
  findings: Finding[];
}

export interface BundleFile {
  path: string;
  content: string | Uint8Array;
  mode?: '0644' | '0755';
}
