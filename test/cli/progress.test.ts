import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../src/cli/commands/check.js';
import type { CliIo } from '../../src/cli/io.js';

function io(tty: boolean, env: Record<string, string> = {}): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env, cwd: '.', stdoutIsTTY: tty, stderrIsTTY: tty };
}

afterEach(() => vi.useRealTimers());

describe('progress on stderr', () => {
  it('appears after the delay on a terminal and is erased at the end', () => {
    vi.useFakeTimers();
    const t = io(true);
    const p = startProgress(t, 1000);
    vi.advanceTimersByTime(900);
    expect(t.err).toEqual([]);
    vi.advanceTimersByTime(2200);
    expect(t.err.length).toBe(3);
    expect(t.err[0]).toMatch(/^\rseedcheck: checking/);
    p.stop();
    expect(t.err[t.err.length - 1]).toBe('\r\x1b[K');
    vi.advanceTimersByTime(5000);
    expect(t.err.length).toBe(4);
  });

  it('a fast run shows nothing', () => {
    vi.useFakeTimers();
    const t = io(true);
    const p = startProgress(t, 1000);
    vi.advanceTimersByTime(500);
    p.stop();
    vi.advanceTimersByTime(5000);
    expect(t.err).toEqual([]);
  });

  it('never on a pipe or in CI', () => {
    vi.useFakeTimers();
    for (const t of [io(false), io(true, { CI: 'true' })]) {
      const p = startProgress(t, 10);
      vi.advanceTimersByTime(5000);
      p.stop();
      expect(t.err).toEqual([]);
    }
  });
});
