import type { CheckOptions } from './types.js';
import type { Report } from '../report/model.js';
import { UsageError } from '../config/types.js';

// Placeholder: replaced by the real orchestrator.
export async function check(_options: CheckOptions = {}): Promise<Report> {
  throw new UsageError('check() is not built yet');
}
