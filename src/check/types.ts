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
}
