import { cnt, type WordStats } from './words.js';
/** Licence identification (SPDX ids) and legal phrase cues. */

/** [spdx id, phrases that must all occur (lower-cased, whitespace-collapsed)] in order of specificity. */
const SPDX: Array<[string, string[]]> = [
  ['agpl-3.0', ['gnu affero general public license', 'version 3']],
  ['lgpl-3.0', ['gnu lesser general public license', 'version 3']],
  ['lgpl-2.1', ['gnu lesser general public license', 'version 2.1']],
  ['lgpl-2.1', ['gnu library general public license']],
  ['gpl-3.0', ['gnu general public license', 'version 3, 29 june 2007']],
  ['gpl-3.0', ['gnu general public license', 'version 3']],
  ['gpl-2.0', ['gnu general public license', 'version 2']],
  ['apache-2.0', ['apache license', 'version 2.0']],
  ['mpl-2.0', ['mozilla public license', '2.0']],
  ['epl-2.0', ['eclipse public license', '2.0']],
  ['artistic-2.0', ['the artistic license 2.0']],
  ['bsl-1.0', ['boost software license']],
  ['unlicense', ['this is free and unencumbered software released into the public domain']],
  ['cc0-1.0', ['cc0 1.0 universal']],
  ['cc-by-sa-4.0', ['creative commons', 'attribution-sharealike 4.0']],
  ['cc-by-nc-4.0', ['creative commons', 'attribution-noncommercial 4.0']],
  ['cc-by-4.0', ['creative commons', 'attribution 4.0 international']],
  ['cc-by-sa-3.0', ['creative commons', 'attribution-sharealike 3.0']],
  ['cc-by-3.0', ['creative commons', 'attribution 3.0']],
  ['isc', ['permission to use, copy, modify, and/or distribute this software for any purpose']],
  ['mit', ['permission is hereby granted, free of charge', 'the software is provided "as is"']],
  ['mit', ['permission is hereby granted, free of charge']],
  ['bsd-3-clause', ['redistribution and use in source and binary forms', 'neither the name']],
  ['bsd-2-clause', ['redistribution and use in source and binary forms', 'this list of conditions']],
  ['zlib', ["this software is provided 'as-is'", 'altered source versions must be plainly marked']],
  ['wtfpl', ['do what the fuck you want to']],
];

export function spdxOf(lowerCollapsed: string): string | null {
  for (const [id, phrases] of SPDX) {
    if (phrases.every((p) => lowerCollapsed.includes(p))) {
      if (id === 'bsd-2-clause' && /advertising materials/.test(lowerCollapsed)) return 'bsd-4-clause';
      return id;
    }
  }
  return null;
}

/** Cue phrases of legal text, lower-case, each counted once per occurrence. [phrase, weight] */
export const LEGAL_CUES: Array<[string, number]> = [
  ['permission is hereby granted', 3],
  ['hereby grant', 2],
  ['as is', 1],
  ['without warranty', 2],
  ['warranties of merchantability', 2],
  ['fitness for a particular purpose', 2],
  ['in no event shall', 2],
  ['redistribution and use in source', 3],
  ['general public license', 2],
  ['licensed under the', 1],
  ['terms and conditions', 1],
  ['licensor', 1],
  ['licensee', 1],
  ['you agree', 1],
  ['agree to', 0.5],
  ['liability', 1],
  ['liable', 1],
  ['indemnify', 1.5],
  ['indemnification', 1.5],
  ['indemnified', 1.5],
  ['governing law', 2],
  ['jurisdiction', 1],
  ['terms of service', 2],
  ['terms of use', 2],
  ['privacy policy', 2],
  ['personal information', 1],
  ['personal data', 1],
  ['third-party services', 1],
  ['third parties', 0.5],
  ['contributor license agreement', 3],
  ['intellectual property', 1],
  ['copyright holder', 1.5],
  ['copyright notice', 1.5],
  ['trademark', 0.5],
  ['hereby', 0.5],
  ['herein', 0.5],
  ['thereof', 0.5],
  ['pursuant to', 1],
  ['notwithstanding', 1],
  ['shall not', 0.5],
  ['sublicense', 1.5],
  ['royalty-free', 1.5],
  ['non-exclusive', 1],
  ['irrevocable', 1.5],
  ['terminate', 0.5],
  ['termination', 0.5],
  ['consent', 0.5],
  ['we collect', 1],
  ['data we collect', 1],
  ['by using', 1],
  ['limitation of liability', 2],
  ['disclaimer', 1],
  ['derivative works', 1.5],
  ['creative commons', 1.5],
  ['public domain', 0.5],
];

export const LEGAL_PHRASES: readonly string[] = LEGAL_CUES.map(([p]) => p);

export function legalCueScore(ws: WordStats): { score: number; hits: string[] } {
  let score = 0;
  const hits: Array<[string, number]> = [];
  for (const [p, w] of LEGAL_CUES) {
    const n = cnt(ws, p);
    if (n > 0) {
      score += w * Math.min(n, 8);
      hits.push([p, n]);
    }
  }
  hits.sort((a, b) => b[1] - a[1]);
  return { score, hits: hits.slice(0, 4).map(([p, n]) => `"${p}" ×${n}`) };
}
