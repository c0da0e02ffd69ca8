// Reads a provider's bundled spec (@layerspec/specs, built from redocly.yaml's `apis:`, copied
// into dist/specs/ by the build) and lists its named examples: every example name is a scenario
// a client can ask for.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseExactJson } from 'lossless-json';

export const PROVIDERS = ['aws-lambda', 'tencent-scf'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** A JSON object of the spec; the mock only reads the parts it needs. */
export type SpecNode = Record<string, any>;

export interface Scenario {
  /** The example name, unique per operation across its responses. */
  name: string;
  /** The HTTP status of the response that holds the example. */
  status: number;
  /** The response object (references resolved at the top level). */
  response: SpecNode;
  /** The example's value. */
  value: unknown;
  /** The example object itself (summary, description, `x-` extensions). */
  example: SpecNode;
}

export interface LoadedSpec {
  provider: Provider;
  /** The bundle as the mock reads it: integers a JavaScript number cannot hold are bigints, exact. */
  document: SpecNode;
  /** The bundle as plain JSON, for Prism, whose validator takes only numbers. */
  prismDocument: SpecNode;
  scenarios: Scenario[];
}

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}

/** The path of the bundled JSON spec of a provider: the build's copy of @layerspec/specs' file. */
export function specPath(provider: Provider): string {
  // From dist/spec.js and from src/spec.ts (the tests) alike, the package's dist/ folder.
  return fileURLToPath(new URL(`../dist/specs/${provider}.json`, import.meta.url));
}

export function loadSpec(provider: Provider): LoadedSpec {
  if (!existsSync(specPath(provider))) {
    throw new Error(`${specPath(provider)} is missing: run \`npm run build\` at the repository root first`);
  }
  const text = readFileSync(specPath(provider), 'utf8');
  const document = parseExactJson(text, null, exactNumber) as SpecNode;
  return { provider, document, prismDocument: JSON.parse(text) as SpecNode, scenarios: listScenarios(document) };
}

/** A JSON number as a number, or as a bigint when it is an integer a number would round (int64 bounds). */
export function exactNumber(text: string): number | bigint {
  const value = Number(text);
  return /^-?\d+$/.test(text) && !Number.isSafeInteger(value) ? BigInt(text) : value;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a real object. */
export function deref(document: SpecNode, node: SpecNode | undefined): SpecNode | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<SpecNode | undefined>((parent, key) => parent?.[key], document);
  }
  return current;
}

export interface SpecOperation {
  path: string;
  method: string;
  operation: SpecNode;
}

export function listOperations(document: SpecNode): SpecOperation[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<SpecNode>(document.paths ?? {})) {
    for (const method of methods) if (item[method]) operations.push({ path, method, operation: item[method] });
  }
  return operations;
}

/** Every named response example of every operation, in the order the spec lists them. */
export function listScenarios(document: SpecNode): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const { operation } of listOperations(document)) {
    for (const [status, ref] of Object.entries<SpecNode>(operation.responses ?? {})) {
      const response = deref(document, ref);
      const examples = response?.content?.['application/json']?.examples ?? {};
      for (const [name, exampleRef] of Object.entries<SpecNode>(examples)) {
        if (scenarios.some((scenario) => scenario.name === name)) {
          throw new Error(`example name "${name}" is used twice; scenario names must be unique`);
        }
        const example = deref(document, exampleRef) ?? {};
        scenarios.push({ name, status: Number(status), response: response!, value: example.value, example });
      }
    }
  }
  return scenarios;
}

export function findScenario(spec: LoadedSpec, name: string): Scenario {
  const scenario = spec.scenarios.find((candidate) => candidate.name === name);
  if (!scenario) {
    throw new UnknownScenarioError(spec.provider, name, spec.scenarios.map((s) => s.name));
  }
  return scenario;
}

export class UnknownScenarioError extends Error {
  override readonly name = 'UnknownScenarioError';
  constructor(
    readonly provider: Provider,
    readonly scenario: string,
    readonly validScenarios: string[],
  ) {
    super(`${provider} has no scenario "${scenario}"; the spec's scenarios are: ${validScenarios.join(', ')}`);
  }
}
