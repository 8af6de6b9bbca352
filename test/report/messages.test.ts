import { describe, expect, it } from 'vitest';
import { RULES, ruleDocsUrl } from '../../src/report/rules.js';
import { sanitize } from '../../src/report/sanitize.js';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../src/version.js';

describe('rule registry', () => {
  it('has unique ids with a description, fix and docs anchor', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.fix.length).toBeGreaterThan(5);
      expect(ruleDocsUrl(r.id)).toMatch(/#[a-z]+[a-z0-9-]+$/);
    }
  });
});

describe('sanitize', () => {
  it('never lets escape sequences or control characters through', () => {
    const out = sanitize('a\u001b[31mred\u0007\r\n\u202e\u{e0041}b');
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
    expect(out).toContain('\\x1b');
    expect(out).toContain('\\u202e');
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
