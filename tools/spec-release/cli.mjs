#!/usr/bin/env node
// @ts-check
// Releases every API whose bundle differs from its last released snapshot (see release.mjs).
// Usage: node tools/spec-release/cli.mjs [--date YYYY-MM-DD]   (`npm run release:specs` builds the bundles first)
import { parseArgs } from 'node:util';
import { releaseSpecs } from './release.mjs';

try {
  const { values } = parseArgs({ options: { date: { type: 'string' } } });
  const outcomes = await releaseSpecs(values.date ? { date: values.date } : {});
  for (const outcome of outcomes) {
    console.log(
      outcome.revision
        ? `${outcome.api}: released ${outcome.revision} (${outcome.changes} change${outcome.changes === 1 ? '' : 's'})`
        : `${outcome.api}: no change since the last release`,
    );
  }
} catch (error) {
  console.error(`release:specs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
