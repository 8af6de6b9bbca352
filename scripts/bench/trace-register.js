// node --import ./trace-register.js …: records every module file the process
// loads into $SEEDCHECK_TRACE (one URL or path per line): ESM through a load
// hook (on the hooks thread), CommonJS and require(esm) through Module._load.
import { register } from 'node:module';
import Module from 'node:module';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const out = process.env.SEEDCHECK_TRACE;
if (out) {
  register('./trace-hooks.js', import.meta.url, { data: { out } });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const result = load.apply(this, arguments);
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      if (file.startsWith('/')) appendFileSync(out, pathToFileURL(file).href + '\n');
    } catch {
      // built-in or unresolvable: not a file
    }
    return result;
  };
}
