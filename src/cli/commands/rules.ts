import type { CliIo } from '../io.js';
import { UsageError } from '../../config/types.js';

// Placeholder: replaced by the real command.
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('the "rules" command is not built yet');
}
