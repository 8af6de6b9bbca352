// Writes schema/report.schema.json from the zod schema in dist/ (run by `npm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ReportSchema, KindsReportSchema } from '../dist/report/schema.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name, schema, title) => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  json.title = title;
  json.$id = `https://seedcheck.dev/schema/${name}`;
  writeFileSync(new URL(name, out), JSON.stringify(json, null, 2) + '\n');
};
write('report.schema.json', ReportSchema, 'seedcheck report (seedcheck check --format json)');
write('kinds.schema.json', KindsReportSchema, 'seedcheck kinds report (seedcheck kinds --format json)');
