import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain JavaScript script without type declarations
import { renderRulesDoc, anchorOf } from '../../scripts/gen-rules-doc.js';
import { RULES, ruleDocsUrl } from '../../src/report/rules.js';

const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it('is in sync with the rule registry (regenerate: npm run docs:rules)', () => {
    expect(doc).toBe((renderRulesDoc as (r: typeof RULES) => string)(RULES));
  });

  it('has a heading for every rule whose anchor is the one ruleDocsUrl links to', () => {
    for (const r of RULES) {
      expect(doc).toContain(`\n### ${r.id}\n`);
      const anchor = ruleDocsUrl(r.id).split('#')[1];
      expect((anchorOf as (s: string) => string)(r.id)).toBe(anchor);
      expect(doc).toContain(`](#${anchor})`);
    }
  });

  it('shows a failing and a passing example for every rule', () => {
    const sections = doc.split('\n### ').slice(1);
    expect(sections).toHaveLength(RULES.length);
    for (const s of sections) {
      expect(s).toMatch(/Fails:\n\n```+text\n[^\n]/);
      expect(s).toMatch(/Passes:\n\n```+text\n[^\n]/);
      expect(s).toMatch(/Default severity: \*\*(error|warning)\*\*/);
    }
  });
});
