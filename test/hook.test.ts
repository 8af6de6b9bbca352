/**
 * The real thing: a git repository in a temp folder with a pre-commit hook
 * that runs the built seedcheck. A commit that breaks a seed is refused; a
 * good commit is accepted. Also runs the action's shell step and checks the
 * pre-commit manifest.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertValidSarif } from './report/ci-helpers.js';

const REPO = resolve(import.meta.dirname, '..');
const BIN = join(REPO, 'bin/seedcheck.js');
const BUILT = existsSync(join(REPO, 'dist/cli/main.js'));
const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/** The environment without git variables inherited from an outer hook or CI. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && k !== 'GITHUB_ACTIONS' && k !== 'GITHUB_STEP_SUMMARY') env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

function git(cwd: string, args: string[], opts: SpawnSyncOptions = {}) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: cwd }), ...opts });
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const A = '000_0123456789abcdef.txt';
const B = '001_fedcba9876543210.md';
const TEXT_A = 'The first seed: a short note kept for the hook test.\n';
const TEXT_B = '# Second seed\n\nA second document.\n';

function indexFor(rows: Array<[string, string]>): string {
  return (
    '# Seeds\n\n| # | Seed | Kind | SHA-256 |\n|---|---|---|---|\n' +
    rows.map(([name, text]) => `| ${name.slice(0, 3)} | [${name}](${name}) | prose | ${sha(text)} |`).join('\n') +
    '\n'
  );
}

describe.skipIf(!BUILT || !HAS_GIT)('pre-commit hook in a real git repository', () => {
  it('refuses a commit that breaks a seed and accepts a good one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-hook-'));
    expect(git(dir, ['init', '-q', '-b', 'main']).status).toBe(0);
    git(dir, ['config', 'user.name', 'Hook Test']);
    git(dir, ['config', 'user.email', 'hook@example.com']);
    git(dir, ['config', 'commit.gpgsign', 'false']);
    git(dir, ['config', 'core.hooksPath', '.git/hooks']);
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', A), TEXT_A);
    writeFileSync(join(dir, 'seeds/INDEX.md'), indexFor([[A, TEXT_A]]));
    mkdirSync(join(dir, '.git/hooks'), { recursive: true });
    const hook = join(dir, '.git/hooks/pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}"\n`);
    chmodSync(hook, 0o755);

    // 1. The first commit: INDEX.md matches the seed.
    git(dir, ['add', '-A']);
    const first = git(dir, ['commit', '-q', '-m', 'seeds']);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const head1 = git(dir, ['rev-parse', 'HEAD']).stdout.trim();

    // 2. A commit that edits a seed without resealing it: refused.
    writeFileSync(join(dir, 'seeds', A), TEXT_A + 'A sneaky extra line.\n');
    git(dir, ['add', '-A']);
    const tampered = git(dir, ['commit', '-q', '-m', 'tamper']);
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout + tampered.stderr).toMatch(/index\/digest-mismatch/);
    expect(git(dir, ['rev-parse', 'HEAD']).stdout.trim()).toBe(head1);

    // 3. A commit that hides a bidi control in a seed, even with a matching seal: refused.
    const bidi = TEXT_A.replace('short', 'sh\u202eort');
    writeFileSync(join(dir, 'seeds', A), bidi);
    writeFileSync(join(dir, 'seeds/INDEX.md'), indexFor([[A, bidi]]));
    git(dir, ['add', '-A']);
    const trojan = git(dir, ['commit', '-q', '-m', 'bidi']);
    expect(trojan.status).not.toBe(0);
    expect(trojan.stdout + trojan.stderr).toMatch(/content\/bidi-control/);
    expect(git(dir, ['rev-parse', 'HEAD']).stdout.trim()).toBe(head1);

    // 4. A good commit: restore the seed, add a second one with its row.
    writeFileSync(join(dir, 'seeds', A), TEXT_A);
    writeFileSync(join(dir, 'seeds', B), TEXT_B);
    writeFileSync(join(dir, 'seeds/INDEX.md'), indexFor([[A, TEXT_A], [B, TEXT_B]]));
    git(dir, ['add', '-A']);
    const good = git(dir, ['commit', '-q', '-m', 'second seed']);
    expect(good.status, good.stderr + good.stdout).toBe(0);
    expect(git(dir, ['rev-parse', 'HEAD~1']).stdout.trim()).toBe(head1);

    // 5. A new seed without a row is refused; `seedcheck --fix` adds the row and the commit goes through.
    const C = '002_aaaaaaaaaaaaaaaa.txt';
    writeFileSync(join(dir, 'seeds', C), 'A third seed, not yet listed.\n');
    git(dir, ['add', '-A']);
    expect(git(dir, ['commit', '-q', '-m', 'unlisted']).status).not.toBe(0);
    const fix = spawnSync(process.execPath, [BIN, '--fix'], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    expect(fix.status, fix.stderr + fix.stdout).toBe(0);
    expect(readFileSync(join(dir, 'seeds/INDEX.md'), 'utf8')).toContain(`[${C}](${C})`);
    git(dir, ['add', '-A']);
    expect(git(dir, ['commit', '-q', '-m', 'third seed']).status).toBe(0);
  });
});

/** The `run:` script of a composite action step, by id (a small indentation-based reader). */
function actionStepScript(yaml: string, id: string): string {
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => l.trim() === `- id: ${id}`);
  expect(at).toBeGreaterThan(-1);
  const runAt = lines.findIndex((l, i) => i > at && /^\s+run: \|\s*$/.test(l));
  const indent = lines[runAt + 1]!.match(/^\s*/)![0].length;
  const out: string[] = [];
  for (let i = runAt + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() !== '' && l.match(/^\s*/)![0].length < indent) break;
    out.push(l.slice(indent));
  }
  return out.join('\n');
}

describe.skipIf(!BUILT)('GitHub Action (action.yml)', () => {
  const yaml = readFileSync(join(REPO, 'action.yml'), 'utf8');

  it('declares a composite action with the documented inputs', () => {
    expect(yaml).toMatch(/^runs:\n\s+using: composite$/m);
    for (const input of ['args', 'working-directory', 'sarif-file', 'version', 'fail-on-findings']) {
      expect(yaml).toMatch(new RegExp(`^  ${input}:$`, 'm'));
    }
    // Inputs never pasted into the script (script injection): only through env.
    expect(actionStepScript(yaml, 'run')).not.toMatch(/\$\{\{/);
  });

  it('its run step writes SARIF, annotations, the exit code and honours fail-on-findings', () => {
    const script = actionStepScript(yaml, 'run');
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-action-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', A), TEXT_A);
    writeFileSync(join(dir, 'seeds/INDEX.md'), indexFor([[A, 'something else']]));
    const output = join(dir, 'gh-output');
    const run = (env: Record<string, string>) => {
      writeFileSync(output, '');
      return spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: cleanEnv({ GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true', SEEDCHECK_ACTION_PATH: REPO, SEEDCHECK_VERSION: '', SEEDCHECK_ARGS: '', SEEDCHECK_SARIF: '', SEEDCHECK_FAIL: 'true', ...env }),
      });
    };
    const r = run({ SEEDCHECK_SARIF: 'reports/seedcheck.sarif', SEEDCHECK_ARGS: '--rule layout/ordinal-gap=off  --max-warnings 0' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=seeds\/INDEX\.md,.*title=index\/digest-mismatch::/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports/seedcheck.sarif'), 'utf8'));
    assertValidSarif(sarif);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('index/digest-mismatch');
    expect(readFileSync(output, 'utf8')).toMatch(/^exit-code=1$/m);
    expect(readFileSync(output, 'utf8')).toMatch(/^sarif-file=reports\/seedcheck\.sarif$/m);

    const lenient = run({ SEEDCHECK_FAIL: 'false' });
    expect(lenient.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^exit-code=1$/m);

    const usage = run({ SEEDCHECK_FAIL: 'false', SEEDCHECK_ARGS: '--no-such-flag' });
    expect(usage.status).toBe(2);
  });
});

describe('pre-commit manifest (.pre-commit-hooks.yaml)', () => {
  it('declares the seedcheck hook as SPEC §10 says', () => {
    const text = readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8');
    const hooks = text.split(/^- /m).slice(1);
    const main = hooks.find((h) => /^id: seedcheck$/m.test(h))!;
    expect(main).toBeDefined();
    expect(main).toMatch(/^\s+entry: seedcheck$/m);
    expect(main).toMatch(/^\s+name: \S/m);
    expect(main).toMatch(/^\s+language: node$/m);
    expect(main).toMatch(/^\s+files: \^seeds\/$/m);
    expect(main).toMatch(/^\s+pass_filenames: false$/m);
    // The entry must resolve to the package's bin.
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.bin.seedcheck).toBe('bin/seedcheck.js');
    expect(pkg.scripts.prepare).toMatch(/build/);
  });
});
