#!/usr/bin/env node
// @ts-check
// Checks recorded traffic (HAR files, e.g. the mock's journal export) against the specs with
// `redocly drift`, and exits 1 when it finds an error-level drift.
// Usage: node tools/drift.mjs <traffic.har> [more.har ...]   (`npm run drift -- ...` builds the specs first)
//
// Each answered entry is given to the API whose operation (method and path template, and for an
// RPC action its action header, from the specs' model, @layerspec/specs/model) it matches; an entry that matches none goes to the API the other
// entries of its origin matched, so that drift reports it as an undocumented endpoint. Each API's
// entries are written to one temporary HAR and checked in one `redocly drift` run.
//
// Everything printed that comes from a HAR, from redocly (which quotes the HAR) or from a file name
// goes through terminalText: HAR files come from browsers, proxies and colleagues, and their text
// must not steer the terminal or the CI log that shows it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './apis.mjs';
import { QUIET_ENV } from './quiet-env.mjs';
import { terminalText } from './terminal-text.mjs';
import { PREFER_HEADER } from '@layerspec/mock';

/**
 * @typedef {{ api: string, id: string, method: string, pattern: RegExp, specPath: string, action?: { header: string, name: string }, statuses: string[] }} Operation
 * @typedef {{ file: string, index: number, entry: any, method: string, url: URL, operation?: Operation }} TrafficEntry
 * @typedef {{ severity: 'error' | 'warning' | 'info', rule: string, message: string, where: string, occurrences: number }} Finding
 */

const USAGE = 'usage: npm run drift -- <traffic.har> [more.har ...]';
const require = createRequire(import.meta.url);
const redocly = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Input the script cannot check, or a redocly run without a report: exit 2, after the temporary files are gone. */
class DriftFailure extends Error {
  /** @param {string} message @param {boolean} showUsage */
  constructor(message, showUsage) {
    super(message);
    this.showUsage = showUsage;
  }
}

/**
 * @param {string} message
 * @param {{ showUsage?: boolean }} [options]
 * @returns {never}
 */
function fail(message, { showUsage = false } = {}) {
  throw new DriftFailure(message, showUsage);
}

/** What an HTTP method may be, a token (RFC 9110): anything else is quoted, so it cannot pass for a method or begin a line. */
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Where a finding comes from: the request, its answer's status and, when known, the file and entry.
 * @param {unknown} method @param {unknown} url @param {unknown} status @param {TrafficEntry} [source]
 */
function requestLine(method, url, status, source) {
  const shownMethod = typeof method === 'string' && METHOD_TOKEN.test(method) ? method : `"${method}"`;
  return `${shownMethod} ${url} -> ${status}${source ? `, ${source.file} entry ${source.index}` : ''}`;
}

/** Writes redocly's own text, which may quote the HAR, one escaped line at a time, each marked as redocly's. */
function printRedoclyText(/** @type {string} */ text) {
  for (const line of text.split(/\r?\n/)) process.stderr.write(`redocly: ${terminalText(line)}\n`);
}

/** @param {string} api */
function bundlePath(api) {
  try {
    return require.resolve(`@layerspec/specs/${api}.json`);
  } catch {
    return fail(`the bundle of ${api} is missing; run \`npm run build\` (npm run drift does)`);
  }
}

/** A path template such as /layers/{LayerName} as a pattern of the paths it matches. */
function templatePattern(/** @type {string} */ template) {
  const parts = template.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}

/**
 * The operations of an API's model, each with the response statuses its spec documents: every
 * response has named examples (the spec's lint rules), so the statuses are those of its scenarios
 * and errors.
 * @param {import('@layerspec/specs/model').ApiModel} model
 * @returns {Operation[]}
 */
function operationsOf(model) {
  return Object.values(model.operations).map(({ id, method, path, specPath, action, scenarios, errorCodes }) => {
    const errors = model.errors.entries.filter((error) => errorCodes.includes(error.code));
    const statuses = new Set([...scenarios.map((scenario) => scenario.status), ...errors.map((error) => error.status)]);
    return {
      api: model.api,
      id,
      method: method.toLowerCase(),
      pattern: templatePattern(path),
      specPath,
      ...(action ? { action } : {}),
      statuses: [...statuses].sort((a, b) => a - b).map(String),
    };
  });
}

/** The APIs' models, or exit 2 when the specs are not built. */
async function loadModels() {
  try {
    return Object.values((await import('@layerspec/specs/model')).models);
  } catch (error) {
    return fail(`the specs' model cannot be loaded (${error instanceof Error ? error.message : String(error)}); run \`npm run build\` (npm run drift does)`);
  }
}

/** The answered entries of one HAR file, and how many it has without a whole answer. */
function readTraffic(/** @type {string} */ file) {
  /** @type {any} */
  let har;
  try {
    har = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`${file}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(har?.log?.entries)) return fail(`${file}: log.entries must be an array, as in every HAR file`);
  /** @type {TrafficEntry[]} */
  const answered = [];
  let unanswered = 0;
  for (const [index, entry] of /** @type {any[]} */ (har.log.entries).entries()) {
    const url = URL.canParse(entry?.request?.url) ? new URL(entry.request.url) : undefined;
    if (!url || typeof entry.request.method !== 'string') fail(`${file}: log.entries[${index}].request must have a method and an absolute url`);
    // A dropped request (status 0, as browsers record one) or a cut-off body is not an answer the
    // spec describes; the mock's export marks both in `_layerspec.answer`.
    const kind = entry._layerspec?.answer;
    if ((kind !== undefined && kind !== 'answered') || !(entry.response?.status > 0)) {
      unanswered += 1;
      continue;
    }
    answered.push({ file, index, entry, method: entry.request.method.toLowerCase(), url });
  }
  return { answered, unanswered };
}

/** The value of a request header of an entry (HAR keeps header names as sent). */
function headerOf(/** @type {TrafficEntry} */ traffic, /** @type {string} */ name) {
  const headers = Array.isArray(traffic.entry.request?.headers) ? traffic.entry.request.headers : [];
  return headers.find((/** @type {any} */ header) => typeof header?.name === 'string' && header.name.toLowerCase() === name.toLowerCase())?.value;
}

/** The operation an entry is a call of, if any: by method and path, and an RPC action by its header too. */
function matchOperation(/** @type {TrafficEntry} */ traffic, /** @type {Operation[]} */ operations) {
  return operations.find(
    (operation) =>
      operation.method === traffic.method &&
      operation.pattern.test(traffic.url.pathname) &&
      (!operation.action || headerOf(traffic, operation.action.header) === operation.action.name),
  );
}

/** How `redocly drift` picks the response an answer is checked against: exact, then NXX, then default. */
function documentsStatus(/** @type {Operation} */ operation, /** @type {number} */ status) {
  const range = `${Math.floor(status / 100)}XX`;
  return [String(status), range, range.toLowerCase(), 'default'].some((key) => operation.statuses.includes(key));
}

/** The paragraphs of redocly's stderr worth showing: not its Node.js end-of-life box, nor its timing line (`<test>ms` under NODE_ENV=test). */
function redoclyNotices(/** @type {string} */ stderr) {
  return stderr
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph && !paragraph.includes('support is ending') && !/drift processed in (\d+|<test>)ms$/.test(paragraph));
}

/**
 * Where redocly drift can find an RPC action: its pseudo-path (`/#GetLayerVersion`) with the `#`
 * percent-encoded. redocly compares a request's URL path with the spec's path keys, and a URL path
 * never holds a `#`, so each action's calls are checked against a copy of the bundle whose action
 * keys are these paths, with the calls' URLs pointed at them.
 */
const actionPath = (/** @type {string} */ specPath) => specPath.replaceAll('#', '%23');

/**
 * The bundle redocly checks an API's entries against, and the entries as it gets them: the bundle
 * itself, or for an RPC API a copy whose actions are at paths a URL can name (see actionPath).
 * @param {string} bundle @param {TrafficEntry[]} entries @param {string} folder
 */
function driftInput(bundle, entries, folder) {
  const actions = entries.flatMap((one) => (one.operation?.action ? [one.operation] : []));
  if (actions.length === 0) return { api: bundle, harEntries: entries.map((one) => one.entry) };
  const document = JSON.parse(readFileSync(bundle, 'utf8'));
  const paths = Object.entries(document.paths ?? {}).map(([key, item]) => [actions.some((operation) => operation.specPath === key) ? actionPath(key) : key, item]);
  document.paths = Object.fromEntries(paths);
  const api = join(folder, `${basename(bundle, '.json')}.actions.json`);
  writeFileSync(api, JSON.stringify(document));
  const harEntries = entries.map(({ entry, operation, url }) => {
    if (!operation?.action) return entry;
    return { ...entry, request: { ...entry.request, url: `${url.origin}${actionPath(operation.specPath)}${url.search}` } };
  });
  return { api, harEntries };
}

/**
 * Runs `redocly drift` on one API's entries and returns its findings.
 * @param {string} bundle the API's bundled spec
 * @param {TrafficEntry[]} entries
 * @param {string} folder where the temporary HAR goes
 */
function runDrift(bundle, entries, folder) {
  const traffic = join(folder, `${basename(bundle, '.json')}.har`);
  const { api, harEntries } = driftInput(bundle, entries, folder);
  writeFileSync(traffic, JSON.stringify({ log: { version: '1.2', creator: { name: 'layerspec tools/drift.mjs', version: '1' }, entries: harEntries } }));
  const args = [
    redocly,
    'drift',
    traffic,
    '--api',
    api,
    '--config',
    resolve(repoRoot, 'redocly.yaml'),
    // The mocks listen on 127.0.0.1:<port>, not on the spec's servers: basepath mode matches by the
    // servers' base path alone, so entries from any number of mock ports are checked in one run.
    '--match-mode',
    'basepath',
    // `Prefer` picks the mock's scenario (Prism's header); neither provider's API has it.
    '--ignore-headers',
    PREFER_HEADER,
    '--format',
    'json',
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...QUIET_ENV }, maxBuffer: 256 * 1024 * 1024 });
  /** @type {any} */
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    printRedoclyText(result.stderr ?? '');
    return fail(`redocly drift on ${relative(repoRoot, bundle)} failed (${result.error?.message ?? `exit ${result.status}`}) without a report`);
  }
  for (const notice of redoclyNotices(result.stderr)) printRedoclyText(notice);
  /** @type {Finding[]} */
  const findings = (report.problems ?? []).map((/** @type {any} */ problem) => {
    const source = entries[problem.exchangeIndex];
    const field = problem.dataPath ? ` (${problem.target} ${problem.dataPath})` : '';
    return {
      severity: problem.severity,
      rule: problem.ruleId,
      message: `${problem.message}${field}`,
      // The URL as recorded, not as an action's call was pointed at its path for redocly.
      where: requestLine(problem.method, source ? source.url.href : problem.url, problem.status, source),
      occurrences: problem.occurrences ?? 1,
    };
  });
  return { findings, exchanges: report.run?.totalExchanges ?? entries.length };
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) fail('name at least one HAR file', { showUsage: true });

  const models = await loadModels();
  const apis = models.map((model) => model.api);
  const bundles = new Map(apis.map((api) => [api, bundlePath(api)]));
  const operations = models.flatMap(operationsOf);

  /** @type {TrafficEntry[]} */
  const answered = [];
  let unanswered = 0;
  for (const file of positionals) {
    // npm run starts scripts at the root; a relative name is meant from where npm was run.
    const traffic = readTraffic(resolve(process.env.INIT_CWD ?? process.cwd(), file));
    answered.push(...traffic.answered);
    unanswered += traffic.unanswered;
  }

  /** @type {Map<string, TrafficEntry[]>} entries by API */
  const byApi = new Map(apis.map((api) => [api, []]));
  /** @type {Map<string, Set<string>>} the APIs each origin's entries matched */
  const apisOfOrigin = new Map();
  /** @type {TrafficEntry[]} */
  const unmatched = [];
  /** @type {Map<string, Finding[]>} findings of this script's own, by API */
  const ownFindings = new Map(apis.map((api) => [api, []]));
  for (const traffic of answered) {
    const operation = matchOperation(traffic, operations);
    if (!operation) {
      unmatched.push(traffic);
      continue;
    }
    traffic.operation = operation;
    byApi.get(operation.api)?.push(traffic);
    apisOfOrigin.set(traffic.url.origin, (apisOfOrigin.get(traffic.url.origin) ?? new Set()).add(operation.api));
    // redocly drift checks an answer's body only when the spec documents its status, and says
    // nothing of an answer whose status it does not document.
    const status = traffic.entry.response.status;
    if (!documentsStatus(operation, status)) {
      ownFindings.get(operation.api)?.push({
        severity: 'error',
        rule: 'undocumented-status (tools/drift.mjs)',
        message: `Response status ${status} is not documented for ${operation.id} (documented: ${operation.statuses.join(', ')})`,
        where: requestLine(traffic.entry.request.method, traffic.url.href, status, traffic),
        occurrences: 1,
      });
    }
  }
  /** @type {Finding[]} */
  const orphanFindings = [];
  for (const traffic of unmatched) {
    const candidates = [...(apisOfOrigin.get(traffic.url.origin) ?? [])];
    const where = requestLine(traffic.entry.request.method, traffic.url.href, traffic.entry.response.status, traffic);
    if (candidates.length === 1) byApi.get(/** @type {string} */ (candidates[0]))?.push(traffic);
    else
      orphanFindings.push({
        severity: 'error',
        rule: 'no-api',
        message: `No operation of ${apis.join(' or ')} matches this request, and its origin ${candidates.length === 0 ? 'served no documented call' : `served calls of ${candidates.join(' and ')}`}`,
        where,
        occurrences: 1,
      });
  }

  const folder = mkdtempSync(join(tmpdir(), 'layerspec-drift-har-'));
  let errors = 0;
  try {
    for (const [api, bundle] of bundles) {
      const entries = byApi.get(api) ?? [];
      const label = `${api} (${relative(repoRoot, bundle)})`;
      if (entries.length === 0) {
        console.log(`${terminalText(label)}: no traffic`);
        continue;
      }
      const { findings, exchanges } = runDrift(bundle, entries, folder);
      const all = [...(ownFindings.get(api) ?? []), ...findings];
      const apiErrors = all.filter((finding) => finding.severity === 'error').reduce((sum, finding) => sum + finding.occurrences, 0);
      errors += apiErrors;
      console.log(`${terminalText(label)}: ${terminalText(exchanges)} exchange(s) checked, ${apiErrors === 0 ? 'no drift' : `${apiErrors} error(s)`}`);
      printFindings(all);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (orphanFindings.length > 0) {
    console.log('traffic of no API:');
    printFindings(orphanFindings);
    errors += orphanFindings.length;
  }
  if (unanswered > 0) console.log(`skipped ${unanswered} entr${unanswered === 1 ? 'y' : 'ies'} without a whole answer (dropped, or cut off mid-body)`);
  console.log(errors === 0 ? 'drift: no errors' : `drift: ${errors} error(s)`);
  return errors === 0 ? 0 : 1;
}

/** @param {Finding[]} findings */
function printFindings(findings) {
  for (const finding of findings) {
    const times = finding.occurrences > 1 ? ` (x${terminalText(finding.occurrences)})` : '';
    const severity = terminalText(finding.severity).padEnd(7);
    console.log(`  ${severity} ${terminalText(finding.rule)}: ${terminalText(finding.message)}${times}\n          ${terminalText(finding.where)}`);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof DriftFailure)) throw error;
  process.stderr.write(`drift: ${terminalText(error.message)}\n`);
  if (error.showUsage) process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
