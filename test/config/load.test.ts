import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/fs.js';
import { loadConfig, jsonSyntaxError, lineColumn, renderKeyPath } from '../../src/config/load.js';
import { DEFAULT_CONFIG, UsageError } from '../../src/config/types.js';

async function err(files: Record<string, string>, configFile?: string): Promise<UsageError> {
  try {
    await loadConfig(memoryFs(files), 'proj', configFile);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('loadConfig discovery', () => {
  it('returns the defaults when there is no config', async () => {
    const c = await loadConfig(memoryFs({ 'proj/seeds/INDEX.md': '' }), 'proj');
    expect(c).toEqual(DEFAULT_CONFIG);
  });

  it('reads seedcheck.config.json at the root', async () => {
    const c = await loadConfig(
      memoryFs({ 'proj/seedcheck.config.json': '{ "seedsDir": "s", "rules": { "layout/ordinal-gap": "off" } }' }),
      'proj',
    );
    expect(c.seedsDir).toBe('s');
    expect(c.rules).toEqual({ 'layout/ordinal-gap': 'off' });
    expect(c.maxSeedBytes).toBe(DEFAULT_CONFIG.maxSeedBytes);
    expect(c.namePattern).toBe(DEFAULT_CONFIG.namePattern);
  });

  it('prefers seedcheck.config.json over package.json', async () => {
    const c = await loadConfig(
      memoryFs({
        'proj/seedcheck.config.json': '{ "seedsDir": "a" }',
        'proj/package.json': '{ "seedcheck": { "seedsDir": "b" } }',
      }),
      'proj',
    );
    expect(c.seedsDir).toBe('a');
  });

  it('reads the seedcheck key of package.json', async () => {
    const c = await loadConfig(memoryFs({ 'proj/package.json': '{ "name": "x", "seedcheck": { "maxSeedBytes": 1000 } }' }), 'proj');
    expect(c.maxSeedBytes).toBe(1000);
  });

  it('ignores a package.json without a seedcheck key', async () => {
    const c = await loadConfig(memoryFs({ 'proj/package.json': '{ "name": "seedcheck", "bin": { "seedcheck": "x" } }' }), 'proj');
    expect(c).toEqual(DEFAULT_CONFIG);
  });

  it('--config wins and is taken as given', async () => {
    const c = await loadConfig(
      memoryFs({ 'proj/seedcheck.config.json': '{ "seedsDir": "a" }', 'other/c.json': '{ "seedsDir": "z", "$schema": "x" }' }),
      'proj',
      'other/c.json',
    );
    expect(c.seedsDir).toBe('z');
    expect(c).not.toHaveProperty('$schema');
  });

  it('a missing --config file is a usage error naming it', async () => {
    const e = await err({}, 'nope.json');
    expect(e.message).toContain('nope.json');
  });

  it('accepts a BOM', async () => {
    const c = await loadConfig(memoryFs({ 'proj/seedcheck.config.json': '\uFEFF{ "seedsDir": "q" }' }), 'proj');
    expect(c.seedsDir).toBe('q');
  });
});

describe('loadConfig errors', () => {
  it('invalid JSON gives file:line:col of the error', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{\n  "seedsDir": "s",\n}\n' });
    expect(e.message).toContain('proj/seedcheck.config.json:3:1');
  });

  it('invalid JSON in package.json gives its position', async () => {
    const e = await err({ 'proj/package.json': '{ "seedcheck": { "a" 1 } }' });
    expect(e.message).toContain('proj/package.json:1:22');
  });

  it('a bad severity names the key path', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "rules": { "layout/ordinal-gap": "warn" } }' });
    expect(e.message).toContain('rules["layout/ordinal-gap"]');
    expect(e.message).toContain('"warning"');
    expect(e.message).toContain('did you mean "warning"');
  });

  it('an unknown rule id is an error with a suggestion', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "rules": { "ordinal-gap": "off" } }' });
    expect(e.message).toContain('rules["ordinal-gap"]');
    expect(e.message).toContain('layout/ordinal-gap');
  });

  it('an unknown top-level key is an error with a suggestion', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "seedDir": "s" }' });
    expect(e.message).toContain('seedDir');
    expect(e.message).toContain('"seedsDir"');
  });

  it('a wrong type names the key and the expected type', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "maxSeedBytes": "10MB" }' });
    expect(e.message).toContain('maxSeedBytes');
    expect(e.message).toContain('"10MB"');
  });

  it('a non-integer or non-positive size is rejected', async () => {
    expect((await err({ 'proj/seedcheck.config.json': '{ "maxSeedBytes": 1.5 }' })).message).toContain('maxSeedBytes');
    expect((await err({ 'proj/seedcheck.config.json': '{ "maxSeedBytes": 0 }' })).message).toContain('maxSeedBytes');
  });

  it('ignore entries must be strings', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "ignore": ["a", 3] }' });
    expect(e.message).toContain('ignore[1]');
  });

  it('the package.json key path is prefixed with seedcheck', async () => {
    const e = await err({ 'proj/package.json': '{ "seedcheck": { "rules": { "content/bom": 2 } } }' });
    expect(e.message).toContain('seedcheck.rules["content/bom"]');
  });

  it('a seedcheck key that is not an object is an error', async () => {
    const e = await err({ 'proj/package.json': '{ "seedcheck": true }' });
    expect(e.message).toContain('seedcheck');
    expect(e.message).toContain('object');
  });

  it('namePattern must be a valid regex', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "namePattern": "(?<ordinal>\\\\d+" }' });
    expect(e.message).toContain('namePattern');
  });

  it('namePattern must have the named groups ordinal, id and ext', async () => {
    const e = await err({ 'proj/seedcheck.config.json': '{ "namePattern": "^(?<ordinal>\\\\d+)_(?<id>\\\\w+)$" }' });
    expect(e.message).toContain('namePattern');
    expect(e.message).toContain('(?<ext>');
  });

  it('a namePattern with the three groups is accepted', async () => {
    const c = await loadConfig(
      memoryFs({ 'proj/seedcheck.config.json': '{ "namePattern": "^(?<ordinal>\\\\d+)-(?<id>[a-z]+)\\\\.(?<ext>\\\\w+)$" }' }),
      'proj',
    );
    expect(c.namePattern).toBe('^(?<ordinal>\\d+)-(?<id>[a-z]+)\\.(?<ext>\\w+)$');
  });
});

describe('JSON error location', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['{', 1],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['[1,2', 4],
    ['[1 2]', 3],
    ['{"a":tru}', 5],
    ['{"a":"x\ny"}', 7],
    ['{} x', 3],
    ["{'a':1}", 1],
  ];
  for (const [text, offset] of cases) {
    it(`finds the error in ${JSON.stringify(text)}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonSyntaxError(text)?.offset).toBe(offset);
    });
  }
  it('accepts valid JSON', () => {
    for (const t of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}}', ' 0 ']) expect(jsonSyntaxError(t)).toBeNull();
  });
  it('line and column are 1-based', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('renders key paths', () => {
    expect(renderKeyPath(['rules', 'layout/ordinal-gap'])).toBe('rules["layout/ordinal-gap"]');
    expect(renderKeyPath(['seedcheck', 'ignore', 0])).toBe('seedcheck.ignore[0]');
  });
});
