#!/usr/bin/env node
// @ts-check
// CI's advisory check, run once by .ci/run: `npm audit --omit=dev --audit-level=high` over the
// lockfile. It fails (exit 1) only when the audit ran and reported a high or critical advisory in
// a package that ships. The registry's advisory endpoint cannot be reached from every network (on
// some it answers 405), so an audit that gives no report is printed and passes (exit 0): the
// offline lockfile check, `npm run lint:lockfile`, runs in `npm test` either way.
// Usage: node tools/npm-audit.mjs
import { spawnSync } from 'node:child_process';
import { repoRoot } from './apis.mjs';
import { terminalText } from './terminal-text.mjs';

const TIMEOUT_MS = 60_000;
const COMMAND = 'npm audit --omit=dev --audit-level=high';
const FAILING = ['critical', 'high'];

/**
 * @typedef {{ severity: string, via: (string | { title?: string, url?: string })[] }} Vulnerability
 * @typedef {{ metadata: { vulnerabilities: Record<string, number> }, vulnerabilities?: Record<string, Vulnerability> }} AuditReport
 */

/** The report in npm's JSON output, or undefined when npm gave none (an error object, a timeout, no JSON). */
function reportOf(/** @type {string} */ stdout) {
  try {
    const parsed = JSON.parse(stdout);
    return typeof parsed?.metadata?.vulnerabilities === 'object' ? /** @type {AuditReport} */ (parsed) : undefined;
  } catch {
    return undefined;
  }
}

/** Why npm gave no report: the timeout, or npm's own words. */
function whyNoReport(/** @type {import('node:child_process').SpawnSyncReturns<string>} */ result) {
  if (result.error) return /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ETIMEDOUT' ? `no answer within ${TIMEOUT_MS / 1000} s` : result.error.message;
  const lines = `${result.stderr}`.split('\n').filter((line) => /^npm (warn|error)/.test(line) && !line.includes('complete log'));
  return lines.join('; ') || `exit ${result.status} without a report`;
}

function main() {
  const [command, ...args] = [...COMMAND.split(' '), '--json'];
  const result = spawnSync(/** @type {string} */ (command), args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = reportOf(result.stdout ?? '');
  if (!report) {
    console.log(`${COMMAND}: could not reach the advisory endpoint (${terminalText(whyNoReport(result))}); not counted`);
    return 0;
  }
  const counts = report.metadata.vulnerabilities;
  const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((severity) => `${severity} ${Number(counts[severity] ?? 0)}`).join(', ');
  const failing = Object.entries(report.vulnerabilities ?? {}).filter(([, vulnerability]) => FAILING.includes(vulnerability.severity));
  if (failing.length === 0) {
    console.log(`${COMMAND}: no high or critical advisory (${summary})`);
    return 0;
  }
  console.log(`${COMMAND}: ${failing.length} package(s) with a high or critical advisory (${summary})`);
  for (const [name, vulnerability] of failing) {
    const advisories = vulnerability.via.map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title ?? 'advisory'} ${via.url ?? ''}`.trim()));
    console.log(`  ${terminalText(name)} (${terminalText(vulnerability.severity)}): ${terminalText(advisories.join('; '))}`);
  }
  return 1;
}

process.exitCode = main();
