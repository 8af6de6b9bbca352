import type { SeedFs } from '../fs.js';

/** Everything the CLI touches outside itself, injectable for tests. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** File access for the core; default: the real disk. */
  fs?: SeedFs;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;
