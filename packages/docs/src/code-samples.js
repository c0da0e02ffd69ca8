// @ts-check
// Code samples are documentation, not API facts: they live as templates in this package and are
// added to a copy of the bundle as `x-codeSamples` at build time, so specs/ stays the API's truth.
// One set of templates per API serves every operation: placeholders are filled from the model
// (the operation's id, wire route and action, the first example of each request field).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callerInputs } from './fields.js';

/** @typedef {import('./fields.js').Field} Field */
/** @typedef {import('@layerspec/specs/model').ApiModel} ApiModel */
/** @typedef {import('@layerspec/specs/model').OperationModel} OperationModel */
/** @typedef {{ label: string, mockPort: number, mockCredentials: { id: string, secret: string }, clientPackage: string, sdkPackage: string }} Provider */
/** @typedef {{ lang: string, label: string, source: string }} CodeSample */

/** @param {Provider} provider */
export function sampleFiles(provider) {
  return [
    { file: 'curl.sh', lang: 'curl', label: 'curl (local mock)' },
    { file: 'layerspec.ts', lang: 'TypeScript', label: provider.clientPackage },
    { file: 'sdk.ts', lang: 'TypeScript', label: `${provider.sdkPackage} (official SDK)` },
  ];
}

/** The clients' method for an operation: its operationId with a lower-case first letter. @param {OperationModel} operation */
export const clientMethod = (operation) => `${operation.id.charAt(0).toLowerCase()}${operation.id.slice(1)}`;

/** A TypeScript object literal of the inputs, keys bare where they are identifiers. @param {[string, unknown][]} entries */
function objectLiteral(entries) {
  if (entries.length === 0) return '{}';
  const key = (/** @type {string} */ name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  return `{ ${entries.map(([name, value]) => `${key(name)}: ${JSON.stringify(value)}`).join(', ')} }`;
}

/**
 * The samples of one operation.
 * @param {{ api: string, operation: OperationModel, fields: Field[], provider: Provider, mockCommand: string, templatesDir: string }} input
 *   fields: the operation's fields (src/fields.js); its request fields fill the placeholders
 * @returns {CodeSample[]}
 */
export function buildCodeSamples({ api, operation, fields, provider, mockCommand, templatesDir }) {
  const request = fields.filter((field) => field.side === 'request' && field.operation === operation.id);
  const where = `${api} ${operation.id}`;
  // What a caller passes: the required inputs the client does not set itself, each with the spec's example.
  const passed = new Set(
    callerInputs(operation)
      .filter((input) => input.required)
      .map((input) => `${input.in} ${input.name}`),
  );
  const sent = request.filter((field) => !field.signing && passed.has(`${field.in} ${field.name}`));
  for (const field of sent)
    if (field.example === undefined) throw new Error(`${where}: ${field.in} input ${field.name} has no example to put in the code samples; give it one in the spec`);
  const host = `127.0.0.1:${provider.mockPort}`;
  const body = Object.fromEntries(sent.filter((field) => field.in === 'body' && !field.name.includes('.')).map((field) => [field.name, field.example]));
  const filledPath = operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const field = request.find((f) => f.in === 'path' && f.name === name);
    if (field?.example === undefined) throw new Error(`${where}: path parameter ${name} has no example to put in the code samples; give it one in the spec`);
    return encodeURIComponent(String(field.example));
  });
  const query = new URLSearchParams(sent.filter((field) => field.in === 'query').map((field) => [field.name, String(field.example)])).toString();
  /** @type {Record<string, string>} */
  const text = {
    mockCommand,
    mockHost: host,
    mockUrl: `http://${host}`,
    mockId: provider.mockCredentials.id,
    mockSecret: provider.mockCredentials.secret,
    clientPackage: provider.clientPackage,
    sdkPackage: provider.sdkPackage,
    operationId: operation.id,
    // The name an RPC API's SDKs call the action by; a REST operation's is its id.
    action: operation.action?.name ?? operation.id,
    clientMethod: clientMethod(operation),
    method: operation.method,
    path: query ? `${filledPath}?${query}` : filledPath,
    body: JSON.stringify(body),
    input: objectLiteral(sent.filter((field) => !field.name.includes('.')).map((field) => [field.name, field.example])),
  };
  return sampleFiles(provider).map(({ file, lang, label }) => {
    const template = readFileSync(join(templatesDir, api, file), 'utf8');
    const source = template.replace(/\{\{([\w-]+)\}\}/g, (_, name) => {
      const known = text[name];
      if (known !== undefined) return known;
      const field = request.find((f) => f.name === name);
      if (!field || field.example === undefined)
        throw new Error(`${api}/${file}: placeholder {{${name}}} is neither a known value nor a request field of ${operation.id} with an example`);
      // In TypeScript a field's example goes in as a literal; in a shell script as plain text.
      return file.endsWith('.ts') ? JSON.stringify(field.example) : String(field.example);
    });
    return { lang, label, source: source.trimEnd() };
  });
}

/**
 * A copy of the bundle for Redoc: each operation with its samples, found where the model says the
 * spec keeps it (`specPath`, an RPC action's pseudo-path). Redoc prints that key as the route, so
 * an operation whose wire route differs from it (every action of an RPC API is `POST /`) says its
 * wire route first in its description.
 * @param {any} doc @param {ApiModel} model @param {Readonly<Record<string, CodeSample[]>>} samples by operationId
 */
export function withCodeSamples(doc, model, samples) {
  const copy = structuredClone(doc);
  for (const operation of Object.values(model.operations)) {
    const { specPath, method } = operation;
    const node = copy.paths?.[specPath]?.[method.toLowerCase()];
    if (!node) throw new Error(`${model.api}: the bundle has no ${method} ${specPath}`);
    const own = samples[operation.id];
    if (!own) throw new Error(`${model.api}: no code samples for ${operation.id}`);
    node['x-codeSamples'] = own;
    if (specPath !== operation.path || operation.action) {
      const header = operation.action ? ` with the header \`${operation.action.header}: ${operation.action.name}\`` : '';
      const note = `**On the wire:** \`${method} ${operation.path}\`${header}. The path \`${specPath}\` shown for it only tells the actions apart in this document; its fragment is never sent.`;
      node.description = node.description ? `${note}\n\n${node.description}` : note;
    }
  }
  return copy;
}
