/**
 * `seedcheck rules` lists every rule (id, default severity, description);
 * `seedcheck rules ID` explains one: description, default severity, how to
 * fix, a failing and a passing example, and the docs URL.
 */
import type { CliIo } from '../io.js';
import { parseStrict } from '../args.js';
import { UsageError } from '../../config/types.js';
import { closest } from '../../config/suggest.js';
import { RULES, isRuleId, ruleDocsUrl, ruleMeta, type RuleMeta } from '../../report/rules.js';

const HELP = `Usage: seedcheck rules [ID]

Without ID, list every rule with its default severity and description.
With ID (e.g. layout/ordinal-gap), explain the rule with examples.
Severities can be changed in the config ("rules") or with --rule ID=SEVERITY.
`;

export function listRules(): string {
  const idW = Math.max(...RULES.map((r) => r.id.length));
  const sevW = 'warning'.length;
  const lines = RULES.map((r) => `${r.id.padEnd(idW)}  ${r.severity.padEnd(sevW)}  ${r.description}`);
  return `${'RULE'.padEnd(idW)}  ${'DEFAULT'.padEnd(sevW)}  DESCRIPTION\n${lines.join('\n')}\n\n${RULES.length} rules. Run seedcheck rules ID to explain one.\n`;
}

const indent = (text: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

export function explainRule(m: RuleMeta): string {
  return [
    `${m.id}  (default severity: ${m.severity})`,
    '',
    m.description,
    '',
    `How to fix: ${m.fix}`,
    '',
    'Fails:',
    indent(m.example.fail),
    '',
    'Passes:',
    indent(m.example.pass),
    '',
    `Set its severity with --rule ${m.id}=error|warning|off, or in the config: { "rules": { "${m.id}": "off" } }.`,
    `Docs: ${ruleDocsUrl(m.id)}`,
    '',
  ].join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseStrict(args, { help: { type: 'boolean', short: 'h' } } as const, 'seedcheck rules');
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('rules takes at most one rule id, e.g. seedcheck rules layout/ordinal-gap.');
  const id = positionals[0];
  if (id === undefined) {
    io.stdout.write(listRules());
    return 0;
  }
  let resolved: string = id;
  if (!isRuleId(resolved)) {
    const bySuffix = RULES.filter((r) => r.id.endsWith('/' + id));
    if (bySuffix.length === 1) resolved = bySuffix[0]!.id;
  }
  if (!isRuleId(resolved)) {
    const near = closest(id, RULES.map((r) => r.id));
    const shown = id.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
    throw new UsageError(`unknown rule "${shown}"${near ? `; did you mean "${near}"?` : '.'} Run seedcheck rules for the list.`);
  }
  io.stdout.write(explainRule(ruleMeta(resolved)));
  return 0;
}
