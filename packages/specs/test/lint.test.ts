// Both specs pass `redocly lint` with the project's rules (run through scripts/lint.mjs, the
// package's lint script): no error and no warning, and no repeat of redocly's Node 20 notice.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiNames } from './bundles.js';

const script = resolve(import.meta.dirname, '../scripts/lint.mjs');

function lint(api: string) {
  const result = spawnSync(process.execPath, [script, api, '--format', 'json'], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
    encoding: 'utf8',
  });
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe.each(apiNames)('%s', (api) => {
  it('lints with zero errors and zero warnings', () => {
    const { report, stderr } = lint(api);
    expect(stderr).not.toContain('support is ending');
    const problems = report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
