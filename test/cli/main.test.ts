import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/fs.js';
import { runMain, cleanFiles } from './helpers.js';
import { VERSION } from '../../src/version.js';
import { RULES } from '../../src/report/rules.js';

const A = '000_0123456789abcdef.txt';

/** cleanFiles plus one seed with a warning (BOM) and one unlisted seed (error). */
function withProblems(): Record<string, string> {
  const files = cleanFiles('p/');
  files[`p/seeds/${A}`] = '\uFEFF' + files[`p/seeds/${A}`]!; // content/bom (warning) + size/digest mismatch (errors)
  return files;
}
function warningsOnly(): Record<string, string> {
  const files = cleanFiles('p/');
  // A gap in ordinals is a warning: renumber 001 → 002 and its row.
  const b = '001_fedcba9876543210.txt';
  const c = '002_fedcba9876543210.txt';
  files[`p/seeds/${c}`] = files[`p/seeds/${b}`]!;
  delete files[`p/seeds/${b}`];
  files['p/seeds/INDEX.md'] = files['p/seeds/INDEX.md']!.replaceAll(b, c).replace('| 001 |', '| 002 |');
  return files;
}

describe('main(): check', () => {
  it('clean folder → exit 0 and one line', async () => {
    const r = await runMain([], { fs: memoryFs(cleanFiles('p/')) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('"check" is the default command', async () => {
    const a = await runMain([], { fs: memoryFs(withProblems()) });
    const b = await runMain(['check'], { fs: memoryFs(withProblems()) });
    expect(a).toEqual(b);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('content/bom');
    expect(a.stdout).toContain('index/digest-mismatch');
  });

  it('warnings alone exit 0; --max-warnings 0 makes them exit 1', async () => {
    const fs = () => memoryFs(warningsOnly());
    const plain = await runMain([], { fs: fs() });
    expect(plain.stdout).toContain('layout/ordinal-gap');
    expect(plain.code).toBe(0);
    expect((await runMain(['--max-warnings', '0'], { fs: fs() })).code).toBe(1);
    expect((await runMain(['--max-warnings=1'], { fs: fs() })).code).toBe(0);
  });

  it('--quiet drops warnings from the output and the count', async () => {
    const q = await runMain(['--quiet', '--max-warnings', '0'], { fs: memoryFs(warningsOnly()) });
    expect(q.code).toBe(0);
    expect(q.stdout).not.toContain('layout/ordinal-gap');
    const j = await runMain(['--quiet', '--format', 'json'], { fs: memoryFs(withProblems()) });
    const rep = JSON.parse(j.stdout);
    expect(rep.summary.warnings).toBe(0);
    expect(rep.diagnostics.every((d: { severity: string }) => d.severity === 'error')).toBe(true);
    expect(rep.diagnostics.length).toBeGreaterThan(0);
  });

  it('--rule changes severities, off drops the rule', async () => {
    const up = await runMain(['--rule', 'layout/ordinal-gap=error'], { fs: memoryFs(warningsOnly()) });
    expect(up.code).toBe(1);
    const off = await runMain(['--rule', 'layout/ordinal-gap=off', '--max-warnings', '0'], { fs: memoryFs(warningsOnly()) });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('layout/ordinal-gap');
  });

  it('the config sets rules and flags override it', async () => {
    const files = warningsOnly();
    files['p/seedcheck.config.json'] = '{ "rules": { "layout/ordinal-gap": "error" } }';
    expect((await runMain([], { fs: memoryFs(files) })).code).toBe(1);
    expect((await runMain(['--rule', 'layout/ordinal-gap=warning'], { fs: memoryFs(files) })).code).toBe(0);
  });

  it('--format json=FILE writes the file and stylish still goes to stdout', async () => {
    const fs = memoryFs(withProblems());
    const r = await runMain(['--format', 'json=out/report.json', '--format', 'stylish'], { fs });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('content/bom');
    const rep = JSON.parse(new TextDecoder().decode(await fs.readFile('p/out/report.json')));
    expect(rep.version).toBe(1);
    expect(rep.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('content/bom');
  });

  it('only the given formats are printed (json only → stdout is JSON)', async () => {
    const r = await runMain(['-f', 'json'], { fs: memoryFs(cleanFiles('p/')) });
    expect(JSON.parse(r.stdout).summary.seeds).toBe(2);
  });

  it('--fix updates INDEX.md first, reports the changes on stderr, and is idempotent', async () => {
    const fs = memoryFs(withProblems());
    const first = await runMain(['--fix'], { fs });
    expect(first.stderr).toContain('INDEX.md');
    expect(first.stdout).not.toContain('index/digest-mismatch');
    expect(first.stdout).toContain('content/bom'); // not fixable: still reported
    expect(first.code).toBe(0);
    const second = await runMain(['--fix'], { fs });
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('GITHUB_ACTIONS=true without --format picks the github format; --format still wins', async () => {
    const gh = await runMain([], { fs: memoryFs(withProblems()), env: { GITHUB_ACTIONS: 'true' } });
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=seeds\/INDEX\.md,line=\d+,col=\d+[^:]*title=index\/digest-mismatch::/m);
    const st = await runMain(['-f', 'stylish'], { fs: memoryFs(withProblems()), env: { GITHUB_ACTIONS: 'true' } });
    expect(st.stdout).not.toContain('::error');
    expect(st.stdout).toContain('index/digest-mismatch');
  });

  it('code frames line up with the reported column, also after a BOM', async () => {
    const files = cleanFiles('p/');
    files[`p/seeds/${A}`] = '\uFEFFabc\u0007def\n' + files[`p/seeds/${A}`]!;
    const r = await runMain(['--rule', 'content/bom=off'], { fs: memoryFs(files) });
    expect(r.stdout).toMatch(/^\s+1:4\s+warning\s.*content\/control-char$/m);
    const lines = r.stdout.split('\n');
    const text = lines.findIndex((l) => l.includes('> 1 | abc\\x07def'));
    expect(text).toBeGreaterThanOrEqual(0);
    expect(lines[text + 1]!.indexOf('^')).toBe(lines[text]!.indexOf('\\x07'));
  });

  it('--verbose lists every seed with its kind', async () => {
    const r = await runMain(['--verbose'], { fs: memoryFs(cleanFiles('p/')) });
    expect(r.stdout).toMatch(/seeds\/000_0123456789abcdef\.txt\s+\S+/);
    expect(r.stdout).toMatch(/seeds\/001_fedcba9876543210\.txt\s+\S+/);
  });

  it('--root and --seeds-dir choose the folder', async () => {
    const files: Record<string, string> = {};
    for (const [k, v] of Object.entries(cleanFiles('proj/'))) files[k.replace('proj/seeds/', 'proj/docs/seeds/')] = v;
    const r = await runMain(['--root', 'proj', '--seeds-dir', 'docs/seeds'], { fs: memoryFs(files), cwd: '.' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('positional paths restrict content checks but not the manifest', async () => {
    const files = withProblems();
    const other = await runMain(['seeds/001_fedcba9876543210.txt', '-f', 'json'], { fs: memoryFs(files) });
    const ids = JSON.parse(other.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids).not.toContain('content/bom');
    // The manifest is still checked against the whole folder.
    expect(ids).toContain('index/digest-mismatch');
    const own = await runMain(['seeds/000_0123456789abcdef.txt', '-f', 'json'], { fs: memoryFs(files) });
    expect(JSON.parse(own.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('content/bom');
  });

  it('colour: off without a TTY, on with FORCE_COLOR or --color, off with NO_COLOR or --no-color', async () => {
    const fs = () => memoryFs(withProblems());
    const esc = (r: { stdout: string }) => r.stdout.includes('\x1b[');
    expect(esc(await runMain([], { fs: fs() }))).toBe(false);
    expect(esc(await runMain([], { fs: fs(), tty: true }))).toBe(true);
    expect(esc(await runMain([], { fs: fs(), env: { FORCE_COLOR: '1' } }))).toBe(true);
    expect(esc(await runMain(['--color'], { fs: fs() }))).toBe(true);
    expect(esc(await runMain([], { fs: fs(), tty: true, env: { NO_COLOR: '1' } }))).toBe(false);
    expect(esc(await runMain(['--no-color'], { fs: fs(), tty: true }))).toBe(false);
    expect(esc(await runMain([], { fs: fs(), tty: true, env: { FORCE_COLOR: '0' } }))).toBe(false);
  });

  it('a JSON file never gets colour', async () => {
    const fs = memoryFs(withProblems());
    await runMain(['--color', '-f', 'json=r.json'], { fs });
    expect(new TextDecoder().decode(await fs.readFile('p/r.json'))).not.toContain('\x1b');
  });
});

describe('main(): usage errors exit 2 with one line on stderr', () => {
  const cases: [string[], string][] = [
    [['--frobnicate'], '--frobnicate'],
    [['--formt', 'json'], '--format'],
    [['--format', 'yaml'], 'yaml'],
    [['--format', 'json', '--format', 'stylish'], 'standard output'],
    [['--max-warnings', '-3'], '--max-warnings'],
    [['--max-warnings', 'many'], '--max-warnings'],
    [['--rule', 'layout/ordinal-gap'], 'ID=SEVERITY'],
    [['--rule', 'layout/nope=off'], 'layout/nope'],
    [['--rule', 'layout/ordinal-gap=warn'], 'warning'],
    [['--root'], '--root'],
    [['--fix=yes'], '--fix'],
  ];
  for (const [argv, needle] of cases) {
    it(argv.join(' '), async () => {
      const r = await runMain(argv, { fs: memoryFs(cleanFiles('p/')) });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(needle);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a missing seeds folder → 2', async () => {
    const r = await runMain([], { fs: memoryFs({ 'p/README.md': 'x' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('seeds');
  });

  it('an invalid config → 2 naming the key', async () => {
    const files = cleanFiles('p/');
    files['p/seedcheck.config.json'] = '{ "rules": { "layout/ordinal-gap": "loud" } }';
    const r = await runMain([], { fs: memoryFs(files) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules["layout/ordinal-gap"]');
  });

  it('--config pointing nowhere → 2', async () => {
    const r = await runMain(['--config', 'nope.json'], { fs: memoryFs(cleanFiles('p/')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.json');
  });
});

describe('main(): --help, --version, rules', () => {
  it('--version / -v print the version', async () => {
    expect((await runMain(['--version'])).stdout).toBe(`${VERSION}\n`);
    expect((await runMain(['-v'])).stdout).toBe(`${VERSION}\n`);
  });

  it('--help lists every command and the check options', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['check', 'kinds', 'init', 'pack', 'unpack', 'rules', '--root', '--seeds-dir', '--config', '--format', '--fix', '--max-warnings', '--quiet', '--verbose', '--rule', '--no-color', '--version']) {
      expect(r.stdout).toContain(word);
    }
    expect((await runMain(['-h'])).stdout).toBe(r.stdout);
  });

  it('rules lists every rule with its default severity', async () => {
    const r = await runMain(['rules']);
    expect(r.code).toBe(0);
    for (const m of RULES) expect(r.stdout).toMatch(new RegExp(`^${m.id}\\s+${m.severity}\\s+\\S`, 'm'));
  });

  it('rules ID explains one rule with examples and the docs URL', async () => {
    const r = await runMain(['rules', 'index/digest-mismatch']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('index/digest-mismatch');
    expect(r.stdout).toContain('docs/rules.md#indexdigest-mismatch');
    expect(r.stdout).toMatch(/Fails:\n {4}\S/);
    expect(r.stdout).toMatch(/Passes:\n {4}\S/);
  });

  it('rules accepts an id without its group when unique', async () => {
    const r = await runMain(['rules', 'ordinal-gap']);
    expect(r.stdout).toContain('layout/ordinal-gap');
  });

  it('an unknown rule id → 2 with a suggestion', async () => {
    const r = await runMain(['rules', 'layout/ordinal-gapp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('layout/ordinal-gap');
  });
});
