/**
 * Adversarial inputs of issue 6, parameterised by size so tests can compare
 * n and 4n. Sizes in the issue: 10 MB of `=`, 100,000 BEGIN lines, a 10 MB
 * single line, 1 MB of combining marks, deeply nested fences, an INDEX.md
 * table with 100,000 rows. Tests scale them down (n and 4n).
 */
export interface Adversarial {
  name: string;
  /** Base size for the n-vs-4n comparison. */
  n: number;
  make: (n: number) => string;
}

const hex16 = (i: number) => i.toString(16).padStart(16, '0');

export const ADVERSARIAL: Adversarial[] = [
  { name: 'a single line of "=" (n bytes)', n: 1 << 20, make: (n) => '='.repeat(n) },
  { name: 'lines of "=" of growing length, then " BEGIN"', n: 8000, make: (n) => Array.from({ length: n }, (_, i) => '='.repeat(3 + (i % 97)) + ' BEGIN').join('\n') },
  { name: 'n unterminated BEGIN lines', n: 25_000, make: (n) => Array.from({ length: n }, () => '=== BEGIN a.txt ===').join('\n') + '\n' },
  { name: 'n BEGIN lines with distinct paths', n: 10_000, make: (n) => Array.from({ length: n }, (_, i) => `=== BEGIN d${i}/f.txt ===`).join('\n') + '\n' },
  { name: 'n empty blocks with distinct paths (duplicate/collision checks)', n: 5_000, make: (n) => Array.from({ length: n }, (_, i) => `=== BEGIN p/${i % 7}/F${i}.txt ===\n=== END p/${i % 7}/F${i}.txt ===`).join('\n') + '\n' },
  { name: 'a single line of words (n bytes)', n: 1 << 20, make: (n) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27)).slice(0, n) },
  { name: 'combining marks (n code units)', n: 256 * 1024, make: (n) => 'e' + '\u0301'.repeat(n - 1) },
  { name: 'combining marks over many lines', n: 256 * 1024, make: (n) => ('a' + '\u0301\u0302\u0303'.repeat(20) + '\n').repeat(Math.ceil(n / 62)) },
  {
    name: 'deeply nested fences (backticks, tildes, canonical, markdown-files)',
    n: 5_000,
    make: (n) =>
      Array.from({ length: n }, (_, i) => {
        const k = 3 + (i % 60);
        switch (i % 4) {
          case 0:
            return `## File: src/f${i}.ts\n${'`'.repeat(k)}ts`;
          case 1:
            return '~'.repeat(k);
          case 2:
            return `${'='.repeat(k)} BEGIN n${i} ${'='.repeat(k)}`;
          default:
            return `> ${'`'.repeat(k)}`;
        }
      }).join('\n') + '\n',
  },
  { name: 'repomix-xml open tags, never closed', n: 10_000, make: (n) => Array.from({ length: n }, (_, i) => `<file path="a${i}.ts">`).join('\n') + '\n' },
  { name: 'txtar markers', n: 10_000, make: (n) => Array.from({ length: n }, (_, i) => `-- f${i % 100}.txt --\nx`).join('\n') + '\n' },
  {
    name: 'INDEX.md table with n rows',
    n: 25_000,
    make: (n) =>
      '# Seeds\n\n| # | Seed | Kind | Bytes | SHA-256 |\n|---|---|---|---|---|\n' +
      Array.from({ length: n }, (_, i) => {
        const name = `${String(i).padStart(3, '0')}_${hex16(i)}.txt`;
        return `| ${String(i).padStart(3, '0')} | [${name}](${name}) | prose | ${i} | ${'ab'.repeat(32)} |`;
      }).join('\n') +
      '\n',
  },
  { name: 'table-ish pipes on one line', n: 1 << 19, make: (n) => '|'.repeat(n) },
];
