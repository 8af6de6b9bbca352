/** Programming-language ids from extension, shebang and content, and per-line code cues. */

export const CODE_EXT: Record<string, string> = {
  py: 'python', pyw: 'python', pyi: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', sc: 'scala',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', hxx: 'cpp',
  cs: 'csharp', fs: 'fsharp', swift: 'swift', m: 'objective-c', mm: 'objective-c',
  rb: 'ruby', php: 'php', pl: 'perl', pm: 'perl', lua: 'lua', r: 'r', jl: 'julia',
  hs: 'haskell', ml: 'ocaml', mli: 'ocaml', ex: 'elixir', exs: 'elixir', erl: 'erlang', clj: 'clojure',
  dart: 'dart', zig: 'zig', nim: 'nim', v: 'v', sh: 'shell', bash: 'shell', zsh: 'shell', fish: 'fish',
  ps1: 'powershell', bat: 'batch', cmd: 'batch', sql: 'sql', vue: 'vue', svelte: 'svelte',
  el: 'emacs-lisp', lisp: 'lisp', scm: 'scheme', rkt: 'racket', groovy: 'groovy', gradle: 'groovy',
  asm: 'assembly', s: 'assembly', f90: 'fortran', f: 'fortran', pas: 'pascal', d: 'd', cr: 'crystal',
  css: 'css', scss: 'scss', less: 'less', makefile: 'make', mk: 'make', cmake: 'cmake', dockerfile: 'dockerfile',
  proto: 'protobuf', graphql: 'graphql', tf: 'hcl', nix: 'nix', sol: 'solidity', vim: 'vim', awk: 'awk',
};

export const CODE_BASENAMES: Record<string, string> = {
  makefile: 'make', gnumakefile: 'make', dockerfile: 'dockerfile', rakefile: 'ruby', gemfile: 'ruby',
  'cmakelists.txt': 'cmake', justfile: 'just', vagrantfile: 'ruby', jenkinsfile: 'groovy',
};

const INTERP: Array<[RegExp, string]> = [
  [/python/, 'python'], [/node|deno|bun/, 'javascript'], [/\b(ba|z|k|da)?sh\b/, 'shell'], [/ruby/, 'ruby'],
  [/perl/, 'perl'], [/php/, 'php'], [/lua/, 'lua'], [/Rscript/, 'r'], [/julia/, 'julia'], [/fish/, 'fish'],
  [/awk/, 'awk'], [/tsx|ts-node/, 'typescript'], [/pwsh/, 'powershell'],
];

export function langFromShebang(line: string): string | null {
  if (!line.startsWith('#!')) return null;
  for (const [re, id] of INTERP) if (re.test(line)) return id;
  return 'shell';
}

/** Content cues, each [regex on a trimmed line, language, weight]. Anchored, simple. */
const LANG_CUES: Array<[RegExp, string, number]> = [
  [/^def \w+\(.*\):$/, 'python', 3], [/^(from [\w.]+ )?import [\w., ]+$/, 'python', 0.5], [/^elif .*:$/, 'python', 3],
  [/^class \w+(\(.*\))?:$/, 'python', 3], [/^if __name__ == /, 'python', 5], [/^self\./, 'python', 1],
  [/^import .* from ['"]/, 'javascript', 2], [/^(const|let) \w+ = require\(/, 'javascript', 3], [/^module\.exports/, 'javascript', 3],
  [/^export (default |async )?(function|class|const)\b/, 'javascript', 2], [/=> \{$/, 'javascript', 1], [/^(const|let|var) \w+ = /, 'javascript', 1],
  [/^(export )?(interface|type) \w+.* [={]/, 'typescript', 3], [/: (string|number|boolean)\b/, 'typescript', 1.5],
  [/^package \w+$/, 'go', 2], [/^func (\(\w+ \*?\w+\) )?\w+\(/, 'go', 3], [/ := /, 'go', 1],
  [/^(pub(\(crate\))? )?fn \w+/, 'rust', 3], [/^use \w+(::\w+)+/, 'rust', 2], [/^impl\b/, 'rust', 3], [/\blet mut\b/, 'rust', 2],
  [/^(public|private|protected) (static )?(final )?(class|void|int|String|boolean)\b/, 'java', 2], [/^package [\w.]+;$/, 'java', 3], [/^import [\w.]+;$/, 'java', 2],
  [/^#include [<"]/, 'c', 2], [/^(static )?(int|void|char|unsigned|size_t|struct \w+) \*?\w+\(/, 'c', 2],
  [/\bstd::/, 'cpp', 2], [/^(template ?<|namespace \w+|using namespace)/, 'cpp', 3], [/^class \w+( : public \w+)? \{?$/, 'cpp', 1],
  [/^<\?php/, 'php', 6], [/^namespace [\w\\]+;$/, 'php', 3], [/\$this->/, 'php', 2],
  [/^(object|trait|case class|sealed trait) \w+/, 'scala', 3], [/^(val|var) \w+(: \w+)? = /, 'scala', 1], [/^def \w+(\[.*\])?\(.*\)(: [\w\[\]]+)? =/, 'scala', 3],
  [/^module [\w.]+( \(.*)? where$/, 'haskell', 6], [/^\w+ :: /, 'haskell', 3], [/^import qualified /, 'haskell', 4],
  [/^(module|using|export) [A-Z]\w*/, 'julia', 1], [/^function \w+\(.*\)$/, 'julia', 1.5], [/^end$/, 'julia', 0.5],
  [/^(require|require_relative) ['"]/, 'ruby', 3], [/^def \w+[?!]?(\(.*\))?$/, 'ruby', 1.5], [/^end$/, 'ruby', 0.5], [/\bdo \|\w+(, ?\w+)*\|$/, 'ruby', 3],
  [/^(local )?function [\w.:]+\(/, 'lua', 1.5], [/^local \w+ = /, 'lua', 2],
  [/^(SELECT|INSERT INTO|CREATE TABLE|UPDATE|DELETE FROM|ALTER TABLE) /i, 'sql', 3],
  [/^(if \[|fi$|then$|esac$|done$|echo )/, 'shell', 1.5], [/^(export )?[A-Z_]+=\S*$/, 'shell', 0.5],
  [/^(using System|namespace \w+(\.\w+)*$|public (partial )?class)/, 'csharp', 1.5],
  [/^FROM [\w./:@-]+( (AS|as) \w+)?$/, 'dockerfile', 4], [/^(RUN|COPY|WORKDIR|ENTRYPOINT|EXPOSE) \S/, 'dockerfile', 1],
];

export function langFromContent(lines: string[], limit = 400): string | null {
  const score = new Map<string, number>();
  const n = Math.min(lines.length, limit);
  for (let i = 0; i < n; i++) {
    const t = lines[i]!.trim();
    if (t.length === 0 || t.length > 200) continue;
    for (const [re, id, w] of LANG_CUES) if (re.test(t)) score.set(id, (score.get(id) ?? 0) + w);
  }
  // TypeScript is JavaScript plus types.
  const ts = score.get('typescript') ?? 0;
  if (ts > 0) score.set('typescript', ts + (score.get('javascript') ?? 0) * 0.6);
  if ((score.get('cpp') ?? 0) > 0) score.set('cpp', (score.get('cpp') ?? 0) + (score.get('c') ?? 0) * 0.6);
  let best: string | null = null;
  let bs = 2.5;
  for (const [id, s] of score) if (s > bs) [best, bs] = [id, s];
  return best;
}

const KEYWORD_START =
  /^(import|from|export|def|class|function|func|fn|pub|impl|use|package|module|return|if|for|while|else|elif|switch|case|try|catch|except|finally|raise|throw|const|let|var|val|struct|enum|interface|type|namespace|template|public|private|protected|static|void|int|char|#include|#define|#if|#endif|#ifdef|#pragma|local|end|begin|do|done|fi|then|using|async|await|yield|new|delete|go|defer|select|match|where|lambda|with|assert|break|continue|goto|typedef|extern|unsafe|mod|trait|object|override|final|abstract|sealed|data|instance|deriving|echo|set|unset|require|include)\b/;

/** Does the line hold `k` consecutive lower-case words of 3+ letters separated by single spaces? Linear. */
export function wordRun(t: string, k: number): boolean {
  let run = 0;
  let len = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 32;
    if (c >= 97 && c <= 122) {
      len++;
      continue;
    }
    if (c === 32 && len >= 3) {
      run++;
      if (run >= k) return true;
    } else if (len >= 3 && i === t.length) {
      run++;
      if (run >= k) return true;
    } else run = 0;
    if (c !== 32) run = 0;
    len = 0;
  }
  return false;
}

/** Is this (trimmed, non-empty) line code-looking? Returns 0..1. */
export function codeLineScore(t: string): number {
  const last = t.charCodeAt(t.length - 1);
  // ; { } ( ) , [ ] : =  at the end
  if (last === 59 || last === 123 || last === 125) return 1;
  if (KEYWORD_START.test(t)) {
    // keyword followed by prose ("If you want to…", "For example, …") is not code
    if (/^(If|For|While|Import|Export|Use|Return|Type|Package|Module|With|Where|Then|Do|Data|Set|Local|End|Begin|Match|Select|New|Go|Include|Require)\b/.test(t) && wordRun(t, 3) && !/[;{}()=]/.test(t)) return 0;
    return 0.9;
  }
  if (/^(FROM|RUN|COPY|ADD|WORKDIR|EXPOSE|CMD|ENTRYPOINT|ENV|ARG|USER|LABEL|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD) \S/.test(t)) return 0.9;
  if (t.startsWith('//') || t.startsWith('/*') || t.startsWith('*/') || t.startsWith('* ') || t === '*') return 0.6;
  if (last === 40 || last === 41 || last === 44 || last === 91 || last === 93) return wordRun(t, 4) ? 0.2 : 0.7;
  if (/^[\w.$[\]]+ *(=|\+=|-=|:=|<-) /.test(t)) return 0.7;
  if (/^[\w.$]+\(.*\)$/.test(t)) return 0.7;
  if (/^@\w+/.test(t)) return 0.6;
  if (t === ')' || t === ']' || t === '});' || t === '})' || t === 'end') return 1;
  return 0;
}
