/** Kind ids of KINDS.md: public interface (INDEX.md's Kind column uses them). */
export const KIND_IDS = [
  'spec',
  'docs',
  'card',
  'code',
  'bundle',
  'data',
  'paper',
  'issue',
  'news',
  'prose',
  'fiction',
  'conversation',
  'email',
  'legal',
  'binary',
  'empty',
  'unknown',
] as const;

export type KindId = (typeof KIND_IDS)[number];

/** Kinds that describe software to build (KINDS.md); the rest is background. */
export const SOFTWARE_KINDS: ReadonlySet<KindId> = new Set(['spec', 'docs', 'card', 'code', 'bundle', 'issue', 'paper', 'data']);

export function isKindId(s: string): s is KindId {
  return (KIND_IDS as readonly string[]).includes(s);
}
