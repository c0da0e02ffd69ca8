// The generated model of each API (@layerspec/specs/model), read from the copy the build writes
// to dist/model/<api>.json: the mock's tarball carries the model it was built and tested with,
// and installs without @layerspec/specs. Everything the mock knows of an API (scenarios, ports,
// signing rules, error locations, parameters and their bounds) is read here; only Prism gets the
// bundled spec (dist/specs/<api>.json) and follows its `$ref`s.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiModel, OperationModel, ScenarioModel } from '@layerspec/specs/model';
import type { Provider } from './providers.js';

// From dist/*.js and from src/*.ts (the tests) alike, the package's dist/ folder.
const distPath = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The path of a provider's model: the build's copy of @layerspec/specs/model/<api>. */
export function modelPath(provider: Provider): string {
  return distPath(`model/${provider}.json`);
}

/** The path of the bundled JSON spec of a provider, for Prism: the build's copy of @layerspec/specs' file. */
export function specPath(provider: Provider): string {
  return distPath(`specs/${provider}.json`);
}

/** The path of the JSON Schemas of a provider's success answers (whole bodies, envelope included), by operationId. */
export function successSchemaPath(provider: Provider): string {
  return distPath(`model/${provider}-success-schemas.json`);
}

/** The path of the list of APIs the build copied, in the order of redocly.yaml. */
export const PROVIDER_LIST_PATH = distPath('model/apis.json');

/** A JSON file the build writes, or an error that says to build. */
export function readBuilt(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` at the repository root first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const loaded = new Map<Provider, ApiModel>();

export function loadModel(provider: Provider): ApiModel {
  let model = loaded.get(provider);
  if (!model) {
    model = readBuilt(modelPath(provider)) as ApiModel;
    loaded.set(provider, model);
  }
  return model;
}

/** The value at a path of JSON members, or undefined where the path leaves the value. */
export const valueAt = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);

/** Every operation of an API, in the spec's order. */
export function operationsOf(model: ApiModel): OperationModel[] {
  return Object.values(model.operations);
}

/**
 * A named example of an operation, else of any operation: a name means the same case in every
 * operation of an API, so an answer the mock gives before it knows the operation (an unsigned
 * request to an unknown route) is the first operation's example of that name.
 */
export function scenarioOf(model: ApiModel, name: string, operation?: OperationModel): ScenarioModel | undefined {
  const named = (candidate: ScenarioModel) => candidate.name === name;
  return operation?.scenarios.find(named) ?? operationsOf(model).flatMap((each) => each.scenarios.find(named) ?? [])[0];
}

/** A result placed at the operation's result path of an answer body (Tencent's `Response`; AWS's body is the result). */
export function atResultPath(operation: OperationModel, result: Record<string, unknown>): Record<string, unknown> {
  return operation.result.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), result);
}

/** Sets the member at `path` of `value`, when its parent is an object. */
export function setAt(value: unknown, path: readonly string[], member: unknown): void {
  const parent = valueAt(value, path.slice(0, -1));
  if (parent && typeof parent === 'object' && path.length > 0) (parent as Record<string, unknown>)[path.at(-1)!] = member;
}

/** A value placed at a path of members of `into` (a new object by default), each missing parent made. */
export function placeAt(path: readonly string[], value: unknown, into: Record<string, unknown> = {}): Record<string, unknown> {
  let parent = into;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) parent[key] = {};
    parent = parent[key] as Record<string, unknown>;
  }
  if (path.length > 0) parent[path.at(-1)!] = value;
  return into;
}

/** Where an answer carries the message of an error code, as the model locates it in the body. */
export function messagePath(model: ApiModel, code: string | undefined): readonly string[] | undefined {
  const at = model.errors.entries.find((entry) => entry.code === code)?.messageAt;
  return at?.in === 'body' ? at.path : undefined;
}

/** The message of a named error scenario of the spec, read where the model says the answer carries it. */
export function scenarioMessage(provider: Provider, name: string): string {
  const model = loadModel(provider);
  const scenario = scenarioOf(model, name);
  const path = messagePath(model, scenario?.errorCode);
  const message = path ? valueAt(scenario?.value, path) : undefined;
  if (typeof message !== 'string') throw new Error(`the ${provider} spec has no error scenario "${name}" with a message`);
  return message;
}
