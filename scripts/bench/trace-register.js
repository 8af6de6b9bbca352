// node --import ./trace-register.js …: records every ESM module URL the
// process loads into $SEEDCHECK_TRACE (one per line), via a resolve hook.
import { register } from 'node:module';

if (process.env.SEEDCHECK_TRACE) register('./trace-hooks.js', import.meta.url, { data: { out: process.env.SEEDCHECK_TRACE } });
