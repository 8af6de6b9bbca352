/** Rules whose position points into a file's text, so a code frame helps. */
export function hasCodeFrame(ruleId: string): boolean {
  if (ruleId.startsWith('layout/')) return false;
  return ruleId !== 'content/empty' && ruleId !== 'content/too-large' && ruleId !== 'content/binary';
}
