/**
 * Documents written for these tests (never copied from the corpus), one or
 * more per kind, including the ambiguous pairs of KINDS.md.
 */

export const SPEC = `Network Working Group                                        A. Writer
Request for Comments: 9999                                   Example Org
Category: Standards Track                                     April 2026

                 The Lantern Message Exchange Protocol

Status of This Memo

   This document specifies an Internet standards track protocol for the
   Internet community, and requests discussion and suggestions for
   improvements.

1.  Introduction

   The Lantern protocol carries short messages between a client and a
   relay. This document defines the framing, the handshake and the error
   codes.

1.1.  Requirements Language

   The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
   "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this
   document are to be interpreted as described in BCP 14 [RFC2119].

2.  Framing

   Every frame MUST start with a two-byte length. A relay MUST NOT accept
   a frame longer than 4096 bytes. A client SHOULD close the connection
   after three malformed frames, and it MAY log them.

   frame   = length payload
   length  = 2OCTET
   payload = *OCTET / %x00-FF

2.1.  Handshake

   The client MUST send a HELLO frame first. The relay SHOULD answer within
   five seconds; a client that gets no answer MAY retry once.

3.  Security Considerations

   Implementations SHOULD use TLS. A relay MUST NOT forward frames from an
   unauthenticated client.

4.  Normative References

   [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate
              Requirement Levels", BCP 14, RFC 2119, March 1997.

Writer                       Standards Track                    [Page 1]
`;

export const DOCS = `# quillpad

[![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example.org)

quillpad is a tiny note-taking server with a JSON API.

## Installation

\`\`\`sh
npm install quillpad
\`\`\`

## Usage

Start the server on a port of your choice:

\`\`\`sh
npx quillpad --port 8080
\`\`\`

You can then create a note with \`POST /notes\` and list them with \`GET /notes\`.

## Configuration

| option | default | meaning |
|---|---|---|
| \`port\` | 8080 | the port to listen on |
| \`dir\` | \`./notes\` | where notes are stored |

## Contributing

See the contributing guide. Run \`npm test\` before opening a pull request.

## License

MIT
`;

/** Spec vs docs: a Markdown design document that is normative. */
export const SPEC_MARKDOWN = `# Tally file format 1.0

The key words "MUST", "MUST NOT", "SHOULD" and "MAY" in this document are to be
interpreted as described in RFC 2119.

## 1. Files

1. A tally file MUST be UTF-8 without a byte order mark.
2. Every line MUST end with a line feed; a reader MUST NOT accept CR alone.
3. A writer SHOULD keep lines shorter than 120 characters.

## 2. Records

1. A record MUST have exactly three fields separated by tabs.
2. The first field MUST be an ISO date; readers MUST reject other dates.
3. The second field SHOULD be a lower-case account name.
4. The third field MUST be a decimal amount; it MAY carry a sign.

## 3. Grammar

    tally  = *record
    record = date TAB account TAB amount LF
    amount = ["-"] 1*DIGIT ["." 1*DIGIT]

## 4. Conformance

A conforming reader MUST implement every rule of sections 1 and 2. A reader
SHOULD report the line number of the first violation.
`;

export const CARD = `name: lantern-relay
title: Lantern relay
version: 0.3.0
description: A small relay for the Lantern message protocol, written to run on a single board computer in a shed.
author: Ada Writer
license: MIT
homepage: https://example.org/lantern
keywords:
  - messaging
  - relay
`;

export const CARD_MARKDOWN = `# Moss Garden

**Team:** Lee and Sam

**What is the game about, in one line?**
A quiet puzzle game where you grow moss to connect stones before the sun dries them.

**What makes it fun?**
Every stone you connect changes the shade pattern of the garden, so each move opens new paths.

**How long does a session last?**
About ten minutes per garden, with thirty gardens in the first release.
`;

/** Card vs data: long uniform records are data. */
export const DATA_YAML = `# generated station list
stations:
  - id: 101
    name: north
    lat: 51.5
    lon: -0.12
  - id: 102
    name: south
    lat: 51.4
    lon: -0.11
  - id: 103
    name: east
    lat: 51.5
    lon: -0.05
  - id: 104
    name: west
    lat: 51.5
    lon: -0.2
  - id: 105
    name: centre
    lat: 51.51
    lon: -0.13
`;

export const DATA_JSON = JSON.stringify({ name: 'x', items: [1, 2, 3], nested: { a: true, b: null } }, null, 2);

export const DATA_CSV = `date,station,temp_c,rain_mm
2026-01-01,north,3.2,0.0
2026-01-01,south,4.1,1.2
2026-01-02,north,2.8,0.4
2026-01-02,south,3.9,0.0
2026-01-03,north,1.5,3.1
2026-01-03,south,2.2,2.7
`;

export const DATA_TOML = `[package]
name = "lantern"
version = "0.3.0"
edition = "2021"

[dependencies]
serde = { version = "1", features = ["derive"] }
tokio = "1.40"
anyhow = "1"

[profile.release]
lto = true
codegen-units = 1
`;

export const DATA_INI = `[Unit]
Description=Lantern relay
After=network.target

[Service]
ExecStart=/usr/local/bin/lantern-relay --port 7000
Restart=on-failure
User=lantern

[Install]
WantedBy=multi-user.target
`;

export const DATA_XML = `<?xml version="1.0" encoding="UTF-8"?>
<stations>
  <station id="101"><name>north</name><lat>51.5</lat></station>
  <station id="102"><name>south</name><lat>51.4</lat></station>
</stations>
`;

export const CODE_PY = `#!/usr/bin/env python3
"""Count words in files."""
import sys
from collections import Counter


def count(path):
    with open(path, encoding="utf-8") as f:
        return Counter(f.read().split())


def main(argv):
    total = Counter()
    for p in argv[1:]:
        total.update(count(p))
    for word, n in total.most_common(10):
        print(f"{n:6d} {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`;

export const CODE_TS = `import { readFile } from 'node:fs/promises';

export interface Note {
  id: string;
  text: string;
}

export async function loadNotes(path: string): Promise<Note[]> {
  const raw = await readFile(path, 'utf8');
  const data: unknown = JSON.parse(raw);
  if (!Array.isArray(data)) throw new Error('not a list');
  return data.map((d, i) => ({ id: String(i), text: String(d) }));
}

export function longest(notes: Note[]): Note | undefined {
  let best: Note | undefined;
  for (const n of notes) {
    if (!best || n.text.length > best.text.length) best = n;
  }
  return best;
}
`;

export const BUNDLE_DIFF = `diff --git a/src/relay.c b/src/relay.c
index 1111111..2222222 100644
--- a/src/relay.c
+++ b/src/relay.c
@@ -10,7 +10,7 @@ int relay(int fd)
 {
-    char buf[1024];
+    char buf[4096];
     ssize_t n = read(fd, buf, sizeof buf);
     if (n < 0) return -1;
     return forward(buf, n);
diff --git a/README.md b/README.md
index 3333333..4444444 100644
--- a/README.md
+++ b/README.md
@@ -1,3 +1,3 @@
 # relay
-Frames up to 1 KiB.
+Frames up to 4 KiB.
`;

export const BUNDLE_TXTAR = `Two files for a test.
-- go.mod --
module example.org/lantern

go 1.22
-- main.go --
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
-- README --
A tiny module.
`;

export const PAPER = `# Measuring shade in moss gardens

## Abstract

We present a method for estimating shade coverage in moss gardens from a
single overhead photograph. In this paper we compare the method with manual
surveys of 40 gardens and show that it agrees within 5% (Tanaka et al., 2021).

## Introduction

Moss growth depends on shade and moisture [1, 2]. Earlier work measured
shade by hand [3], which is slow; Ito and Mori (2019) proposed sensors, but
sensors are costly (Ito & Mori, 2019). Our approach uses a phone camera.

## Methods

We photographed each garden at noon and segmented the images with a
threshold chosen on a held-out set [4]. The dataset is described by
Sato et al. [5].

## Results

The estimate differed from the surveys by 3.1% on average. Related work
reports similar errors for lawns (Kim et al., 2020).

## Conclusion

The method is cheap and accurate enough for garden planning. Future work
will cover seasonal change.

## References

[1] Tanaka, H. et al. Shade and moss. J. Bryology 12 (2021). doi:10.1000/xyz123
[2] Ito, K. and Mori, T. Sensors for gardens. 2019.
`;

export const ISSUE = `# Relay drops frames larger than 1 KiB

**Describe the bug**
The relay silently drops any frame larger than 1024 bytes instead of forwarding it.

**To Reproduce**
Steps to reproduce the behavior:
1. Start the relay with \`lantern-relay --port 7000\`
2. Send a 2000-byte frame with the test client
3. See that the other client never receives it

**Expected behavior**
Frames up to 4096 bytes are forwarded, as the spec says.

**Actual behavior**
Nothing is forwarded and the log shows:

\`\`\`
Error: frame too large
    at relay (src/relay.js:42:11)
\`\`\`

**Environment**
- OS: Debian 12
- Version: 0.3.0
`;

/** Docs vs issue: a troubleshooting page is docs, not an issue. */
export const DOCS_TROUBLESHOOTING = `# Troubleshooting

This page lists common problems with quillpad and how to solve them.

## The server does not start

Check that the port is free. You can pick another one with \`--port\`:

\`\`\`sh
npx quillpad --port 9090
\`\`\`

## Notes are not saved

Make sure the notes folder is writable. See the configuration section of
the README for the \`dir\` option.

## Options

| option | meaning |
|---|---|
| \`--port\` | port to listen on |
| \`--dir\` | notes folder |
`;

export const NEWS = `Harbour town votes to rebuild its sea wall

PORTWELL (Coastal Press) — Residents of Portwell voted on Tuesday to spend
£4.2 million on a new sea wall after winter storms flooded 120 homes.

The council said 61 per cent of voters backed the plan. "We cannot go through
another winter like the last one," said Mayor Ruth Alder, who campaigned for the
wall. According to the council, work will start in March and last 18 months.

Opponents said the cost would raise local taxes by 3 per cent. A spokesman for
the Environment Agency said the government would pay a third of the bill.

Officials expect the wall to protect the harbour for at least 50 years.
`;

/** News vs fiction: dialogue and "said" but narrative structure. */
export const FICTION = `Chapter 1

The fog had come down early that evening, and Mara walked home along the
harbour with her collar turned up against the cold.

"You're late," her brother said when she opened the door. He was sitting by
the fire, whittling a piece of driftwood into the shape of a gull.

"The boats were late," she replied. She hung her coat on the hook and sighed.
"Old Tom says the fog will hold until morning."

"Old Tom says a great many things." He smiled without looking up.

She laughed and sat down beside him. Outside, the foghorn sounded twice, long
and low, and somewhere far off a bell answered it. She thought of her father,
who had gone out before dawn and had not yet come back, and she said nothing
more.

Chapter 2

Morning came grey and still. Mara woke before her brother and went down to
the quay, where the women were already waiting in silence.
`;

export const PROSE = `On keeping a garden notebook

For years I kept no record of my garden. I planted what I liked and forgot
what failed. Last spring I started a notebook, and it has changed how I think
about the whole thing.

A notebook is not a plan. It is a memory that does not flatter you. When I
read that the beans went in two weeks too early, I cannot pretend the frost
was bad luck. When I see that the moss by the north wall spread every year I
left it alone, I stop scraping it away.

The habit costs ten minutes a week. What it gives back is harder to measure:
a sense that the garden is a conversation over years rather than a series of
small defeats. I recommend it to anyone who has ever wondered why the same
mistakes keep coming back.
`;

/** A prose text that mentions code is still prose. */
export const PROSE_WITH_CODE = `Why I stopped writing clever one-liners

I used to be proud of lines like \`xs.reduce((a, b) => a + b, 0)\` squeezed into a
single expression. Over the years I have come to think that clever code is a
debt I hand to whoever reads it next, and that person is usually me, tired, on
a Friday afternoon.

A colleague once spent an hour on a line I had written in a minute. She was not
slow; the line was simply too dense. Since then I write the loop out, name the
intermediate values, and let the reader see the steps. It takes a few more lines
and saves a great deal of patience.

None of this is new advice. But I needed to feel the cost myself before I took
it seriously, and perhaps that is the only way anyone learns it.
`;

export const CONVERSATION = `[03/02/2026, 09:14:02] Ana: morning! did the relay survive the night?
[03/02/2026, 09:14:40] Ben: yes, no restarts
[03/02/2026, 09:15:03] Ana: great, I'll push the 4 KiB frame fix today
[03/02/2026, 09:15:31] Ben: ok, ping me for the review
[03/02/2026, 09:16:10] Cleo: can we also bump the log level?
[03/02/2026, 09:16:45] Ana: sure, separate PR
[03/02/2026, 09:17:02] Ben: 👍
[03/02/2026, 09:20:18] Cleo: thanks
[03/02/2026, 10:02:55] Ana: PR is up
[03/02/2026, 10:05:12] Ben: looking now
`;

export const TRANSCRIPT = `**Host:** Welcome back to the show. Today we're talking about relays with Dana.

**Dana:** Thanks for having me. It's been a busy year for us.

**Host:** Let's start with the basics. Why build your own relay?

**Dana:** Honestly, because the existing ones were too heavy for the boards we use.

**Host:** And how small is small?

**Dana:** The whole thing runs in about four megabytes of memory.

**Host:** That's impressive. What was the hardest part?

**Dana:** Framing, without a doubt. We rewrote it three times.
`;

/** Conversation vs email headers: an email. */
export const EMAIL = `From: Ana Writer <ana@example.org>
To: Ben Reader <ben@example.org>
Subject: Relay frame size
Date: Tue, 03 Feb 2026 10:12:00 +0000
Message-ID: <1234@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Ben,

the relay now accepts frames up to 4 KiB. Could you review the change
before Thursday?

Thanks,
Ana
`;

export const LEGAL_MIT = `MIT License

Copyright (c) 2026 Ada Writer

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

export const LEGAL_TERMS = `# Terms of Service

Last updated: 1 March 2026

By using the Quillpad hosted service you agree to these terms. If you do not
agree, do not use the service.

1. You are responsible for the notes you store. You agree not to store
   unlawful content.
2. The service is provided "as is", without warranty of any kind. We are not
   liable for any loss of data.
3. We may terminate your account if you breach these terms. Termination does
   not affect rights that arose before it.
4. These terms are governed by the laws of Scotland, and its courts have
   exclusive jurisdiction.
`;

// More documents written for these tests: subtypes and formats beyond the basics.

export const PR = "## Summary\n\nThis PR raises the maximum frame size from 1 KiB to 4 KiB, as required by the spec, and adds a regression test.\n\n## Changes\n\n- `relay.c`: enlarge the read buffer and check the length prefix\n- `test/frames.c`: new test sending 1, 1024 and 4096 byte frames\n\n## Testing\n\n- [x] `make test` passes locally\n- [x] Tested on a Raspberry Pi 4 with the stress client\n\nFixes #42\n";

export const RECIPE = "# Grandmother's barley soup\n\nThis soup has fed my family through every winter I can remember. It is cheap, it keeps for days, and it tastes better on the second day than the first.\n\n## Ingredients\n\n- 200 g pearl barley\n- 2 carrots, diced\n- 1 onion, chopped\n- 1.5 litres of stock\n- salt and pepper\n\n## Directions\n\n1. Rinse the barley under cold water until the water runs clear.\n2. Soften the onion and carrots in a little butter for ten minutes.\n3. Add the barley and the stock, bring to the boil, then simmer for an hour.\n4. Season to taste and serve with dark bread.\n";

export const PLAY = "THE LIGHTHOUSE KEEPER\nA Play in One Act\n\nCHARACTERS\nMARGARET, the keeper's wife\nTOM, the keeper\nA STRANGER\n\nSCENE I. The lamp room, night.\n\n[Wind. TOM trims the wick. MARGARET enters with a lantern.]\n\nMARGARET. You've not slept since Tuesday, Tom.\n\nTOM. The light doesn't sleep, so neither do I.\n\nMARGARET. There's a boat below. A man is climbing the steps.\n\nTOM. [Turning.] At this hour? Bring him up, then.\n\n[Exit MARGARET. A pause. Footsteps on the stair.]\n\nSTRANGER. I saw your light from the point. I thought it had gone out.\n\nTOM. It has never gone out. Not in thirty years.\n\nSTRANGER. Then who was it that I saw drowning in the dark?\n\n[TOM sets down the lamp. Curtain.]\n";

export const PEP = "PEP: 9999\nTitle: Frozen mappings in the standard library\nAuthor: Ada Writer <ada@example.org>\nStatus: Draft\nType: Standards Track\nCreated: 01-Mar-2026\nPython-Version: 3.15\nPost-History: 02-Mar-2026\n\nAbstract\n========\n\nThis PEP proposes adding an immutable mapping type, ``frozendict``, to the\nbuiltins module.\n\nMotivation\n==========\n\nImmutable mappings are needed for safe defaults, for hashable configuration,\nand for caching. Third-party implementations exist but differ in behaviour.\n\nSpecification\n=============\n\nA ``frozendict`` MUST be hashable when all its values are hashable. It MUST NOT\nsupport item assignment. Its ``repr`` SHOULD mirror that of ``dict``.\n\nRejected Ideas\n==============\n\nMaking ``dict`` freezable in place was rejected because it complicates every\nmutation path.\n";

export const PRESS = "FOR IMMEDIATE RELEASE\n\nLantern Labs opens first office in Glasgow\n\nGLASGOW, 3 March 2026 — Lantern Labs, the maker of low-power message relays, today announced the opening of its first office in Glasgow, creating 40 jobs over the next two years.\n\n\"Scotland has an extraordinary pool of engineering talent,\" said Ada Writer, chief executive of Lantern Labs. \"We want to be part of it.\"\n\nThe office will house the company's hardware and support teams. Lantern Labs raised £12 million in January and now serves customers in 14 countries.\n\nMedia contact: press@lanternlabs.example\n";

export const ADR = "# 7. Use SQLite for local storage\n\nDate: 2026-02-10\n\n## Status\n\nAccepted\n\n## Context\n\nThe relay needs to persist undelivered frames across restarts. We considered flat files, LevelDB and SQLite. The relay runs on small boards with slow SD cards.\n\n## Decision\n\nWe will use SQLite in WAL mode, with one table for pending frames.\n\n## Consequences\n\nWrites become transactional and crash-safe. We add a dependency on the SQLite library, and the binary grows by about 600 KB.\n";

export const IRC = "[12:01] <ada> anyone seen the relay crash today?\n[12:02] <ben> nope, uptime 3 days here\n[12:02] <ada> mine died after a 2k frame\n[12:03] <cleo> known bug, fix is in #42\n[12:03] * dan has joined #lantern\n[12:04] <ben> cleo: is it merged?\n[12:04] <cleo> ben: not yet, needs review\n[12:05] <ada> I'll review it after lunch\n[12:06] <dan> hi all\n[12:06] <ben> hi dan\n";

export const SCRIPT = "#!/bin/sh\nset -eu\nfor f in \"$@\"; do\n  if [ -f \"$f\" ]; then\n    wc -l \"$f\"\n  fi\ndone\n";

export const PRIVACY = "# Privacy Policy\n\nQuillpad (\"we\", \"us\") respects your privacy. This policy explains what personal information we collect and how we use it.\n\n## Information we collect\n\nWe collect your email address when you register, and the notes you store. We do not sell personal data to third parties.\n\n## Cookies\n\nWe use a single session cookie. You can disable cookies in your browser, but you will not be able to log in.\n\n## Your rights\n\nYou may request a copy of your personal data or ask us to delete it at any time by writing to privacy@quillpad.example. We will respond within 30 days.\n\n## Changes to this policy\n\nWe may update this policy. Continued use of the service after changes means you accept the updated policy.\n";

export const CFF = "cff-version: 1.2.0\nmessage: \"If you use this software, please cite it as below.\"\ntitle: \"Lantern: a tiny message relay\"\nauthors:\n  - family-names: Writer\n    given-names: Ada\nversion: 0.3.0\ndate-released: 2026-03-01\nlicense: MIT\n";

export const ZH_NEWS = "新华社北京3月3日电 国家统计局3日发布数据显示，2月份全国居民消费价格同比上涨0.7%。国家统计局城市司首席统计师表示，受春节因素影响，食品价格有所上涨。据介绍，2月份城市上涨0.8%，农村上涨0.5%。记者了解到，专家预计未来几个月物价将保持稳定。\n";

export const POEM = "The Keeper\n\nAbove the rocks the lantern turns,\nAnd every night the same flame burns;\nThe sailors never see his face,\nBut know the light, and know the place.\n\nHe climbs the stair at fall of day,\nHe trims the wick and wipes the spray,\nAnd when the dawn comes grey and thin\nHe blows it out and lets it in.\n\nNo ship has thanked him, none will call,\nThe sea forgets him, after all;\nYet somewhere in the dark tonight\nA stranger steers home by his light.\n";

export const CODE_OF_CONDUCT = "# Contributor Covenant Code of Conduct\n\n## Our Pledge\n\nWe as members, contributors, and leaders pledge to make participation in our community a harassment-free experience for everyone, regardless of age, body size, visible or invisible disability, ethnicity, sex characteristics, gender identity and expression, level of experience, education, socio-economic status, nationality, personal appearance, race, religion, or sexual identity and orientation.\n\n## Our Standards\n\nExamples of behavior that contributes to a positive environment include demonstrating empathy and kindness toward other people, and being respectful of differing opinions.\n\n## Enforcement\n\nInstances of abusive, harassing, or otherwise unacceptable behavior may be reported to the community leaders responsible for enforcement at conduct@example.org. All complaints will be reviewed and investigated promptly and fairly.\n\n## Attribution\n\nThis Code of Conduct is adapted from the Contributor Covenant, version 2.1.\n";

export const MANPAGE = ".TH LANTERN-RELAY 1 \"March 2026\" \"lantern 0.3\" \"User Commands\"\n.SH NAME\nlantern-relay \\- forward Lantern frames between clients\n.SH SYNOPSIS\n.B lantern-relay\n[\\fB\\-\\-port\\fR \\fIPORT\\fR]\n[\\fB\\-\\-log\\-level\\fR \\fILEVEL\\fR]\n.SH DESCRIPTION\n.B lantern-relay\nlistens on a TCP port and forwards every frame it receives to the other\nconnected clients. Frames larger than 4096 bytes are rejected.\n.SH OPTIONS\n.TP\n.BR \\-\\-port \" \" \\fIPORT\\fR\nPort to listen on (default 7000).\n.TP\n.BR \\-\\-log\\-level \" \" \\fILEVEL\\fR\nOne of error, warn, info or debug.\n.SH SEE ALSO\n.BR lantern (7)\n";

export const INTERVIEW = "Interview with the keeper of Portwell light, recorded 3 March 2026.\n\nINTERVIEWER: How long have you kept the light?\n\nKEEPER: Thirty-one years this spring. My father kept it before me.\n\nINTERVIEWER: Has it ever gone out?\n\nKEEPER: Once, in the storm of ninety-eight. For eleven minutes. I still dream about those eleven minutes.\n\nINTERVIEWER: What happens to the light when you retire?\n\nKEEPER: They'll automate it. A box will do what I do. It won't climb the stairs, mind.\n\nINTERVIEWER: Do you mind?\n\nKEEPER: I mind that nobody will be awake up there. A light should have someone awake beside it.\n";

export const SUBTITLES = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAna: Okay, can everyone hear me?\n\n2\n00:00:04.500 --> 00:00:06.000\nBen: Yes, loud and clear.\n\n3\n00:00:06.500 --> 00:00:10.000\nAna: Great. First item, the frame size bug.\n\n4\n00:00:10.500 --> 00:00:14.000\nCleo: I have a fix up, it just needs review.\n\n5\n00:00:14.500 --> 00:00:16.000\nBen: I'll take it.\n";

export const DOCKERFILE = "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nEXPOSE 7000\nUSER node\nCMD [\"node\", \"server.js\"]\n";

export const CHANGELOG = "# Changelog\n\n## [0.3.0] - 2026-03-01\n\n### Added\n- 4 KiB frames (#42)\n- `--log-level` option\n\n### Fixed\n- crash on empty frame (#40)\n- wrong exit code when the port is taken\n\n## [0.2.0] - 2026-01-10\n\n### Changed\n- relay now uses SQLite for pending frames\n- logs go to stderr\n\n### Removed\n- the `--legacy` flag\n";

export const TUTORIAL = "# Build a tiny relay\n\nIn this tutorial you will write a relay in two files. First create the server.\n\n### server.js\n\n```js\nimport net from \"node:net\";\nnet.createServer((s) => s.pipe(s)).listen(7000);\n```\n\nThen a client to test it.\n\n### client.js\n\n```js\nimport net from \"node:net\";\nconst c = net.connect(7000);\nc.write(\"hi\");\n```\n\nRun the server with `node server.js` and the client with `node client.js`. You should see the echo. Next, we will add framing, which is where things get interesting: a relay must know where one message ends and the next begins.\n";

export const MBOX = "From ada@example.org Tue Mar  3 10:12:00 2026\nFrom: Ada <ada@example.org>\nTo: list@example.org\nSubject: relay 0.3\nDate: Tue, 03 Mar 2026 10:12:00 +0000\nMessage-ID: <a1@example.org>\n\nReleased.\n\nFrom ben@example.org Tue Mar  3 11:00:00 2026\nFrom: Ben <ben@example.org>\nTo: list@example.org\nSubject: Re: relay 0.3\nDate: Tue, 03 Mar 2026 11:00:00 +0000\nMessage-ID: <b1@example.org>\n\nThanks!\n";

export const AP_NEWS = "WASHINGTON (AP) — The Senate on Thursday approved a bill to fund coastal defenses, sending the measure to the president's desk after months of negotiation.\n\nThe bill, which passed 68-31, sets aside $2.4 billion over five years for sea walls and flood barriers in 14 states.\n\n\"This is a down payment on keeping our towns above water,\" said Sen. Maria Lopez, a Democrat from Florida who sponsored the measure.\n\nCritics said the bill did too little to address the causes of rising seas.\n";

export const ISSUE_FORM = "name: Bug report\ndescription: Report something that does not work\nlabels: [\"bug\", \"triage\"]\nbody:\n  - type: markdown\n    attributes:\n      value: Thanks for taking the time to fill out this bug report!\n  - type: textarea\n    id: what-happened\n    attributes:\n      label: What happened?\n      description: Also tell us, what did you expect to happen?\n    validations:\n      required: true\n  - type: input\n    id: version\n    attributes:\n      label: Version\n      description: Which version of the relay are you running?\n";

export const MEETING_NOTES = "# Relay sync, 3 March 2026\n\nAttendees: Ana, Ben, Cleo\n\n- Ana: the 4 KiB fix is ready, needs a review\n- Ben: will review today\n- Cleo: logging changes are blocked on the config refactor\n- Ana: we should cut 0.3.1 after both land\n- Ben: agreed, Friday at the latest\n- Cleo: I'll write the release notes\n\nAction items:\n- Ben reviews the frame fix\n- Cleo drafts release notes\n";

export const WIKI = "# Portwell Lighthouse\n\nPortwell Lighthouse is a lighthouse on the east coast of the Isle of Mora, Scotland. It was built between 1851 and 1853 by the engineer Thomas Alder and was automated in 1998.\n\n## History\n\nThe first light at Portwell was a coal fire kept on the headland by the monks of Mora Abbey in the 15th century. After a series of wrecks in the 1840s, the Northern Lighthouse Board commissioned a stone tower, which was first lit on 1 October 1853.\n\nThe keepers' cottages were enlarged in 1890. During the Second World War the light was dimmed and the station was used as a lookout post.\n\n## Architecture\n\nThe tower is 26 metres tall and built of local granite. It is painted white with a black lantern gallery. The original Fresnel lens, made in Paris, remains in place.\n\n## Automation\n\nThe light was automated in 1998, and the last keeper, John Harrow, left the station that year. The cottages are now holiday lets owned by a heritage trust.\n";

export const PAPER_TXT = "Frame Size Limits in Low-Power Message Relays\n\nAda Writer, Ben Reader\nDepartment of Computing, University of Mora\n\nAbstract\n\nLow-power relays must bound the size of the messages they forward. We measure the effect of frame size limits on throughput and memory use on three single-board computers and find that a 4 KiB limit captures 99.2% of real traffic while keeping peak memory under 4 MB.\n\n1 Introduction\n\nMessage relays on constrained hardware face a trade-off between generality and resource use [1]. Prior work has studied buffer sizing in routers [2, 3] but not in application-level relays.\n\n2 Method\n\nWe replayed 1.2 million frames captured from a community network over eight weeks, varying the limit from 512 bytes to 64 KiB.\n\n3 Results\n\nThroughput was flat above 2 KiB. Memory grew linearly with the limit, as expected from the buffer design.\n\n4 Conclusion\n\nA 4 KiB limit is a good default for small relays.\n\nReferences\n\n[1] A. Smith and B. Jones. Constrained networking. In Proc. NetSys, 2019.\n[2] C. Lee et al. Sizing router buffers. SIGCOMM, 2004.\n[3] D. Kim. Buffer bloat revisited. ACM Queue, 2012.\n";

export const HTML_NEWS = "<!DOCTYPE html>\n<html><head><title>Harbour town votes to rebuild its sea wall</title><style>body{font:16px serif}</style></head>\n<body><article><h1>Harbour town votes to rebuild its sea wall</h1>\n<p>PORTWELL (Coastal Press) — Residents of Portwell voted on Tuesday to spend £4.2 million on a new sea wall after winter storms flooded 120 homes.</p>\n<p>The council said 61 per cent of voters backed the plan. \"We cannot go through another winter like the last one,\" said Mayor Ruth Alder. According to the council, work will start in March and last 18 months.</p>\n<p>Opponents said the cost would raise local taxes by 3 per cent. A spokesman for the Environment Agency said the government would pay a third of the bill.</p>\n</article></body></html>\n";

export const JSONC = "{\n  // Strict settings for the relay\n  \"compilerOptions\": {\n    \"target\": \"ES2022\",\n    \"module\": \"NodeNext\", /* ESM */\n    \"strict\": true,\n    \"outDir\": \"dist\",\n  },\n  \"include\": [\"src\"]\n}\n";

export const ROMAN = "Chapitre premier\n\nLe brouillard était tombé tôt ce soir-là, et Mara rentrait le long du port, le col relevé contre le froid.\n\n— Tu es en retard, dit son frère quand elle ouvrit la porte.\n\nIl était assis près du feu et taillait un morceau de bois flotté en forme de mouette.\n\n— Les bateaux étaient en retard, répondit-elle. Le vieux Tom dit que le brouillard tiendra jusqu'au matin.\n\n— Le vieux Tom dit beaucoup de choses.\n\nIl sourit sans lever les yeux. Elle rit et s'assit à côté de lui. Dehors, la corne de brume sonna deux fois, longue et grave, et quelque part au loin une cloche lui répondit. Elle pensa à son père, parti avant l'aube et qui n'était pas encore rentré, et elle ne dit plus rien.\n";

export const ZH_FICTION = "第一章\n\n那天晚上雾来得很早。玛拉沿着港口走回家，把衣领竖起来挡着寒风。\n\n“你回来晚了。”她一推门，弟弟就说。他坐在炉火旁，正把一块浮木削成海鸥的样子。\n\n“船回来晚了。”她答道，把外套挂在钩子上，叹了口气。“老汤姆说，雾要到天亮才会散。”\n\n“老汤姆说的话可多了。”他头也不抬地笑了笑。\n\n她笑着在他身边坐下。外面，雾角响了两声，又长又低，远处有一口钟回应着它。她想起父亲，他天亮前就出海了，到现在还没有回来。她没有再说什么。\n";

export const ASSISTANT_CHAT = "## User\n\nHow do I make my relay accept 4 KiB frames instead of 1 KiB?\n\n## Assistant\n\nYou need to change two things: the read buffer and the length check.\n\n1. Enlarge the buffer:\n\n```c\nchar buf[4096];\n```\n\n2. Update the length check so frames up to 4096 bytes pass:\n\n```c\nif (len > 4096) return -1;\n```\n\nAfter that, rebuild and run your tests.\n\n## User\n\nDo I need to change the client too?\n\n## Assistant\n\nOnly if the client also limits frame sizes. Check its send path for a similar constant and raise it to match.\n\n## User\n\nThanks, that worked.\n\n## Assistant\n\nGlad to hear it! If you see memory pressure on small boards, consider allocating the buffer once per connection instead of per frame.\n";

export const SLACK = "Ana  10:02 AM\ndid the relay survive the night?\nBen  10:03 AM\nyes, no restarts\nAna  10:04 AM\ngreat, pushing the frame fix today\nCleo  10:05 AM\ncan we bump the log level too?\nAna  10:06 AM\nsure, separate PR\nBen  10:07 AM\nping me for the review\n";

export const SRS = "# Lantern Relay — Software Requirements Specification\n\n## 1. Introduction\n\n### 1.1 Purpose\n\nThis document specifies the functional and non-functional requirements of the Lantern relay, version 1.0.\n\n### 1.2 Scope\n\nThe relay forwards framed messages between clients on a local network.\n\n## 2. Functional requirements\n\n- **FR-1** The relay shall accept TCP connections on a configurable port.\n- **FR-2** The relay shall forward every valid frame to all other connected clients.\n- **FR-3** The relay shall reject frames longer than 4096 bytes.\n- **FR-4** The relay shall close a connection after three malformed frames.\n- **FR-5** The relay shall log each rejected frame with its source address.\n\n## 3. Non-functional requirements\n\n- **NFR-1** The relay shall run in less than 8 MB of memory.\n- **NFR-2** The relay shall forward a frame within 5 ms on a Raspberry Pi 4.\n- **NFR-3** The relay should restart automatically after a crash.\n";

export const README_ZH = "# 灯塔中继\n\n一个运行在单板计算机上的轻量级消息中继。\n\n## 安装\n\n```sh\nnpm install lantern-relay\n```\n\n## 使用\n\n启动中继并指定端口：\n\n```sh\nnpx lantern-relay --port 7000\n```\n\n## 配置\n\n| 选项 | 默认值 | 说明 |\n|---|---|---|\n| `--port` | 7000 | 监听端口 |\n| `--log-level` | info | 日志级别 |\n";

export const NOTEBOOK = "{\n \"cells\": [\n  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Frames\\n\", \"Measuring frame sizes.\"]},\n  {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], \"source\": [\"import pandas as pd\\n\", \"df = pd.read_csv(\\\"frames.csv\\\")\"]}\n ],\n \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
