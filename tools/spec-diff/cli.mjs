#!/usr/bin/env node
// @ts-check
// Prints every change of each API's spec since its last release, rated by the semver bump it
// needs. Usage: npm run diff [-- --format markdown] [--markdown FILE] [--api NAME]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readApis } from '../apis.mjs';
import { diffApi, renderMarkdown, renderText } from './diff.mjs';

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'text' },
    markdown: { type: 'string' },
    api: { type: 'string', multiple: true },
  },
});
if (values.format !== 'text' && values.format !== 'markdown') {
  console.error(`--format must be text or markdown, not "${values.format}"`);
  process.exit(2);
}
const apis = values.api ?? Object.keys(readApis());
const results = [];
for (const api of apis) results.push(await diffApi(api));
console.log(values.format === 'markdown' ? renderMarkdown(results) : renderText(results));
if (values.markdown) {
  // npm run starts scripts at the root; a relative name is meant from where npm was run.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.markdown);
  writeFileSync(file, renderMarkdown(results));
  console.log(`wrote ${file}`);
}
