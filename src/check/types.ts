import type { SeedFs } from '../fs.js';
import type { Config } from '../config/types.js';
import type { RuleSettings } from '../report/finalize.js';

export interface CheckOptions {
  /** Project root; default: current directory. */
  root?: string;
  /** Seeds folder relative to root; overrides config. */
  seedsDir?: string;
  /** Explicit config file (relative to cwd or absolute). */
  configFile?: string;
  /** Config values given directly (library callers, flags); override the file. */
  config?: Partial<Config>;
  /** Rule severity overrides (`--rule ID=SEVERITY`); override config. */
  rules?: RuleSettings;
  /** Restrict content checks to these seeds (paths relative to cwd or root). */
  paths?: string[];
  /** File access; default: the real disk. */
  fs?: SeedFs;
  /** Classify each seed's kind; default true. */
  classify?: boolean;
  /**
   * Threads that check seeds (worker threads, `node:worker_threads`).
   * 0 or 1: this thread only. A number ≥ 2: that many, whatever the number
   * of seeds. 'auto' (the default): when there are at least 64 seeds to
   * check and an idle CPU (by the load average), this thread plus one worker
   * per idle CPU (at most 8 threads). Worker threads are used only on
   * the real disk (never with a custom `fs`). The report is the same either
   * way. Default when not given: the `SEEDCHECK_WORKERS` environment
   * variable (a number or `auto`), else 'auto'.
   */
  workers?: number | 'auto';
}
