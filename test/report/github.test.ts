import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, escapeData, escapeProperty, stepSummary, markdownCell } from '../../src/report/formats/github.js';
import { finding, type Diagnostic } from '../../src/report/types.js';
import { ctx, makeReport, parseWorkflowCommands, seedEntry } from './ci-helpers.js';

const SEED = 'seeds/000_0123456789abcdef.txt';

function diag(over: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'content/bidi-control', severity: 'error', file: SEED, line: 1, column: 1, message: 'm', ...over };
}

async function run(report: ReturnType<typeof makeReport>, env: Record<string, string> = {}, extra = {}) {
  return await format(report, ctx({ env, ...extra }));
}

describe('github format', () => {
  it('prints one escaped annotation per finding with file, line, col and title', async () => {
    const report = makeReport({
      findings: [
        finding('index/digest-mismatch', 'seeds/INDEX.md', { line: 5, column: 60, endLine: 5, endColumn: 124 }, { declared: 'a'.repeat(64), actual: 'b'.repeat(64) }),
        finding('layout/ordinal-gap', 'seeds/002_0123456789abcdef.txt', { line: 1, column: 1 }, { expected: 1, found: 2 }),
      ],
    });
    const out = await run(report);
    const cmds = parseWorkflowCommands(out);
    expect(cmds).toHaveLength(2);
    const err = cmds.find((c) => c.name === 'error');
    const dm = report.diagnostics.find((d) => d.ruleId === 'index/digest-mismatch')!;
    expect(err).toMatchObject({
      name: 'error',
      props: { file: 'seeds/INDEX.md', line: '5', col: '60', endLine: '5', endColumn: '124', title: 'index/digest-mismatch' },
      data: dm.message,
    });
    expect(cmds.find((c) => c.name === 'warning')).toMatchObject({ name: 'warning', props: { file: 'seeds/002_0123456789abcdef.txt', line: '1', col: '1', title: 'layout/ordinal-gap' } });
    expect(out.split('\n').find((l) => l.startsWith('::error'))).toMatch(/^::error file=seeds\/INDEX\.md,line=5,col=60,endLine=5,endColumn=124,title=index\/digest-mismatch::/);
  });

  it('omits columns when a finding spans several lines (toolkit rule)', async () => {
    const out = await run(makeReport({ diagnostics: [diag({ line: 2, column: 3, endLine: 4, endColumn: 2 })] }));
    const [c] = parseWorkflowCommands(out);
    expect(c!.props).toEqual({ file: SEED, line: '2', endLine: '4', title: 'content/bidi-control' });
  });

  it('escapes like the toolkit', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
  });

  it('no seed text or file name can inject a workflow command', async () => {
    const attacks = [
      '\n::error file=x::pwned',
      '::stop-commands::tok\n::error::pwned',
      '%0A::error::pwned',
      'a%25b%0D::warning::x',
      'x\r::add-mask::secret',
      'tail\n::set-output name=a::b\r\n',
      '::error::start',
    ];
    const diagnostics: Diagnostic[] = [];
    for (const a of attacks) {
      diagnostics.push(diag({ message: `msg ${a}`, file: `seeds/${a}.txt` }));
      diagnostics.push(diag({ severity: 'warning', ruleId: 'content/control-char', message: a, file: `seeds/w${a}` }));
    }
    const out = await run(makeReport({ diagnostics }));
    const cmds = parseWorkflowCommands(out);
    // Exactly one command per finding, each the right one, carrying the exact text.
    expect(cmds).toHaveLength(diagnostics.length);
    cmds.forEach((c, i) => {
      const d = diagnostics[i]!;
      expect(c.name).toBe(d.severity);
      expect(c.props.file).toBe(d.file);
      expect(c.props.title).toBe(d.ruleId);
      expect(c.data).toBe(d.message);
    });
    // No line other than our annotations and the summary line looks like a command.
    const lines = out.split('\n').filter((l) => l !== '');
    expect(lines.filter((l) => l.trim().startsWith('::'))).toHaveLength(diagnostics.length);
    for (const l of lines) expect(l).not.toMatch(/\r/);
  });

  it('overflow: 10 errors and 10 warnings as annotations, a notice with the count of the rest, all still in the log', async () => {
    const diagnostics: Diagnostic[] = [];
    for (let i = 1; i <= 13; i++) diagnostics.push(diag({ line: i, file: `seeds/e\n::error::${i}` }));
    for (let i = 1; i <= 11; i++) diagnostics.push(diag({ severity: 'warning', ruleId: 'content/bom', line: i, message: `w${i}` }));
    const out = await run(makeReport({ diagnostics }));
    const cmds = parseWorkflowCommands(out);
    expect(cmds.filter((c) => c.name === 'error')).toHaveLength(10);
    expect(cmds.filter((c) => c.name === 'warning')).toHaveLength(10);
    const notices = cmds.filter((c) => c.name === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatch(/\b3 errors\b/);
    expect(notices[0]!.data).toMatch(/\b1 warning\b/);
    // The four that did not fit are plain log lines, one each, never a command.
    const plain = out.split('\n').filter((l) => /^(error|warning) /.test(l));
    expect(plain).toHaveLength(4);
    expect(plain.join('\n')).toContain('%0A::error::13');
  });

  it('no notice when everything fits', async () => {
    const diagnostics = Array.from({ length: 10 }, (_, i) => diag({ line: i + 1 }));
    const cmds = parseWorkflowCommands(await run(makeReport({ diagnostics })));
    expect(cmds.filter((c) => c.name === 'notice')).toHaveLength(0);
    expect(cmds).toHaveLength(10);
  });

  it('--quiet leaves warnings out', async () => {
    const report = makeReport({ diagnostics: [diag({}), diag({ severity: 'warning', ruleId: 'content/bom' })] });
    const cmds = parseWorkflowCommands(await format(report, ctx({ quiet: true })));
    expect(cmds.map((c) => c.name)).toEqual(['error']);
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY when set (via ctx.appendFile)', async () => {
    const writes: Array<[string, string]> = [];
    const report = makeReport({ seeds: [seedEntry(SEED)], diagnostics: [diag({ message: 'a | b' })] });
    await format(report, ctx({ env: { GITHUB_STEP_SUMMARY: '/tmp/summary.md' }, appendFile: async (p, t) => void writes.push([p, t]) }));
    expect(writes).toHaveLength(1);
    expect(writes[0]![0]).toBe('/tmp/summary.md');
    const md = writes[0]![1];
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));
    expect(rows).toHaveLength(1);
    // Six cells: the | in the message is escaped and does not split the cell.
    expect(rows[0]!.split(/(?<!\\)\|/).length - 2).toBe(6);
    // Nothing is written without the variable.
    writes.length = 0;
    await format(report, ctx({ appendFile: async (p, t) => void writes.push([p, t]) }));
    expect(writes).toHaveLength(0);
  });

  it('appends to the real file when no appendFile hook is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seedcheck-gh-'));
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'before\n');
    await format(makeReport({ diagnostics: [diag({})] }), ctx({ env: { GITHUB_STEP_SUMMARY: file } }));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('before\n')).toBe(true);
    expect(text).toContain('content/bidi-control'.replace(/-/g, '\\-'));
  });

  it('the summary neutralises hostile seed text: no HTML, links, newlines or cell breaks', () => {
    const hostile = 'x|y\n## heading <img src=x onerror=alert(1)> [link](https://evil.example) ![i](http://e/i.png) `code` www.evil.com \u001b[31m';
    const md = stepSummary(makeReport({ diagnostics: [diag({ file: `seeds/${hostile}`, message: hostile })] }));
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/\]\(/);
    expect(md).not.toContain('https://');
    expect(md).not.toContain('www.evil');
    expect(md).not.toContain('\u001b');
    expect(md).not.toMatch(/^## heading/m);
    expect(markdownCell('a|b')).toBe('a\\|b');
  });
});
