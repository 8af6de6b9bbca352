import type { RuleSettings } from '../report/finalize.js';

export const DEFAULT_NAME_PATTERN = '^(?<ordinal>\\d{3,})_(?<id>[0-9a-f]{16})\\.(?<ext>[a-z0-9]{1,10})$';
export const DEFAULT_MAX_SEED_BYTES = 10 * 1024 * 1024;

/** The effective configuration (SPEC §9). */
export interface Config {
  seedsDir: string;
  namePattern: string;
  maxSeedBytes: number;
  ignore: string[];
  rules: RuleSettings;
}

export const DEFAULT_CONFIG: Config = {
  seedsDir: 'seeds',
  namePattern: DEFAULT_NAME_PATTERN,
  maxSeedBytes: DEFAULT_MAX_SEED_BYTES,
  ignore: [],
  rules: {},
};

/** A user error in configuration or usage: the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
