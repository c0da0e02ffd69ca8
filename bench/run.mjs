#!/usr/bin/env node
// @ts-check
// npm run bench: measures layerspec side by side with the official SDKs, bare Prism and plain
// node:http in one run on one machine, prints one markdown table per section and writes them to
// bench-results/ (git-ignored) as markdown and JSON. See README.md for how to read the numbers.
//   node bench/run.mjs [--only size,cold-start,throughput,memory,mock,build] [--quick]
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSection } from './sections/build.mjs';
import { coldStartSection } from './sections/cold-start.mjs';
import { memorySection } from './sections/memory.mjs';
import { mockSections } from './sections/mock.mjs';
import { sizeSection } from './sections/size.mjs';
import { throughputSection } from './sections/throughput.mjs';
import { goalsSection } from './lib/goals.mjs';
import { stopAllChildren } from './lib/processes.mjs';
import { sectionMarkdown } from './lib/table.mjs';

// Telemetry off and no proxies for this process too (children get the same through childEnv).
Object.assign(process.env, { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', REDOCLY_TELEMETRY: 'off', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });

const SECTIONS = ['size', 'cold-start', 'throughput', 'memory', 'mock', 'build'];
const { values: flags } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
});
if (flags.help) {
  console.log(`usage: node bench/run.mjs [--only ${SECTIONS.join(',')}] [--quick]\n  --quick  fewer and shorter runs, to try the harness (numbers are noisier)`);
  process.exit(0);
}
const only = flags.only ? flags.only.split(',').map((name) => name.trim()) : SECTIONS;
only.sort((a, b) => SECTIONS.indexOf(a) - SECTIONS.indexOf(b));
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section "${name}"; known: ${SECTIONS.join(', ')}`);

const quick = flags.quick;

// An interrupted run stops its servers and workers (each by its pid) before it goes.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench's child processes`);
    stopAllChildren().finally(() => process.exit(130));
  });
}
const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'bench-results');
const logDir = join(resultsDir, 'logs');
mkdirSync(logDir, { recursive: true });

const startedAt = new Date();
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: `${availableParallelism()} x ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverageAtStart: loadavg()
    .map((load) => load.toFixed(2))
    .join(' '),
};
const header = `# layerspec bench, ${startedAt.toISOString()}\n\nNode ${machine.node}, ${machine.platform}, ${machine.cpus}; load average at start ${machine.loadAverageAtStart}.${quick ? ' Quick mode: fewer, shorter runs.' : ''}\n`;
console.log(header);

/** @type {Record<string, () => Promise<any>>} */
const runners = {
  size: () => sizeSection(),
  'cold-start': () => coldStartSection({ runs: quick ? 2 : 5 }),
  throughput: () => throughputSection({ concurrencies: [1, 10], warmupMs: quick ? 100 : 150, runMs: quick ? 300 : 600, runs: quick ? 2 : 3 }),
  memory: () => memorySection({ calls: 10_000, concurrency: 10, runs: quick ? 1 : 2 }),
  mock: () => mockSections({ connections: [10, 50], seconds: quick ? 0.5 : 0.8, warmupSeconds: 0.5, runs: quick ? 2 : 3, starts: quick ? 1 : 3, logDir }),
  build: () => buildSection({ coldRuns: quick ? 1 : 2, cachedRuns: quick ? 2 : 3, logDir }),
};

/** @type {any[]} */
const sections = [];
for (const name of only) {
  const sectionStart = performance.now();
  let produced;
  try {
    produced = [await /** @type {() => Promise<any>} */ (runners[name])()].flat();
  } catch (error) {
    // One broken section must not hide the others' numbers.
    produced = [
      {
        id: name,
        title: `${name}: failed`,
        note: `The section stopped: ${/** @type {Error} */ (error).stack ?? error}`,
        headers: ['section', 'error'],
        rows: [[name, String(/** @type {Error} */ (error).message).slice(0, 200)]],
        data: null,
      },
    ];
  }
  const seconds = ((performance.now() - sectionStart) / 1000).toFixed(1);
  for (const section of produced) {
    section.seconds = Number(seconds);
    sections.push(section);
    console.log(sectionMarkdown(section));
  }
  console.log(`(${name}: ${seconds} s)\n`);
}

const goals = goalsSection(sections);
sections.push(goals);
console.log(sectionMarkdown(goals));

const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
const footer = `Total: ${totalSeconds.toFixed(1)} s; load average at end ${loadavg()
  .map((load) => load.toFixed(2))
  .join(' ')}.`;
console.log(footer);

const stamp = startedAt
  .toISOString()
  .replaceAll(':', '-')
  .replace(/\.\d+Z$/, 'Z');
const markdown = `${header}\n${sections.map(sectionMarkdown).join('\n')}\n${footer}\n`;
const json = JSON.stringify({ startedAt: startedAt.toISOString(), totalSeconds, quick, machine, sections }, null, 2);
for (const name of [`bench-${stamp}`, 'latest']) {
  writeFileSync(join(resultsDir, `${name}.md`), markdown);
  writeFileSync(join(resultsDir, `${name}.json`), `${json}\n`);
}
console.log(`Wrote bench-results/bench-${stamp}.md and .json (also bench-results/latest.md and .json).`);
