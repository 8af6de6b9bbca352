/**
 * The CLI entry point: parse the command, run it, return the exit code.
 * 0 = clean, 1 = findings, 2 = usage, configuration or internal failure.
 * Never calls process.exit; the bin assigns process.exitCode.
 */
import type { CliIo, Command } from './io.js';
import { UsageError } from '../config/types.js';

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  check: () => import('./commands/check.js'),
  kinds: () => import('./commands/kinds.js'),
  init: () => import('./commands/init.js'),
  pack: () => import('./commands/pack.js'),
  unpack: () => import('./commands/unpack.js'),
  rules: () => import('./commands/rules.js'),
};

function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = { ...defaultIo(), ...io };
  let name = 'check';
  let args = argv;
  const first = argv[0];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) {
    name = first;
    args = argv.slice(1);
  }
  try {
    const mod = await COMMANDS[name]!();
    return await mod.run(args, fullIo);
  } catch (e) {
    if (e instanceof UsageError) {
      fullIo.stderr.write(`seedcheck: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    fullIo.stderr.write(
      `seedcheck: internal error: ${err?.message ?? String(e)}\n` +
        (fullIo.env.SEEDCHECK_DEBUG ? `${err?.stack ?? ''}\n` : 'Set SEEDCHECK_DEBUG=1 for a stack trace, and please report it.\n'),
    );
    return 2;
  }
}
